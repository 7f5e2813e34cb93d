package io.migrationsafety.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * DESIGN.md's property: for random schemas and random sequences of reversible operations, the
 * forward migration followed by its synthesized rollback leaves the schema equal to the start, as
 * PostgreSQL itself reports it (introspected, not only modelled). One embedded server and one
 * database for all tries, wiped between them.
 */
class RollbackRoundTripProperties {

  private static EmbeddedPostgres postgres;
  private static Connection connection;

  @BeforeContainer
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    connection = postgres.getPostgresDatabase().getConnection();
  }

  @AfterContainer
  static void stop() throws IOException, SQLException {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Property(tries = 120, seed = "7107")
  void forward_then_synthesized_rollback_restores_the_introspected_schema(
      @ForAll @Size(min = 4, max = 60) List<@IntRange(min = 0, max = 1000) Integer> choices,
      @ForAll @IntRange(min = 1, max = 6) int operations) throws SQLException {
    RandomMigration migration = new RandomMigration(choices, operations);
    ScratchRunner.wipe(connection);
    assertThat(ScratchRunner.run(connection, new RoundTripScript("start.sql", migration.start, true)))
        .as("the generated start schema runs:%n%s", migration.start).isNull();
    Schema before = SchemaIntrospector.introspect(connection).schema();

    RollbackPlan plan = Rollbacks.plan("up.sql", SqlParser.parse(migration.forward, "up.sql"), before, "public");

    String context = String.format("start:%n%s%nforward:%n%s%nrollback:%n%s", migration.start, migration.forward,
        plan.sql());
    assertThat(plan.irreversible()).as(context).isEmpty();
    assertThat(plan.check().differences()).as("the static check: " + context).isEmpty();
    RoundTrip trip = RollbackRoundTrip.check(connection,
        new RoundTripScript("up.sql", migration.forward, !migration.concurrently()),
        new RoundTripScript("rollback.sql", plan.sql(), !plan.outsideTransaction()));
    assertThat(trip.failure()).as(context).isNull();
    assertThat(trip.differences()).as(context).isEmpty();
  }
}
