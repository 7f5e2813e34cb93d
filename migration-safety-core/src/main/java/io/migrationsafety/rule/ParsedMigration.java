package io.migrationsafety.rule;

import io.migrationsafety.format.Migration;
import io.migrationsafety.parse.ParsedScript;
import java.util.Objects;

/**
 * A migration with its forward script parsed.
 *
 * @param migration the migration as its format read it
 * @param script its forward script, parsed
 */
public record ParsedMigration(Migration migration, ParsedScript script) {

  public ParsedMigration {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(script, "script");
  }
}
