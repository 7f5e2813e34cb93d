package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.corpus.Corpus.CorpusScript;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Synthesizes the rollback of every script that builds a corpus's schema (create scripts; the
 * whole chain where it starts from an empty database) and checks statically that it returns to
 * the schema before the script: for the first script, the empty schema. Prints the share of
 * reversible scripts and the reasons found for the others.
 */
class CorpusRollbackTest {

  private static final Pattern BUILDS = Pattern.compile(
      ".*(/create/|tables_postgres|/schema-postgresql|/migrations/v|migration_postgres/V).*");

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void rollback_of_each_create_script_returns_to_the_schema_before_it(Corpus corpus) {
    List<CorpusScript> scripts = new ArrayList<>();
    for (CorpusScript script : corpus.scripts()) {
      if (BUILDS.matcher(script.path()).matches()) {
        scripts.add(script);
      }
    }
    // Engines first: the other parts have foreign keys to their tables.
    scripts.sort(Comparator.comparingInt(CorpusRollbackTest::rank));
    assertThat(scripts).isNotEmpty();
    Schema schema = Schema.empty();
    int reversible = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (CorpusScript script : scripts) {
      ParsedScript up = SqlParser.parse(script.text(), script.name());
      RollbackPlan plan = Rollbacks.plan(script.fileName(), up, schema, "public");
      if (plan.reversible()) {
        reversible++;
        if (!plan.check().restoresSchema()) {
          failures.add(script.fileName() + ": " + plan.check().differences() + plan.check().problems());
        }
      }
      for (RollbackStep.Irreversible step : plan.irreversible()) {
        reasons.merge(step.reason().replaceAll("[\"'][^\"']*[\"']|public\\.\\S+", "…"), 1, Integer::sum);
      }
      schema = replay(schema, up);
    }
    System.out.printf("rollback %s: %d of %d scripts reversible (%.0f%%); irreversible reasons: %s%n",
        corpus.label(), reversible, scripts.size(), 100.0 * reversible / scripts.size(), reasons);
    assertThat(failures).isEmpty();
  }

  private static int rank(CorpusScript script) {
    String name = script.fileName();
    return name.contains(".common.") ? 0 : name.contains("create.engine") ? 1 : 2;
  }

  private static Schema replay(Schema schema, ParsedScript script) {
    Schema result = schema;
    for (var statement : script.statements()) {
      for (var op : statement.operations()) {
        result = SchemaReplayer.apply(result, op, "public").after();
      }
    }
    return result;
  }
}
