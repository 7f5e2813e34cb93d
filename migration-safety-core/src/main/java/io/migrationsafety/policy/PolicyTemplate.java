package io.migrationsafety.policy;

import io.migrationsafety.MigrationSafetyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The commented default policy that {@code migration-safety init} writes: every key, each with its
 * default value, so a team edits a file rather than starting from the docs. A test holds it equal
 * to {@link Policy#defaults()}.
 */
public final class PolicyTemplate {

  /** The name a policy file has unless the user says otherwise. */
  public static final String FILE_NAME = "migration-safety.yml";

  private static final String RESOURCE = "default-policy.yml";

  private PolicyTemplate() {}

  /** The text of the default policy file. */
  public static String text() {
    try (InputStream in = PolicyTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new MigrationSafetyException("the default policy template is missing from the library's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
