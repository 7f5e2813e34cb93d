package io.migrationsafety.rule;

import java.util.List;

/**
 * A rule over one operation at a time, with the schema before and after it, its transaction, and
 * the migration it belongs to.
 */
public interface StatementRule extends Rule {

  /** The findings for the operation in {@code context}; empty when there is nothing to say. */
  List<Finding> check(StatementContext context);
}
