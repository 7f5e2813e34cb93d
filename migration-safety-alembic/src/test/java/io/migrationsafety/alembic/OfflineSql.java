package io.migrationsafety.alembic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The output of {@code alembic upgrade heads --sql}, split into each revision's SQL. */
final class OfflineSql {

  private static final Pattern RUNNING = Pattern.compile("(?m)^-- Running (upgrade|downgrade) (.*) -> (.*?)\\s*$");

  private OfflineSql() {}

  /**
   * Each revision's statements, in the order Alembic ran them, without its alembic_version
   * bookkeeping: the revision upgraded to, or the one downgraded from.
   */
  static Map<String, String> byRevision(String output) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = RUNNING.matcher(output);
    List<int[]> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start(), m.end()});
      ids.add(m.group(1).equals("upgrade") ? m.group(3) : m.group(2).split(",")[0].strip());
    }
    for (int i = 0; i < ids.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : output.length();
      String section = output.substring(starts.get(i)[1], end);
      StringBuilder kept = new StringBuilder();
      for (String statement : section.split(";\\s*\\n")) {
        String s = statement.strip();
        if (!s.isEmpty() && !s.contains("alembic_version") && !(i + 1 == ids.size() && s.equals("COMMIT"))) {
          kept.append(s).append(";\n");
        }
      }
      out.put(ids.get(i), kept.toString());
    }
    return out;
  }
}
