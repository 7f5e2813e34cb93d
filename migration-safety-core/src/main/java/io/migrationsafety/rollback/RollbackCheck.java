package io.migrationsafety.rollback;

import java.util.List;

/**
 * The static check of a rollback: forward then rollback replayed on the schema model, compared with
 * the schema before the forward migration.
 *
 * @param restoresSchema whether the rollback leaves the schema exactly as it was (column order aside)
 * @param differences what differs, in words ({@code index public.orders_email_idx is missing})
 * @param problems what PostgreSQL would refuse while running the rollback, with the statement's line
 */
public record RollbackCheck(boolean restoresSchema, List<String> differences, List<String> problems) {
  public RollbackCheck {
    differences = List.copyOf(differences);
    problems = List.copyOf(problems);
  }
}
