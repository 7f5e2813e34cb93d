package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.MigrationFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private final List<Revision> revisions = new ArrayList<>();

  private void add(String id, List<String> down, List<String> depends, List<String> labels) {
    revisions.add(new Revision(id, down, depends, labels, Path.of("versions", id + ".py")));
  }

  private void add(String id, String... down) {
    add(id, List.of(down), List.of(), List.of());
  }

  @Test
  void orders_a_chain_from_the_base() {
    add("c", "b");
    add("a");
    add("b", "a");
    assertThat(RevisionGraph.of(revisions).upgradeOrder()).containsExactly("a", "b", "c");
  }

  @Test
  void runs_both_branches_before_their_merge_point() {
    add("base");
    add("left1", "base");
    add("right1", "base");
    add("left2", "left1");
    add("merge", "left2", "right1");
    RevisionGraph graph = RevisionGraph.of(revisions);
    List<String> order = graph.upgradeOrder();
    assertThat(order).hasSize(5).startsWith("base").endsWith("merge");
    assertThat(order.indexOf("left1")).isLessThan(order.indexOf("left2"));
    assertThat(graph.heads()).containsExactly("merge");
    assertThat(graph.ancestors("merge")).containsExactlyInAnyOrder("merge", "left2", "left1", "right1", "base");
  }

  @Test
  void a_dependency_runs_before_its_dependent_across_labelled_branches() {
    add("base", List.of(), List.of(), List.of());
    add("expand1", List.of("base"), List.of(), List.of("expand"));
    add("contract1", List.of("base"), List.of("expand2"), List.of("contract"));
    add("expand2", List.of("expand1"), List.of(), List.of());
    RevisionGraph graph = RevisionGraph.of(revisions);
    List<String> order = graph.upgradeOrder();
    assertThat(order.indexOf("expand2")).isLessThan(order.indexOf("contract1"));
    assertThat(graph.heads()).containsExactlyInAnyOrder("contract1", "expand2");
  }

  @Test
  void depends_on_may_name_a_branch_label() {
    add("a", List.of(), List.of(), List.of("core"));
    add("b", List.of(), List.of("core"), List.of("extra"));
    assertThat(RevisionGraph.of(revisions).upgradeOrder()).containsExactly("a", "b");
  }

  @Test
  void refuses_a_missing_parent() {
    add("a");
    add("b", "zz");
    assertThatThrownBy(() -> RevisionGraph.of(revisions)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("b.py").hasMessageContaining("down_revision names zz, which no revision file declares");
  }

  @Test
  void refuses_duplicate_ids_naming_both_files() {
    add("a");
    revisions.add(new Revision("a", List.of(), List.of(), List.of(), Path.of("versions", "copy.py")));
    assertThatThrownBy(() -> RevisionGraph.of(revisions)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("copy.py").hasMessageContaining("as a.py does");
  }

  @Test
  void refuses_two_unlabelled_heads() {
    add("a");
    add("b", "a");
    add("c", "a");
    assertThatThrownBy(() -> RevisionGraph.of(revisions)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("2 heads (b, c)").hasMessageContaining("alembic merge heads");
  }

  @Test
  void refuses_a_cycle() {
    add("a", "b");
    add("b", "a");
    add("c");
    assertThatThrownBy(() -> RevisionGraph.of(revisions)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("cycle");
  }
}
