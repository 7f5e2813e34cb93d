package io.migrationsafety.prisma;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum Prisma stores in {@code _prisma_migrations.checksum}: the SHA-256 of the
 * {@code migration.sql} text, as 64 lower-case hex digits. Like Prisma, a script matches a checksum
 * also when only its line endings differ (git may check files out with CRLF).
 */
public final class PrismaChecksum {

  private PrismaChecksum() {}

  /** The checksum Prisma records for {@code script}. */
  public static String of(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code script} is the text Prisma recorded {@code checksum} for, line endings aside. */
  public static boolean matches(String script, String checksum) {
    String unix = script.replace("\r\n", "\n");
    return checksum.equalsIgnoreCase(of(script)) || checksum.equalsIgnoreCase(of(unix))
        || checksum.equalsIgnoreCase(of(unix.replace("\n", "\r\n")));
  }
}
