package io.migrationsafety.rules.table;

import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.Cluster;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.operation.TableSetting;
import io.migrationsafety.operation.Vacuum;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements whose whole purpose is to rewrite or move a table — {@code VACUUM FULL},
 * {@code CLUSTER}, {@code SET LOGGED}/{@code UNLOGGED}, {@code SET ACCESS METHOD},
 * {@code SET TABLESPACE} — on a large table: each copies every row while it holds ACCESS
 * EXCLUSIVE, so the table is unusable for the whole copy.
 */
public final class TableRewrite implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("table-rewrite",
      "VACUUM FULL, CLUSTER, SET LOGGED/UNLOGGED, SET ACCESS METHOD or SET TABLESPACE copies the table under "
          + "ACCESS EXCLUSIVE", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    Operation op = context.operation();
    List<QualifiedName> tables = new ArrayList<>();
    String what;
    if (op instanceof Vacuum v && v.full()) {
      what = "VACUUM FULL";
      tables.addAll(v.tables());
    } else if (op instanceof Cluster c) {
      what = "CLUSTER";
      if (c.table() != null) {
        tables.add(c.table());
      }
    } else if (op instanceof SetLogged s) {
      what = s.logged() ? "SET LOGGED" : "SET UNLOGGED";
      tables.add(s.table().name());
    } else if (op instanceof AlterTableSetting s && s.setting() == TableSetting.ACCESS_METHOD) {
      what = "SET ACCESS METHOD";
      tables.add(s.table().name());
    } else if (op instanceof SetTablespace s && s.objectType() == ObjectType.TABLE) {
      what = "SET TABLESPACE";
      tables.add(s.name());
    } else {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    if (tables.isEmpty()) {
      findings.add(context.finding(this, what + " without a table rewrites every table it applies to",
          why(what), null));
    }
    for (QualifiedName name : tables) {
      QualifiedName table = context.resolve(name);
      if (context.isLarge(table)) {
        findings.add(context.finding(this, what + " rewrites " + table + " while blocking all reads and writes",
            why(what), null));
      }
    }
    return findings;
  }

  private static String why(String what) {
    return what + " writes a new copy of every row (and rebuilds the indexes) while it holds ACCESS EXCLUSIVE: "
        + "nothing can read or write the table until it is done, and the disk needs room for both copies. "
        + "Online tools such as pg_repack do the same work without the long lock; run them outside migrations.";
  }
}
