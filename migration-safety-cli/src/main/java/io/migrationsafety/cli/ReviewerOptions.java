package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafety;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that configure the review a command runs before it writes: policy, version, format. */
final class ReviewerOptions {

  @Option(names = "--policy", paramLabel = "FILE",
      description = "The policy file (default: migration-safety.yml in the working directory, if there is one).")
  Path policy;

  @Option(names = "--pg-version", paramLabel = "N",
      description = "Target PostgreSQL major version, 12 to 18 (default: the policy's, else 16).")
  Integer postgresVersion;

  @Option(names = "--migration-format", paramLabel = "NAME",
      description = "Read DIR as this format (flyway, alembic, prisma, plain-sql, up-down-sql, dbmate, diesel) instead of detecting "
          + "it.")
  String migrationFormat;

  /** A builder with these options applied. */
  MigrationSafety.Builder builder() {
    MigrationSafety.Builder builder = MigrationSafety.builder();
    Path policyFile = policy != null ? policy : ReviewCommand.defaultPolicy();
    if (policyFile != null) {
      builder.policy(policyFile);
    }
    if (postgresVersion != null) {
      builder.postgresVersion(postgresVersion);
    }
    if (migrationFormat != null) {
      builder.format(migrationFormat);
    }
    return builder;
  }
}
