package io.migrationsafety.format;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One migration of a set, as its format defines it.
 *
 * @param id the identifier the format gives it (version, timestamp, revision or directory name)
 * @param version its version, or {@code null} when the format orders migrations otherwise
 *     (Alembic's revision graph, Flyway's repeatables)
 * @param description the human part of its name ({@code add_orders_index})
 * @param file the file of its forward script
 * @param upScript the forward script's text
 * @param downFile the file of its rollback script, or {@code null}
 * @param downScript the rollback script's text, or {@code null} when there is none
 * @param transactional whether the migration runs in one transaction (as its tool runs it)
 */
public record Migration(
    String id,
    MigrationVersion version,
    String description,
    Path file,
    String upScript,
    Path downFile,
    String downScript,
    boolean transactional) {

  public Migration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(upScript, "upScript");
    if ((downFile == null) != (downScript == null)) {
      throw new IllegalArgumentException("a down script needs its file, and the other way round");
    }
  }

  /**
   * The SHA-256 of the forward script's text, in lower-case hex: what a history records to notice a
   * file edited after it ran.
   */
  public String checksum() {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(upScript.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether the migration ships a rollback script. */
  public boolean hasDownScript() {
    return downScript != null;
  }
}
