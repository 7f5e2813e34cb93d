package io.migrationsafety.rule;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, declared once: its id (kebab-case, the rule class's name, e.g.
 * {@code require-concurrent-index} for {@code RequireConcurrentIndex}), a one-line summary, its
 * default severity, whether it runs unless enabled, and the ids it had before a rename.
 *
 * @param id the rule id, kebab-case
 * @param summary one line saying what it catches
 * @param defaultSeverity its severity unless the policy says otherwise
 * @param enabledByDefault whether it runs unless the policy turns it off
 * @param aliases former ids, still accepted in policies and suppressions
 */
public record RuleMetadata(
    String id, String summary, Severity defaultSeverity, boolean enabledByDefault, List<String> aliases) {

  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public RuleMetadata {
    Objects.requireNonNull(id, "id");
    if (!KEBAB.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be kebab-case: '" + id + "'");
    }
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " needs a summary");
    }
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    aliases = List.copyOf(aliases);
    for (String alias : aliases) {
      if (!KEBAB.matcher(alias).matches()) {
        throw new IllegalArgumentException("rule alias must be kebab-case: '" + alias + "'");
      }
    }
  }

  /** A rule enabled by default, without aliases. */
  public static RuleMetadata of(String id, String summary, Severity defaultSeverity) {
    return new RuleMetadata(id, summary, defaultSeverity, true, List.of());
  }

  /** The rule's page, relative to the repository root. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
