package io.migrationsafety.prisma;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reviews a one-migration Prisma project written to a temporary directory, on a schema built from
 * SQL and with a policy (table sizes), and returns the findings of one rule: the rule tests read
 * like the migration they check.
 */
final class PrismaReviews {

  private PrismaReviews() {}

  static List<Finding> findings(Path dir, String rule, String schemaSql, String policyYaml, String migrationSql) {
    try {
      Path migrations = Files.createDirectories(dir.resolve("prisma/migrations"));
      Files.writeString(migrations.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
      Path migration = Files.createDirectories(migrations.resolve("20240601000000_change"));
      Files.writeString(migration.resolve("migration.sql"), migrationSql);
      var builder = MigrationSafety.builder().schema(replay(schemaSql));
      if (policyYaml != null) {
        Path policy = dir.resolve("migration-safety.yml");
        Files.writeString(policy, policyYaml);
        builder.policy(policy);
      }
      Review review = builder.build().review(dir);
      return review.migrations().stream().flatMap(m -> m.findings().stream()).filter(f -> f.rule().equals(rule)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema replay(String sql) {
    Schema schema = Schema.empty();
    for (ParsedStatement statement : SqlParser.parse(sql, "schema.sql").statements()) {
      for (Operation op : statement.operations()) {
        schema = SchemaReplayer.apply(schema, op, "public").after();
      }
    }
    return schema;
  }
}
