package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.report.ReportFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Option values shared by commands, checked with messages that list what is allowed. */
final class Options {

  private Options() {}

  static ReportFormat reportFormat(String id) {
    try {
      return ReportFormat.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new MigrationSafetyException("--format " + id + " is not known; use one of "
          + Arrays.stream(ReportFormat.values()).map(ReportFormat::id).collect(Collectors.joining(", ")));
    }
  }
}
