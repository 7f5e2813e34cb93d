package io.migrationsafety.rules.type;

import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.List;

/**
 * A statement that uses, as a string literal, an enum label added by {@code ALTER TYPE … ADD VALUE}
 * earlier in the same transaction. Since PostgreSQL 12 {@code ADD VALUE} may run inside a
 * transaction block, but the new value cannot be used until the transaction has committed: the
 * statement fails with "unsafe use of new value" and the whole migration rolls back (SQL Commands:
 * ALTER TYPE, Notes).
 *
 * <p>A statement rule rather than a set rule: the review already follows each migration's
 * transaction (its own transaction, BEGIN and COMMIT in the script) and tells every statement how
 * many statements of its transaction came before it, so the rule looks back exactly that far
 * instead of keeping a second, possibly diverging, transaction tracker; and the finding lands on
 * the statement that fails, where a suppression comment belongs.
 */
public final class EnumValueUsedInTransaction implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("enum-value-used-in-transaction",
      "an enum label used in the transaction that added it: PostgreSQL refuses it until commit", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    // Outside a transaction block each statement commits on its own, so the label is usable at once.
    if (!context.transaction().inTransaction() || labelOperation(context.operation())) {
      return List.of();
    }
    List<ParsedStatement> statements = context.migration().script().statements();
    int here = indexOf(statements, context.statement());
    if (here < 0) {
      return List.of();
    }
    int first = Math.max(0, here - context.transaction().statementsBefore());
    for (int i = here - 1; i >= first; i--) {
      for (Operation op : statements.get(i).operations()) {
        if (op instanceof AddEnumValue add && usesLiteral(context.statement(), add.value())) {
          return List.of(finding(context, statements.get(i), add));
        }
      }
    }
    return List.of();
  }

  private Finding finding(StatementContext context, ParsedStatement addStatement, AddEnumValue add) {
    String label = "'" + add.value().replace("'", "''") + "'";
    String split = context.transaction().explicit()
        ? "COMMIT;\nBEGIN;\n"
        : "-- the label is usable once this transaction commits: move what follows to a later migration\n";
    return context.finding(this,
        "This statement uses " + label + ", added to " + add.type() + " at line " + addStatement.statement().line()
            + " in the same transaction: PostgreSQL refuses it until that commits",
        "ALTER TYPE … ADD VALUE may run inside a transaction block (PostgreSQL 12+), but the new label cannot "
            + "be used before the transaction commits: the statement fails with \"unsafe use of new value\" and "
            + "the whole migration rolls back.",
        addStatement.statement().text() + ";\n" + split + context.statement().statement().text() + ";");
  }

  /**
   * ADD VALUE … BEFORE/AFTER and RENAME VALUE name labels of the type itself rather than values of
   * it, so they are not uses of the new value.
   */
  private static boolean labelOperation(Operation operation) {
    return operation instanceof AddEnumValue || operation instanceof RenameEnumValue;
  }

  private static boolean usesLiteral(ParsedStatement statement, String label) {
    for (Token t : statement.statement().tokens()) {
      if ((t.type() == TokenType.STRING || t.type() == TokenType.DOLLAR_STRING) && label.equals(t.stringValue())) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(List<ParsedStatement> statements, ParsedStatement statement) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) == statement) {
        return i;
      }
    }
    return -1;
  }
}
