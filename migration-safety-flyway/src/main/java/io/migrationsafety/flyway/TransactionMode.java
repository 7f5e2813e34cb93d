package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.sql.SqlScript;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Whether Flyway runs a script in a transaction, decided as Flyway decides it: the script's
 * {@code .conf} wins; otherwise a script runs in one unless {@code executeInTransaction} is off or
 * it holds a statement PostgreSQL refuses inside a transaction block. Flyway tells those apart by
 * the statement's leading words (the patterns below, those of its PostgreSQL support); statements
 * are split by core's splitter, never Flyway's internal parser. A script that mixes both kinds is
 * refused, as Flyway refuses it, unless {@code mixed} is on, when the whole script runs outside a
 * transaction.
 */
final class TransactionMode {

  /** Statements Flyway's PostgreSQL support runs outside a transaction (PostgreSQL 12 and later). */
  static final List<Pattern> NON_TRANSACTIONAL = List.of(
      Pattern.compile("^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)"),
      Pattern.compile("^ALTER SYSTEM"),
      Pattern.compile("^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY"),
      Pattern.compile("^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)"),
      Pattern.compile("^VACUUM"),
      Pattern.compile("^DISCARD ALL"));

  private static final Pattern CONCURRENT_INDEX = NON_TRANSACTIONAL.get(2);

  private TransactionMode() {}

  /**
   * Whether {@code script} runs in a transaction.
   *
   * @throws MigrationFormatException when it mixes statements Flyway runs in a transaction with
   *     statements it cannot, and neither {@code mixed} nor a script setting allows it
   */
  static boolean transactional(String script, String file, ScriptConfig config, Configuration configuration) {
    if (config.executeInTransaction() != null) {
      return config.executeInTransaction();
    }
    SqlStatement transactionalOne = null;
    SqlStatement nonTransactionalOne = null;
    for (SqlStatement statement : statements(script, file)) {
      if (isNonTransactional(statement)) {
        nonTransactionalOne = nonTransactionalOne == null ? statement : nonTransactionalOne;
      } else {
        transactionalOne = transactionalOne == null ? statement : transactionalOne;
      }
      if (transactionalOne != null && nonTransactionalOne != null && !configuration.isMixed()
          && configuration.isExecuteInTransaction()) {
        throw new MigrationFormatException(file + ":" + statement.line() + ": Flyway refuses this script: it mixes "
            + "statements that run in a transaction with one that cannot (line " + nonTransactionalOne.line()
            + "); put the non-transactional statement in a migration of its own, or set mixed=true (the whole "
            + "script then runs without a transaction)");
      }
    }
    return nonTransactionalOne == null && configuration.isExecuteInTransaction();
  }

  /** Whether {@code script} has a {@code CREATE|DROP INDEX CONCURRENTLY}. */
  static boolean hasConcurrentIndex(String script, String file) {
    return statements(script, file).stream().anyMatch(s -> CONCURRENT_INDEX.matcher(simplified(s)).find());
  }

  private static List<SqlStatement> statements(String script, String file) {
    SqlScript split = SqlSplitter.split(script, file);
    return split.statements().stream().filter(s -> s.kind() == SqlStatement.Kind.SQL).toList();
  }

  private static boolean isNonTransactional(SqlStatement statement) {
    String simplified = simplified(statement);
    return NON_TRANSACTIONAL.stream().anyMatch(p -> p.matcher(simplified).find());
  }

  private static String simplified(SqlStatement statement) {
    return statement.tokens().stream().map(Token::text).collect(Collectors.joining(" ")).toUpperCase(Locale.ROOT);
  }
}
