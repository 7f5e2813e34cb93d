package io.migrationsafety.alembic;

import io.migrationsafety.format.MigrationFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An Alembic revision graph, checked and ordered as Alembic orders an {@code upgrade heads}: every
 * revision after the revisions it follows and depends on, branches walked in Alembic's own
 * order (its topological sort over the order the files were loaded in).
 *
 * <p>Building it fails, naming the files, on a duplicate revision id, a {@code down_revision} or
 * {@code depends_on} that names no revision, a cycle, or two heads on unlabelled branches (where
 * {@code alembic upgrade head} stops with "Multiple head revisions").
 */
public final class RevisionGraph {

  private final Map<String, Revision> byId = new LinkedHashMap<>();
  private final Map<String, List<String>> dependencies = new HashMap<>();
  private final Map<String, Set<String>> ancestorCache = new HashMap<>();
  private final List<String> heads = new ArrayList<>();

  private RevisionGraph(List<Revision> revisions) {
    for (Revision r : revisions) {
      Revision other = byId.put(r.id(), r);
      if (other != null) {
        throw new MigrationFormatException(r.file() + ": declares the revision " + r.id() + ", as "
            + other.file().getFileName() + " does; revision ids must be unique");
      }
    }
    Map<String, String> labels = new HashMap<>();
    for (Revision r : revisions) {
      for (String label : r.branchLabels()) {
        labels.put(label, r.id());
      }
    }
    Set<String> parents = new HashSet<>();
    for (Revision r : revisions) {
      for (String down : r.downRevisions()) {
        if (!byId.containsKey(down)) {
          throw new MigrationFormatException(r.file() + ": down_revision names " + down
              + ", which no revision file declares");
        }
        parents.add(down);
      }
      List<String> deps = new ArrayList<>();
      for (String dep : r.dependsOn()) {
        String id = byId.containsKey(dep) ? dep : labels.get(dep);
        if (id == null) {
          throw new MigrationFormatException(r.file() + ": depends_on names " + dep
              + ", which is neither a revision nor a branch label");
        }
        deps.add(id);
      }
      dependencies.put(r.id(), deps);
    }
    for (Revision r : revisions) {
      if (!parents.contains(r.id())) {
        heads.add(r.id());
      }
    }
    checkCycles();
    checkHeads();
  }

  /**
   * The graph of {@code revisions}, given in the order their files were loaded (which decides the
   * order of parallel branches, as it does for Alembic).
   *
   * @throws MigrationFormatException on duplicate ids, missing parents, cycles or unlabelled heads
   */
  public static RevisionGraph of(List<Revision> revisions) {
    return new RevisionGraph(revisions);
  }

  /** The heads: revisions no other revision follows. */
  public List<String> heads() {
    return List.copyOf(heads);
  }

  /** The revision with this id. */
  public Revision revision(String id) {
    return byId.get(id);
  }

  /** Every revision in the order {@code alembic upgrade heads} runs them. */
  public List<String> upgradeOrder() {
    List<String> downward = topologicalSort();
    List<String> upward = new ArrayList<>(downward.size());
    for (int i = downward.size() - 1; i >= 0; i--) {
      upward.add(downward.get(i));
    }
    return upward;
  }

