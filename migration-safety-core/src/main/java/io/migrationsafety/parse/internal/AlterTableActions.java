package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterConstraint;
import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.AttachPartition;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.DropColumn;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RowLevelSecurityChange;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.SetRowLevelSecurity;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.operation.SetTriggerState;
import io.migrationsafety.operation.TableRef;
import io.migrationsafety.operation.TableSetting;
import io.migrationsafety.operation.ValidateConstraint;
import java.util.List;
import java.util.Locale;

/**
 * The subcommands of {@code ALTER TABLE} (gram.y's {@code alter_table_cmd}) that work on the table
 * and its constraints; column subcommands are read by {@link AlterColumnActions}. Each subcommand
 * ends at a comma or the end of the statement.
 */
final class AlterTableActions {

  private AlterTableActions() {}

  /** Reads one subcommand. */
  static List<Operation> parse(TokenCursor c, TableRef table) {
    if (c.accept("add")) {
      return List.of(add(c, table));
    }
    if (c.accept("drop")) {
      return List.of(drop(c, table));
    }
    if (c.accept("alter")) {
      if (c.accept("constraint")) {
        String name = c.name();
        return List.of(new AlterConstraint(table, name, untilComma(c)));
      }
      c.accept("column");
      return List.of(AlterColumnActions.parse(c, table, c.name()));
    }
    if (c.accept("validate", "constraint")) {
      return List.of(new ValidateConstraint(table, c.name()));
    }
    if (c.accept("attach", "partition")) {
      QualifiedName partition = c.qualifiedName();
      int start = c.mark();
      if (!c.accept("default")) {
        c.expect("for", "values");
        untilComma(c);
      }
      return List.of(new AttachPartition(table, partition, c.textBetween(start, c.mark())));
    }
    if (c.accept("detach", "partition")) {
      QualifiedName partition = c.qualifiedName();
      boolean concurrently = c.accept("concurrently");
      boolean finalizing = c.accept("finalize");
      return List.of(new DetachPartition(table, partition, concurrently, finalizing));
    }
    if (c.isAny("enable", "disable")) {
      return List.of(enableDisable(c, table));
    }
    if (c.accept("force", "row", "level", "security")) {
      return List.of(new SetRowLevelSecurity(table, RowLevelSecurityChange.FORCE));
    }
    if (c.accept("no", "force", "row", "level", "security")) {
      return List.of(new SetRowLevelSecurity(table, RowLevelSecurityChange.NO_FORCE));
    }
    if (c.accept("owner", "to")) {
      return List.of(new ChangeOwner(ObjectType.TABLE, table.name(), c.name()));
    }
    if (c.accept("set")) {
      return List.of(set(c, table));
    }
    if (c.accept("reset")) {
      return List.of(setting(table, TableSetting.RESET_STORAGE_PARAMETERS, c.parenthesized()));
    }
    if (c.accept("cluster", "on")) {
      return List.of(setting(table, TableSetting.CLUSTER_ON, c.name()));
    }
    if (c.accept("inherit")) {
      return List.of(setting(table, TableSetting.INHERIT, c.qualifiedName().sql()));
    }
    if (c.accept("no", "inherit")) {
      return List.of(setting(table, TableSetting.NO_INHERIT, c.qualifiedName().sql()));
    }
    if (c.accept("of")) {
      return List.of(setting(table, TableSetting.OF_TYPE, c.qualifiedName().sql()));
    }
    if (c.accept("not", "of")) {
      return List.of(setting(table, TableSetting.NOT_OF, ""));
    }
    if (c.accept("replica", "identity")) {
      return List.of(setting(table, TableSetting.REPLICA_IDENTITY, untilComma(c)));
    }
    throw c.fail("unknown ALTER TABLE subcommand");
  }

  private static Operation add(TokenCursor c, TableRef table) {
    if (Constraints.startsTableConstraint(c)) {
      return new AddConstraint(table, Constraints.tableConstraint(c));
    }
    c.accept("column");
    boolean ifNotExists = c.acceptIfNotExists();
    return new AddColumn(table, ColumnDefinitions.parse(c), ifNotExists);
  }

  private static Operation drop(TokenCursor c, TableRef table) {
    if (c.accept("constraint")) {
      boolean ifExists = c.acceptIfExists();
      String name = c.name();
      return new DropConstraint(table, name, ifExists, dropBehaviour(c));
    }
    c.accept("column");
    boolean ifExists = c.acceptIfExists();
    String column = c.name();
    return new DropColumn(table, column, ifExists, dropBehaviour(c));
  }

  /** {@code CASCADE} (true) or {@code RESTRICT}/nothing (false). */
  static boolean dropBehaviour(TokenCursor c) {
    if (c.accept("cascade")) {
      return true;
    }
    c.accept("restrict");
    return false;
  }

  private static Operation enableDisable(TokenCursor c, TableRef table) {
    boolean enabled = c.next().is("enable");
    String mode = "";
    if (c.isAny("replica", "always")) {
      mode = c.next().text().toUpperCase(Locale.ROOT);
    }
    if (c.accept("trigger")) {
      String trigger = c.isAny("all", "user") ? c.next().text().toUpperCase(Locale.ROOT) : c.name();
      return new SetTriggerState(table, trigger, enabled, mode);
    }
    if (c.accept("rule")) {
      String rule = c.name();
      return setting(table, TableSetting.RULE_STATE, (enabled ? "ENABLE " : "DISABLE ")
          + (mode.isEmpty() ? "" : mode + " ") + "RULE " + rule);
    }
    if (mode.isEmpty() && c.accept("row", "level", "security")) {
      return new SetRowLevelSecurity(table, enabled ? RowLevelSecurityChange.ENABLE : RowLevelSecurityChange.DISABLE);
    }
    throw c.fail("expected TRIGGER, RULE or ROW LEVEL SECURITY");
  }

  private static Operation set(TokenCursor c, TableRef table) {
    if (c.accept("logged")) {
      return new SetLogged(table, true);
    }
    if (c.accept("unlogged")) {
      return new SetLogged(table, false);
    }
    if (c.accept("tablespace")) {
      return new SetTablespace(ObjectType.TABLE, table.name(), c.name());
    }
    if (c.accept("without", "cluster")) {
      return setting(table, TableSetting.SET_WITHOUT_CLUSTER, "");
    }
    if (c.accept("without", "oids")) {
      return setting(table, TableSetting.SET_WITHOUT_OIDS, "");
    }
    if (c.accept("access", "method")) {
      return setting(table, TableSetting.ACCESS_METHOD, c.name());
    }
    if (c.isSymbol("(")) {
      return setting(table, TableSetting.STORAGE_PARAMETERS, c.parenthesized());
    }
    throw c.fail("unknown ALTER TABLE … SET subcommand");
  }

  private static AlterTableSetting setting(TableRef table, TableSetting setting, String detail) {
    return new AlterTableSetting(table, setting, detail.strip());
  }

  /** The rest of the subcommand, up to the next comma at depth 0. */
  static String untilComma(TokenCursor c) {
    return c.textUntil(cur -> cur.isSymbol(","));
  }
}
