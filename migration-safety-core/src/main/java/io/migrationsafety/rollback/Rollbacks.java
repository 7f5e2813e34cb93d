package io.migrationsafety.rollback;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of rollback synthesis: for each migration of a set, its synthesized rollback, the
 * static check of that rollback, and the static check of the down script it ships, if any.
 */
public final class Rollbacks {

  private Rollbacks() {}

  /** Plans the rollbacks of {@code set}, starting from {@code initial}, with {@code public} as default schema. */
  public static List<RollbackPlan> plan(MigrationSet set, Schema initial) {
    return plan(set, initial, "public");
  }

  /**
   * Plans the rollbacks of {@code set}'s pending migrations ({@link MigrationSet#pending()}: all of
   * them unless the set was read with a database's history, whose schema holds the applied ones).
   *
   * @param set the migrations, in the order they run
   * @param initial the schema before the first pending migration
   * @param defaultSchema the schema unqualified names resolve to
   */
  public static List<RollbackPlan> plan(MigrationSet set, Schema initial, String defaultSchema) {
    List<RollbackPlan> plans = new ArrayList<>();
    Schema schema = initial;
    for (Migration migration : set.pending()) {
      String file = set.directory().relativize(migration.file()).toString();
      ParsedScript up = SqlParser.parse(migration.upScript(), file);
      plans.add(plan(file, up, migration, schema, defaultSchema));
      schema = RollbackVerifier.replay(schema, up, defaultSchema, new ArrayList<>());
    }
    return plans;
  }

  /** Plans the rollback of one parsed forward script on {@code before}. */
  public static RollbackPlan plan(String file, ParsedScript up, Schema before, String defaultSchema) {
    return plan(file, up, null, before, defaultSchema);
  }

  private static RollbackPlan plan(String file, ParsedScript up, Migration migration, Schema before,
      String defaultSchema) {
    List<RollbackStep> steps = RollbackSynthesizer.synthesize(up, before, defaultSchema);
    RollbackPlan draft = new RollbackPlan(file, steps, new RollbackCheck(true, List.of(), List.of()), null);
    RollbackCheck check = RollbackVerifier.verify(before, up, draft.sql(), defaultSchema);
    RollbackCheck down = null;
    if (migration != null && migration.hasDownScript()) {
      down = RollbackVerifier.verify(before, up,
          SqlParser.parse(migration.downScript(), migration.downFile().toString()), defaultSchema);
    }
    return new RollbackPlan(file, steps, check, down);
  }
}
