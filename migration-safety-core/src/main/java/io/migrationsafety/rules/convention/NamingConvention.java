package io.migrationsafety.rules.convention;

import io.migrationsafety.format.Migration;
import io.migrationsafety.policy.Conventions;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The team's naming convention from the policy ({@code conventions.file_name_pattern},
 * {@code conventions.require_version_prefix}): a migration file whose name breaks it. Off unless
 * the policy sets a convention.
 */
public final class NamingConvention implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("naming-convention",
      "Migration file name breaks the policy's naming convention", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    Conventions conventions = context.policy().conventions();
    List<Finding> findings = new ArrayList<>();
    for (ParsedMigration pm : context.migrations()) {
      Migration m = pm.migration();
      String name = m.file().getFileName().toString();
      boolean needsVersion = conventions.requireVersionPrefix() && m.version() == null;
      String rename = MigrationFileNames.corrected(name, conventions.fileNamePattern(), needsVersion,
              context.set().migrations(), m)
          .map(better -> "-- rename the file: " + name + " -> " + better)
          .orElse("-- rename the file so that it matches " + (conventions.fileNamePattern() == null
              ? "a version prefix such as V1__" : conventions.fileNamePattern().pattern()));
      if (conventions.fileNamePattern() != null && !conventions.fileNamePattern().matcher(name).matches()) {
        findings.add(context.finding(this, pm.script().file(), 1,
            "The file name " + name + " does not match the convention " + conventions.fileNamePattern().pattern(),
            "Names that follow one pattern keep migrations in a predictable order and let tools find them.",
            rename));
      } else if (needsVersion) {
        findings.add(context.finding(this, pm.script().file(), 1,
            "The file name " + name + " does not start with a version or timestamp",
            "Without a version in the name, the order migrations run in is not visible from the file names.",
            rename));
      }
    }
    return findings;
  }
}
