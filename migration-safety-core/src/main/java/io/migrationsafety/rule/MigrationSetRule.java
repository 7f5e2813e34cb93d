package io.migrationsafety.rule;

import java.util.List;

/** A rule over a whole migration set: naming conventions, order, sequences across files. */
public interface MigrationSetRule extends Rule {

  /** The findings for the set in {@code context}; empty when there is nothing to say. */
  List<Finding> check(MigrationSetContext context);
}
