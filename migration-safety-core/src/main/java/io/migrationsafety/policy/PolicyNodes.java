package io.migrationsafety.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of a composed YAML node tree, each failing with a {@link PolicyException} at the
 * offending node. Working on nodes rather than constructed objects is what keeps every line and
 * column, and it never instantiates anything a tag asks for.
 */
final class PolicyNodes {

  /** The tags of plain YAML data; anything else (a {@code !custom} or a language tag) is refused. */
  private static final Set<Tag> DATA_TAGS = Set.of(
      Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP, Tag.BINARY,
      Tag.SET, Tag.OMAP, Tag.PAIRS, Tag.MERGE);

  /** YAML 1.1 also reads {@code 0x1F}, {@code 017} (octal!) and {@code 1:30} as integers; we take decimal only. */
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");

  /** A time as PostgreSQL's settings write it, with one of the units a policy accepts. */
  private static final Pattern DURATION = Pattern.compile("(0|[1-9][0-9_]*)\\s*(ms|s|min|h)");

  /** One {@code key: value} of a mapping. */
  record Entry(String key, Node keyNode, Node value) {}

  private final String source;

  PolicyNodes(String source) {
    this.source = source;
  }

  PolicyLocation at(Node node) {
    return new PolicyLocation(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  PolicyException error(Node node, String problem) {
    return new PolicyException(at(node), problem);
  }

  /** Whether {@code node} is empty: {@code key:} with nothing after it, {@code ~} or {@code null}. */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** Refuses a tag that is not plain data, wherever it is. */
  void checkTag(Node node) {
    if (!DATA_TAGS.contains(node.getTag())) {
      String tag = node.getTag().getValue();
      String written = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
      throw error(node, "tags such as '" + written + "' are not allowed in a policy;"
          + " remove the tag and write a plain value");
    }
  }

  /**
   * The entries of a mapping, in file order; {@code null} counts as empty.
   *
   * @param what names the mapping in messages, e.g. {@code "rules"}
   * @throws PolicyException when it is not a mapping, a key is not a scalar, or a key repeats
   */
  List<Entry> entries(Node node, String what, String expected) {
    checkTag(node);
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof MappingNode)) {
      throw error(node, what + " must be " + expected + ", found " + describe(node));
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Node keyNode = tuple.getKeyNode();
      checkTag(keyNode);
      if (!(keyNode instanceof ScalarNode)) {
        throw error(keyNode, "keys in " + what + " must be plain names, found " + describe(keyNode));
      }
      if (keyNode.getTag().equals(Tag.MERGE)) {
        throw error(keyNode, "merge keys ('<<') are not supported in a policy; write the keys out");
      }
      String key = ((ScalarNode) keyNode).getValue();
      Node first = seen.putIfAbsent(key, keyNode);
      if (first != null) {
        PolicyLocation was = at(first);
        throw error(keyNode, "duplicate key '" + key + "' in " + what + " (first at line " + was.line()
            + ", column " + was.column() + "); keep one");
      }
      checkTag(tuple.getValueNode());
      entries.add(new Entry(key, keyNode, tuple.getValueNode()));
    }
    return entries;
  }

  /**
   * The entries of a section whose keys are fixed, by key.
   *
   * @param section the section ({@code null}: the top level)
   * @throws PolicyException on a key the section does not have, suggesting the nearest one
   */
  Map<PolicyKey, Entry> section(Node node, PolicyKey section, String what, String expected) {
    List<PolicyKey> allowed = PolicyKey.in(section);
    Map<PolicyKey, Entry> found = new EnumMap<>(PolicyKey.class);
    for (Entry entry : entries(node, what, expected)) {
      PolicyKey key = PolicyKey.find(section, entry.key()).orElseThrow(() -> {
        List<String> names = allowed.stream().map(PolicyKey::key).collect(Collectors.toList());
        return error(entry.keyNode(), "unknown key '" + entry.key() + "'" + (section == null ? "" : " in " + what)
            + Nearest.didYouMean(entry.key(), names) + "; the keys " + (section == null ? "are " : "there are ")
            + String.join(", ", names));
      });
      found.put(key, entry);
    }
    return found;
  }

