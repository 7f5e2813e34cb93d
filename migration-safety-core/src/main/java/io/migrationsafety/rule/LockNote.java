package io.migrationsafety.rule;

import java.util.Objects;

/**
 * A lock a statement takes, as a finding reports it.
 *
 * @param relation the locked relation, schema-qualified ({@code public.orders})
 * @param mode the lock mode as PostgreSQL's documentation names it ({@code ACCESS EXCLUSIVE})
 * @param rewrite whether the statement rewrites the relation
 */
public record LockNote(String relation, String mode, boolean rewrite) {

  public LockNote {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(mode, "mode");
  }
}
