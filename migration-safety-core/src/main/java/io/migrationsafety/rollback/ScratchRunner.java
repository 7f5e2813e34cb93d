package io.migrationsafety.rollback;

import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.operation.OperationKind;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs scripts on a scratch database, reads its schema, and wipes it. */
final class ScratchRunner {

  private ScratchRunner() {}

  /**
   * Runs {@code script} statement by statement, as split for review; in one transaction when it is
   * transactional and does not control transactions itself.
   *
   * @return the statement PostgreSQL refused, as {@code file line N: message}, or {@code null}
   */
  static String run(Connection connection, RoundTripScript script) throws SQLException {
    ParsedScript parsed = SqlParser.parse(script.sql(), script.file());
    boolean ownTransactions = parsed.statements().stream().flatMap(s -> s.operations().stream())
        .anyMatch(op -> op.kind() == OperationKind.TRANSACTION_CONTROL);
    boolean inTransaction = script.transactional() && !ownTransactions;
    connection.setAutoCommit(!inTransaction);
    try {
      for (ParsedStatement statement : parsed.statements()) {
        SqlStatement s = statement.statement();
        if (s.kind() != SqlStatement.Kind.SQL) {
          return where(script, s) + "a " + s.kind() + " is not SQL a server runs";
        }
        try (Statement jdbc = connection.createStatement()) {
          jdbc.execute(s.text());
        } catch (SQLException e) {
          return where(script, s) + firstLine(e.getMessage());
        }
      }
      if (inTransaction) {
        connection.commit();
      }
      return null;
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback(); // after a commit there is nothing left; after a failure, the script's work
      }
      connection.setAutoCommit(true);
      if (ownTransactions) {
        // A script that failed between its own BEGIN and COMMIT leaves the transaction open.
        try (Statement jdbc = connection.createStatement()) {
          jdbc.execute("ROLLBACK");
        }
      }
    }
  }

  static Schema schema(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    return SchemaIntrospector.introspect(connection).schema();
  }

  /**
   * Checks that the database holds nothing a wipe would destroy.
   *
   * @throws ScratchDatabaseException when it holds tables, views, types, sequences or schemas
   */
  static void requireEmpty(Connection connection, String description) throws SQLException {
    Schema schema = schema(connection);
    List<String> found = new ArrayList<>();
    schema.tables().keySet().forEach(n -> found.add("table " + n.sql()));
    schema.views().keySet().forEach(n -> found.add("view " + n.sql()));
    schema.types().keySet().forEach(n -> found.add("type " + n.sql()));
    schema.sequences().keySet().forEach(n -> found.add("sequence " + n.sql()));
    schema.schemas().stream().filter(s -> !s.equals("public")).forEach(s -> found.add("schema " + s));
    if (!found.isEmpty()) {
      throw new ScratchDatabaseException("the scratch database " + description + " is not empty (it holds "
          + String.join(", ", found.subList(0, Math.min(5, found.size()))) + (found.size() > 5 ? ", …" : "")
          + "); rollback verification drops everything in it, so give it a database made for that");
    }
  }

  /** Drops every schema but the system ones, and creates {@code public} again, empty. */
  static void wipe(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    for (String schema : schema(connection).schemas()) {
      try (Statement jdbc = connection.createStatement()) {
        jdbc.execute("DROP SCHEMA " + RollbackSql.q(schema) + " CASCADE");
      }
    }
    try (Statement jdbc = connection.createStatement()) {
      jdbc.execute("CREATE SCHEMA IF NOT EXISTS public");
      jdbc.execute("DISCARD TEMP"); // a script's temporary tables live in the session, outside every schema
    }
  }

  private static String where(RoundTripScript script, SqlStatement s) {
    return script.file() + " line " + s.line() + ": ";
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