  /**
   * A whole number written in decimal.
   *
   * @param name names the value in messages
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param allowed says in words what is allowed, e.g. "a whole number from 12 to 18"
   */
  long wholeNumber(Node node, String name, long min, long max, String allowed) {
    if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.INT)) {
      throw error(node, name + " must be " + allowed + ", found " + describe(node));
    }
    String text = ((ScalarNode) node).getValue();
    if (!DECIMAL.matcher(text).matches()) {
      throw error(node, name + " must be " + allowed + " written in decimal digits, found '" + text + "'");
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      throw error(node, name + " must be " + allowed + ", found " + text + ", which is too large");
    }
    if (value < min || value > max) {
      throw error(node, name + " must be " + allowed + ", found " + value);
    }
    return value;
  }

  /**
   * A duration written as PostgreSQL writes a time setting: a whole number with the unit
   * {@code ms}, {@code s}, {@code min} or {@code h} ({@code 2s}, {@code 500ms}, {@code 30min}), or a
   * bare whole number of milliseconds.
   *
   * @param minMillis the shortest allowed duration, in milliseconds
   */
  java.time.Duration duration(Node node, String name, long minMillis) {
    String allowed = "a duration such as 500ms, 2s, 30min or 1h" + (minMillis > 0 ? ", at least " + minMillis + "ms" : "");
    long millis;
    if (node instanceof ScalarNode && node.getTag().equals(Tag.INT)) {
      millis = wholeNumber(node, name, minMillis, Long.MAX_VALUE, allowed);
    } else if (node instanceof ScalarNode && node.getTag().equals(Tag.STR)) {
      var m = DURATION.matcher(((ScalarNode) node).getValue().strip());
      if (!m.matches()) {
        throw error(node, name + " must be " + allowed + ", found " + describe(node));
      }
      long amount;
      try {
        amount = Long.parseLong(m.group(1).replace("_", ""));
      } catch (NumberFormatException e) {
        throw error(node, name + " must be " + allowed + ", found " + describe(node) + ", which is too large");
      }
      long unit = switch (m.group(2)) {
        case "ms" -> 1L;
        case "s" -> 1_000L;
        case "min" -> 60_000L;
        default -> 3_600_000L;
      };
      if (amount > Long.MAX_VALUE / unit) {
        throw error(node, name + " must be " + allowed + ", found " + describe(node) + ", which is too large");
      }
      millis = amount * unit;
    } else {
      throw error(node, name + " must be " + allowed + ", found " + describe(node));
    }
    if (millis < minMillis) {
      throw error(node, name + " must be " + allowed + ", found " + describe(node));
    }
    return java.time.Duration.ofMillis(millis);
  }

  /** {@code true} or {@code false}; YAML 1.1's {@code yes}, {@code no}, {@code on}, {@code off} are refused as ambiguous. */
  boolean bool(Node node, String name) {
    if (node instanceof ScalarNode && node.getTag().equals(Tag.BOOL)) {
      String text = ((ScalarNode) node).getValue().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
    }
    throw error(node, name + " must be true or false, found " + describe(node));
  }

  /** A string; a plain or quoted one, never a number, boolean, list or mapping. */
  String string(Node node, String name, String allowed) {
    if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.STR)) {
      throw error(node, name + " must be " + allowed + ", found " + describe(node));
    }
    return ((ScalarNode) node).getValue();
  }

  /** What a node holds, in words, for "found …" in messages. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    String value = ((ScalarNode) node).getValue();
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "the number " + value;
    }
    if (tag.equals(Tag.BOOL)) {
      return "'" + value + "' (a boolean)";
    }
    if (tag.equals(Tag.STR)) {
      return "the string '" + value + "'";
    }
    return "'" + value + "'";
  }
}
