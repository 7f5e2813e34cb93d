package io.migrationsafety.flyway;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.callback.NoopCallbackExecutor;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.schemahistory.SchemaHistory;
import org.flywaydb.core.internal.schemahistory.SchemaHistoryFactory;

/**
 * Flyway's own schema history code ({@link SchemaHistory}, as {@code flyway migrate} uses it) working
 * on a connection this library owns: the table is created with Flyway's DDL, and each row gets the
 * {@code installed_rank}, {@code installed_by}, abbreviations and insert statement Flyway gives it.
 *
 * <p>Flyway opens its connections from a {@link DataSource}; here that source hands out the borrowed
 * connection itself, behind a proxy ({@link Guard}) that keeps Flyway from closing it (the owner
 * does) and from committing the owner's transaction: inside it, what Flyway writes commits with the
 * migration or not at all.
 *
 * <p>These are {@code org.flywaydb.core.internal} classes, which carry no compatibility promise: the
 * module is built and tested against the Flyway version its POM names.
 */
final class FlywaySchemaHistory implements AutoCloseable {

  private final Database<?> database;
  private final Schema schema;
  private final SchemaHistory history;

  private FlywaySchemaHistory(Database<?> database, Schema schema, SchemaHistory history) {
    this.database = database;
    this.schema = schema;
    this.history = history;
  }

  /**
   * Flyway's schema history for {@code configuration} (table name, schemas, {@code installedBy}) on
   * {@code connection}, in the schema Flyway would use: {@code defaultSchema}, else the first of
   * {@code schemas}, else the connection's current one.
   *
   * @throws SQLException when Flyway cannot work on the connection
   */
  static FlywaySchemaHistory open(Connection connection, Configuration configuration) throws SQLException {
    try {
      Configuration borrowing = new FluentConfiguration(configuration.getClassLoader())
          .configuration(configuration).dataSource(new BorrowedDataSource(connection));
      JdbcConnectionFactory connections = new JdbcConnectionFactory(borrowing.getDataSource(), borrowing, null);
      DatabaseType type = connections.getDatabaseType();
      Database<?> database = type.createDatabase(borrowing, connections, null);
      Schema schema = SchemaHistoryFactory.prepareSchemas(borrowing, database).getLeft();
      SchemaHistory history = SchemaHistoryFactory.getSchemaHistory(borrowing,
          type.createSqlScriptExecutorFactory(connections, NoopCallbackExecutor.INSTANCE, null),
          type.createSqlScriptFactory(borrowing, new ParsingContext()), database, schema, null);
      return new FlywaySchemaHistory(database, schema, history);
    } catch (FlywayException e) {
      throw sqlException(e);
    }
  }

  /** Flyway's history, to create the table or add rows; Flyway's exceptions are unchecked. */
  SchemaHistory history() {
    return history;
  }

  /** Creates the schema when missing (as {@code flyway migrate} does by default), then the table. */
  void create() throws SQLException {
    try {
      if (!schema.exists()) {
        schema.create();
      }
      history.create(false);
    } catch (FlywayException e) {
      throw sqlException(e);
    }
  }

  /** Flyway's failure as the {@link SQLException} a history writer throws, with PostgreSQL's SQLSTATE when known. */
  static SQLException sqlException(FlywayException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return new SQLException(e.getMessage(), sql.getSQLState(), sql.getErrorCode(), e);
      }
    }
    return new SQLException(e.getMessage(), e);
  }

  /** Lets Flyway go; the borrowed connection stays open for its owner. */
  @Override
  public void close() {
    database.close();
  }

  /** A data source whose every connection is the borrowed one, behind a {@link Guard}. */
  private static final class BorrowedDataSource implements DataSource {

    private final Connection guarded;

    BorrowedDataSource(Connection connection) throws SQLException {
      this.guarded = (Connection) Proxy.newProxyInstance(FlywaySchemaHistory.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new Guard(connection));
    }

    @Override
    public Connection getConnection() {
      return guarded;
    }

    @Override
    public Connection getConnection(String username, String password) {
      return guarded;
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // nothing is logged here
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // the connection is already open
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }

  /**
   * Keeps the owner's connection open, and its transaction whole. Lent outside a transaction, the
   * connection is Flyway's to use as it likes (it runs transactions of its own to create the table).
   * Lent inside the owner's transaction, Flyway sees a connection in auto-commit mode, as it expects
   * (its connection wrapper turns auto-commit on): auto-commit changes are only remembered, and a
   * commit of one of Flyway's own transactions is left to the owner's — so everything Flyway writes
   * joins the migration's transaction and commits or rolls back with it. A rollback goes through: it
   * follows an error, after which the owner's transaction is lost anyway and the owner rolls back.
   */
  private static final class Guard implements InvocationHandler {

    private final Connection connection;
    private final boolean lentInTransaction;
    private boolean autoCommitSeen = true;

    Guard(Connection connection) throws SQLException {
      this.connection = connection;
      this.lentInTransaction = !connection.getAutoCommit();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("close")) {
        return null;
      }
      if (lentInTransaction) {
        switch (name) {
          case "getAutoCommit":
            return autoCommitSeen;
          case "setAutoCommit":
            autoCommitSeen = (Boolean) args[0];
            return null;
          case "commit":
            return null;
          case "setReadOnly":
            if (connection.isReadOnly() == (Boolean) args[0]) {
              return null; // the driver refuses even an unchanged value inside a transaction
            }
            break;
          default:
            break;
        }
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
