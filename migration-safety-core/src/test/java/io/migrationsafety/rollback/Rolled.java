package io.migrationsafety.rollback;

import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test helper: a schema built by {@code setup}, a forward script on it, and its synthesized
 * rollback with the static check. Reads like the SQL it checks.
 */
final class Rolled {

  final Schema before;
  final RollbackPlan plan;

  private Rolled(Schema before, RollbackPlan plan) {
    this.before = before;
    this.plan = plan;
  }

  static Rolled of(String setup, String forward) {
    Schema before = RollbackVerifier.replay(Schema.empty(), SqlParser.parse(setup, "setup.sql"), "public",
        new ArrayList<>());
    ParsedScript up = SqlParser.parse(forward, "up.sql");
    return new Rolled(before, Rollbacks.plan("up.sql", up, before, "public"));
  }

  /** The rollback statements only, one per line, without the provenance comments. */
  String statements() {
    return plan.steps().stream().filter(s -> s instanceof RollbackStep.Inverse)
        .flatMap(s -> ((RollbackStep.Inverse) s).statements().stream())
        .collect(Collectors.joining(";\n", "", plan.steps().isEmpty() ? "" : ";")).replaceAll("^;$", "");
  }

  List<String> reasons() {
    return plan.irreversible().stream().map(RollbackStep.Irreversible::reason).collect(Collectors.toList());
  }
}
