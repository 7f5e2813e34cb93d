package io.migrationsafety.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.Reviewer;
import io.migrationsafety.database.DatabaseTarget;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The approval gate holds in the API's shape: the only way to something that writes is a
 * {@link StagingTarget}, and nothing public that runs migrations takes a plain database.
 */
class ApprovalGateApiTest {

  private static final Set<Class<?>> PLAIN_DATABASES = Set.of(DatabaseTarget.class, DataSource.class, Connection.class);

  private static List<Executable> publicExecutables(Class<?> type) {
    List<Executable> all = new ArrayList<>();
    all.addAll(Arrays.asList(type.getConstructors()));
    Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() == type).forEach(all::add);
    return all;
  }

  @Test
  void the_executor_is_reached_only_through_a_staging_target() throws NoSuchMethodException {
    assertThat(Reviewer.class.getMethod("executor", StagingTarget.class).getReturnType())
        .isEqualTo(StagingExecutor.class);
    assertThat(StagingExecutor.class.getConstructors()).singleElement().satisfies(c ->
        assertThat(c.getParameterTypes()).containsExactly(Reviewer.class, StagingTarget.class));
    for (Class<?> type : List.of(StagingExecutor.class, Reviewer.class, ReleaseScript.class)) {
      for (Executable e : publicExecutables(type)) {
        assertThat(e.getParameterTypes()).as("%s", e).doesNotContainAnyElementsOf(PLAIN_DATABASES);
      }
    }
  }

  @Test
  void a_staging_target_is_made_only_by_naming_it_so() {
    assertThat(StagingTarget.class.getConstructors()).isEmpty();
    assertThat(Modifier.isFinal(StagingTarget.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(StagingTarget.class.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getName()).distinct()).containsExactly("of");
  }

  @Test
  void a_staging_target_prints_without_its_password() {
    StagingTarget target = StagingTarget.of("postgres://deploy:s3cret@staging-db:5432/app");

    assertThat(target.description()).doesNotContain("s3cret").contains("***");
    assertThat(target.toString()).doesNotContain("s3cret");
  }
}
