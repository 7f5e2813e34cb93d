package io.migrationsafety.lock;

import static io.migrationsafety.lock.LockMode.ACCESS_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE;
import static io.migrationsafety.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import io.migrationsafety.operation.AlterIndex;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.schema.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The facts for index statements (SQL Commands: CREATE INDEX, DROP INDEX, REINDEX, ALTER INDEX). */
final class IndexLocks {

  private IndexLocks() {}

  static List<LockEffect> create(CreateIndex create, LockContext context) {
    QualifiedName table = context.resolve(create.table().name());
    // CREATE INDEX: SHARE on the table (writes wait, reads go on); CONCURRENTLY: SHARE UPDATE
    // EXCLUSIVE, two scans. On a partitioned table each partition is locked the same way.
    LockMode mode = create.concurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE;
    String why = "CREATE INDEX" + (create.concurrently() ? " CONCURRENTLY" : "") + " takes " + mode
        + " and reads every row";
    List<LockEffect> effects = new ArrayList<>();
    effects.add(new LockEffect(table, mode, false, true, why));
    if (!create.table().only()) {
      for (QualifiedName partition : Relations.partitions(context, table)) {
        effects.add(new LockEffect(partition, mode, false, true, why + " (partition)"));
      }
    }
    return List.copyOf(effects);
  }

  /** DROP INDEX: ACCESS EXCLUSIVE on the table and the index; CONCURRENTLY: SHARE UPDATE EXCLUSIVE. */
  static List<LockEffect> drop(List<QualifiedName> names, boolean concurrently, LockContext context) {
    LockMode mode = concurrently ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
    String why = "DROP INDEX" + (concurrently ? " CONCURRENTLY" : "") + " takes " + mode
        + " on the table and the index";
    List<LockEffect> effects = new ArrayList<>();
    for (QualifiedName name : names) {
      QualifiedName index = context.resolveIndex(name);
      context.index(index).map(Index::table).ifPresent(t -> effects.add(LockEffect.lock(t, mode, why)));
      // CONCURRENTLY waits for every transaction using the index instead of locking it harder.
      effects.add(LockEffect.lock(index, mode, why));
    }
    return List.copyOf(effects);
  }

  static List<LockEffect> reindex(Reindex reindex, LockContext context) {
    if (reindex.name() == null) {
      return List.of();
    }
    // REINDEX, Notes: SHARE on the table and ACCESS EXCLUSIVE on each index rebuilt;
    // CONCURRENTLY (12+): SHARE UPDATE EXCLUSIVE on both, with the old index swapped out at the end.
    boolean concurrently = reindex.concurrently() && context.atLeast(12);
    LockMode tableMode = concurrently ? SHARE_UPDATE_EXCLUSIVE : SHARE;
    LockMode indexMode = concurrently ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
    String why = "REINDEX" + (concurrently ? " CONCURRENTLY" : "") + " takes " + tableMode + " on the table and "
        + indexMode + " on each index it rebuilds";
    List<LockEffect> effects = new ArrayList<>();
    QualifiedName table;
    List<QualifiedName> indexes = new ArrayList<>();
    if (reindex.target() == ObjectType.INDEX) {
      QualifiedName index = context.resolveIndex(reindex.name());
      Optional<Index> known = context.index(index);
      if (known.isEmpty()) {
        return List.of(new LockEffect(index, indexMode, true, true, why));
      }
      table = known.get().table();
      indexes.add(index);
    } else if (reindex.target() == ObjectType.TABLE) {
      table = context.resolve(reindex.name());
      context.before().indexesOn(table).forEach(i -> indexes.add(i.name()));
    } else {
      return List.of();
    }
    effects.add(new LockEffect(table, tableMode, false, true, why));
    for (QualifiedName index : indexes) {
      effects.add(new LockEffect(index, indexMode, true, true, why));
    }
    return List.copyOf(effects);
  }

  static List<LockEffect> alter(AlterIndex alter, LockContext context) {
    QualifiedName index = context.resolveIndex(alter.name());
    String change = alter.change().strip().toLowerCase(Locale.ROOT);
    List<LockEffect> effects = new ArrayList<>();
    if (alter.attachPartition() != null) {
      // ALTER INDEX ATTACH PARTITION: the parent index and the partition's index are locked;
      // the tables stay readable and writable.
      QualifiedName child = context.resolveIndex(alter.attachPartition());
      effects.add(LockEffect.lock(index, SHARE_UPDATE_EXCLUSIVE, "ALTER INDEX ATTACH PARTITION"));
      effects.add(LockEffect.lock(child, ACCESS_EXCLUSIVE, "ALTER INDEX ATTACH PARTITION"));
      return List.copyOf(effects);
    }
    // ALTER INDEX: SET STATISTICS and SET (storage parameter) take SHARE UPDATE EXCLUSIVE like
    // their ALTER TABLE forms; the rest ACCESS EXCLUSIVE on the index.
    boolean light = change.contains("statistics")
        || (change.startsWith("set (") || change.startsWith("set(") || change.startsWith("reset"))
            && TableActionLocks.lightParameters(change.substring(change.indexOf('(')));
    LockMode mode = light ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
    // SQL Commands: ALTER INDEX names no table lock, and there is none (measured on 12 to 18).
    effects.add(LockEffect.lock(index, mode, "ALTER INDEX " + change + " takes " + mode));
    return List.copyOf(effects);
  }
}
