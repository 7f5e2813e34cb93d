package db.javamigration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration as Flyway users write them: its SQL is built in code the review cannot read. */
public class V2__Backfill_status extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement st = context.getConnection().createStatement()) {
      st.execute("UPDATE orders SET status = 'new' WHERE status IS NULL");
    }
  }
}
