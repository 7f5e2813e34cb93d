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
    // SET LOGGED on a logged table, SET ACCESS METHOD heap on a heap table …: the lock model knows
    // when nothing is copied.
    if (context.locksKnown() && !tables.isEmpty() && context.locks().stream().noneMatch(l -> l.rewrite())) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    if (tables.isEmpty()) {
      findings.add(context.finding(this, what + " without a table rewrites every table it applies to",
          why(what), instead(op, null)));
    }
    for (QualifiedName name : tables) {
      QualifiedName table = context.resolve(name);
      if (context.isLarge(table)) {
        findings.add(context.finding(this, what + " rewrites " + table + " while blocking all reads and writes",
            why(what), instead(op, name)));
      }
    }
    return findings;
  }

  /**
   * What to run instead: the statement's lighter form where PostgreSQL has one (plain VACUUM, CLUSTER
   * ON), else a new table built the desired way and filled in batches, or an online tool outside
   * migrations.
   */
  private static String instead(Operation op, QualifiedName name) {
    String t = name == null ? null : name.sql();
    String online = "-- or do it outside migrations with an online tool (pg_repack"
        + (t == null ? "" : " --table=" + t) + "), which holds ACCESS EXCLUSIVE only for a moment at the end";
    if (op instanceof Vacuum) {
      return "-- plain VACUUM makes dead rows' space reusable without a rewrite (SHARE UPDATE EXCLUSIVE: reads and "
          + "writes go on);\n-- it cannot run inside a transaction block\nVACUUM (ANALYZE)" + (t == null ? "" : " " + t)
          + ";\n" + online;
    }
    if (op instanceof Cluster c) {
      return (t == null || c.index() == null ? ""
          : "-- remember the order for later (SHARE UPDATE EXCLUSIVE), and reorder online:\nALTER TABLE " + t
              + " CLUSTER ON " + c.index() + ";\n") + online;
    }
    String built;
    if (op instanceof SetLogged s) {
      built = "CREATE " + (s.logged() ? "" : "UNLOGGED ") + "TABLE " + sibling(name) + " (LIKE " + t + " INCLUDING ALL)";
    } else if (op instanceof AlterTableSetting s) {
      built = "CREATE TABLE " + sibling(name) + " (LIKE " + t + " INCLUDING ALL) USING " + s.detail().strip();
    } else {
      built = "CREATE TABLE " + sibling(name) + " (LIKE " + t + " INCLUDING ALL) TABLESPACE "
          + QualifiedName.quote(((SetTablespace) op).tablespace());
    }
    return "-- build the table the new way beside the old one, fill it in batches while triggers keep it in step,\n"
        + "-- then swap the names in one short transaction:\n" + built + ";\n" + online;
  }

  private static String sibling(QualifiedName name) {
    return QualifiedName.of(name.schema(), name.name() + "_new").sql();
  }

  private static String why(String what) {
    return what + " writes a new copy of every row (and rebuilds the indexes) while it holds ACCESS EXCLUSIVE: "
        + "nothing can read or write the table until it is done, and the disk needs room for both copies. "
        + "Online tools such as pg_repack do the same work without the long lock; run them outside migrations.";
  }
}
