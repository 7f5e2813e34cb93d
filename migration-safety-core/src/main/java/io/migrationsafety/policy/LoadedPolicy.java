package io.migrationsafety.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A policy as read from a file, with where each rule id was written.
 *
 * <p>Why not a bare {@link Policy}: rule ids can only be checked against the rule registry, which
 * the engine owns, after loading. This record keeps the one thing that check needs from the file
 * (the place of each {@code rules:} key) so that an unknown id is still reported at its line and
 * column, without {@link Policy} itself carrying file positions.
 *
 * @param policy the policy
 * @param ruleLocations where each rule id under {@code rules:} was written, in file order
 */
public record LoadedPolicy(Policy policy, Map<String, PolicyLocation> ruleLocations) {

  public LoadedPolicy {
    Objects.requireNonNull(policy, "policy");
    ruleLocations = Collections.unmodifiableMap(new LinkedHashMap<>(ruleLocations));
  }

  /** Where rule {@code id} was written under {@code rules:}, if it was. */
  public Optional<PolicyLocation> ruleLocation(String id) {
    return Optional.ofNullable(ruleLocations.get(id));
  }

  /**
   * Checks that every rule id the policy names is known.
   *
   * @param knownIds the ids of the registered rules and their aliases
   * @throws PolicyException at the first unknown id in file order, suggesting the nearest known id
   */
  public void requireKnownRules(Collection<String> knownIds) {
    Set<String> known = Set.copyOf(knownIds);
    for (Map.Entry<String, PolicyLocation> entry : ruleLocations.entrySet()) {
      String id = entry.getKey();
      if (!known.contains(id)) {
        throw new PolicyException(entry.getValue(), "unknown rule '" + id + "'"
            + Nearest.didYouMean(id, known) + "; `migration-safety rules` lists the rule ids");
      }
    }
  }
}