  /** The revisions {@code id} follows or depends on, directly or not, and {@code id} itself. */
  public Set<String> ancestors(String id) {
    Set<String> cached = ancestorCache.get(id);
    if (cached != null) {
      return cached;
    }
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (out.add(next)) {
        todo.addAll(allDown(next));
      }
    }
    ancestorCache.put(id, out);
    return out;
  }

  /** The revisions that follow or depend on {@code id}, directly or not, and {@code id} itself. */
  public Set<String> descendants(String id) {
    Set<String> out = new LinkedHashSet<>();
    for (String other : byId.keySet()) {
      if (ancestors(other).contains(id)) {
        out.add(other);
      }
    }
    return out;
  }

  /** The revisions {@code id} follows through down_revision alone (its branch), and itself. */
  public Set<String> versionedAncestors(String id) {
    Set<String> out = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (out.add(next)) {
        todo.addAll(byId.get(next).downRevisions());
      }
    }
    return out;
  }

  private List<String> allDown(String id) {
    List<String> all = new ArrayList<>(byId.get(id).downRevisions());
    for (String dep : dependencies.get(id)) {
      if (!all.contains(dep)) {
        all.add(dep);
      }
    }
    return all;
  }

  /** Down revisions, then the dependencies no revision further down its branch already has. */
  private List<String> normalizedDown(String id) {
    List<String> out = new ArrayList<>(byId.get(id).downRevisions());
    for (String dep : normalizedDependencies(id)) {
      if (!out.contains(dep)) {
        out.add(dep);
      }
    }
    return out;
  }

  /** Alembic's {@code _normalized_resolved_dependencies}. */
  private List<String> normalizedDependencies(String id) {
    List<String> deps = new ArrayList<>(dependencies.get(id));
    if (deps.isEmpty()) {
      return deps; // most revisions depend on nothing: no need to walk their ancestors
    }
    for (String ancestor : versionedAncestors(id)) {
      if (!ancestor.equals(id)) {
        deps.removeAll(dependencies.get(ancestor));
      }
    }
    return deps;
  }

  /** Alembic's {@code RevisionMap._topological_sort} from all heads: heads first, bases last. */
  private List<String> topologicalSort() {
    List<String> insertion = new ArrayList<>(byId.keySet());
    Set<String> todo = new HashSet<>(byId.keySet());
    List<String> current = new ArrayList<>(heads);
    current.sort((a, b) -> Integer.compare(insertion.indexOf(a), insertion.indexOf(b)));
    List<Set<String>> ancestorsByIndex = new ArrayList<>();
    for (String h : current) {
      ancestorsByIndex.add(new HashSet<>(ancestors(h)));
    }
    List<String> output = new ArrayList<>();
    int candidateIndex = 0;
    while (!current.isEmpty()) {
      String candidate = current.get(candidateIndex);
      boolean blocked = false;
      for (int i = 0; i < ancestorsByIndex.size(); i++) {
        if (i != candidateIndex && ancestorsByIndex.get(i).contains(candidate)) {
          candidateIndex = i;
          blocked = true;
          break;
        }
      }
      if (blocked) {
        continue;
      }
      if (todo.remove(candidate)) {
        output.add(candidate);
      }
      List<String> toAdd = normalizedDown(candidate).stream()
          .filter(r -> todo.contains(r) && !current.contains(r)).collect(Collectors.toList());
      if (toAdd.isEmpty()) {
        current.remove(candidateIndex);
        ancestorsByIndex.remove(candidateIndex);
        candidateIndex = Math.max(candidateIndex - 1, 0);
      } else if (normalizedDependencies(candidate).isEmpty() && byId.get(candidate).downRevisions().size() == 1) {
        current.set(candidateIndex, toAdd.get(0));
        ancestorsByIndex.get(candidateIndex).remove(candidate);
      } else {
        current.set(candidateIndex, toAdd.get(0));
        ancestorsByIndex.set(candidateIndex, new HashSet<>(ancestors(toAdd.get(0))));
        for (String extra : toAdd.subList(1, toAdd.size())) {
          current.add(extra);
          ancestorsByIndex.add(new HashSet<>(ancestors(extra)));
        }
      }
    }
    return output;
  }

  private void checkCycles() {
    Map<String, Integer> state = new HashMap<>();
    for (String id : byId.keySet()) {
      visit(id, state, new ArrayList<>());
    }
  }

  private void visit(String id, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    if (s != null) {
      path.add(id);
      throw new MigrationFormatException(byId.get(id).file() + ": the revisions form a cycle: "
          + String.join(" -> ", path));
    }
    state.put(id, 1);
    path.add(id);
    for (String down : allDown(id)) {
      visit(down, state, path);
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }

  /**
   * Two heads are fine only when each is on a branch of its own with a label (a revision only that
   * head descends from carries {@code branch_labels}), as Alembic's expand/contract layouts have.
   */
  private void checkHeads() {
    if (heads.size() < 2) {
      return;
    }
    List<String> unlabelled = new ArrayList<>();
    for (String head : heads) {
      Set<String> own = versionedAncestors(head);
      for (String other : heads) {
        if (!other.equals(head)) {
          own.removeAll(versionedAncestors(other));
        }
      }
      if (own.stream().allMatch(a -> byId.get(a).branchLabels().isEmpty())) {
        unlabelled.add(head);
      }
    }
    if (!unlabelled.isEmpty()) {
      throw new MigrationFormatException(byId.get(heads.get(heads.size() - 1)).file().getParent()
          + ": the revisions have " + heads.size() + " heads (" + String.join(", ", heads)
          + "), so `alembic upgrade head` fails; join them with `alembic merge heads`, or give each branch a label");
    }
  }
}
