package io.migrationsafety.schema.replay;

import io.migrationsafety.schema.Schema;

/**
 * The outcome of one part of a step: the schema it leads to, or the problem that stops the whole
 * statement (PostgreSQL then changes nothing).
 */
record Change(Schema schema, String problem) {

  static Change ok(Schema schema) {
    return new Change(schema, null);
  }

  static Change fail(String problem) {
    return new Change(null, problem);
  }

  boolean failed() {
    return problem != null;
  }

  /** This outcome as the step's result. */
  ReplayStep step(Replay replay) {
    return failed() ? replay.fail(problem) : replay.ok(schema);
  }
}
