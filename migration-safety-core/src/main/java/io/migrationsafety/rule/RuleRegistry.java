package io.migrationsafety.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An immutable set of rules with unique ids. Composed with {@link #plus(Rule...)}; a rule whose id
 * or alias is already taken fails loudly, naming both rule classes.
 */
public final class RuleRegistry {

  private static final RuleRegistry EMPTY = new RuleRegistry(List.of());

  private final List<Rule> rules;
  private final Map<String, Rule> byId;

  private RuleRegistry(List<Rule> rules) {
    Map<String, Rule> ids = new LinkedHashMap<>();
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      claim(ids, m.id(), rule);
      for (String alias : m.aliases()) {
        claim(ids, alias, rule);
      }
    }
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::id));
    this.rules = List.copyOf(sorted);
    this.byId = Map.copyOf(ids);
  }

  private static void claim(Map<String, Rule> ids, String id, Rule rule) {
    Rule previous = ids.putIfAbsent(id, rule);
    if (previous != null) {
      throw new IllegalStateException("rule id '" + id + "' is used by both " + previous.getClass().getName()
          + " and " + rule.getClass().getName());
    }
  }

  /** No rules. */
  public static RuleRegistry empty() {
    return EMPTY;
  }

  /** The rules registered with {@link ServiceLoader} on the class path of this library. */
  public static RuleRegistry builtIn() {
    List<Rule> found = new ArrayList<>();
    ServiceLoader.load(Rule.class, RuleRegistry.class.getClassLoader()).forEach(found::add);
    return new RuleRegistry(found);
  }

  /** This registry and {@code more}. */
  public RuleRegistry plus(Rule... more) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(List.of(more));
    return new RuleRegistry(all);
  }

  /** This registry and every rule of {@code other}. */
  public RuleRegistry plus(RuleRegistry other) {
    return plus(other.rules.toArray(new Rule[0]));
  }

  /** All rules, by id. */
  public List<Rule> all() {
    return rules;
  }

  /** The rule with this id or alias. */
  public Optional<Rule> find(String idOrAlias) {
    return Optional.ofNullable(byId.get(idOrAlias));
  }
}
