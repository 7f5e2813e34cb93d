package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.SetSetting;
import java.util.Locale;

/**
 * The schema unqualified names resolve to, as a script's {@code SET search_path} moves it: the
 * first real schema of the path ({@code "$user", app, public} gives {@code app}); {@code public}
 * after {@code RESET search_path} or {@code RESET ALL}, and at the start.
 */
public final class SearchPath {

  /** Where a script starts. */
  public static final String DEFAULT = "public";

  private SearchPath() {}

  /** The default schema after {@code operation}, which was {@code current} before it. */
  public static String after(String current, Operation operation) {
    if (!(operation instanceof SetSetting set)) {
      return current;
    }
    String name = set.name().toLowerCase(Locale.ROOT);
    if (set.reset() && name.equals("all")) {
      return DEFAULT;
    }
    if (!name.equals("search_path")) {
      return current;
    }
    return set.value() == null ? DEFAULT : firstSchema(set.value());
  }

  /** The first real schema of a search_path value: {@code "$user", app, public} gives {@code app}. */
  public static String firstSchema(String searchPath) {
    for (String part : searchPath.split(",")) {
      String p = part.strip();
      if (p.startsWith("'") && p.endsWith("'") && p.length() >= 2) {
        p = p.substring(1, p.length() - 1).strip();
      }
      if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
        p = p.substring(1, p.length() - 1).replace("\"\"", "\"");
        if (!p.equals("$user")) {
          return p;
        }
      } else if (!p.isEmpty() && !p.equals("$user")) {
        return p.toLowerCase(Locale.ROOT);
      }
    }
    return DEFAULT;
  }
}
