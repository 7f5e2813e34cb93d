package io.migrationsafety.sql;

/**
 * A place in a migration script: the zero-based character offset, and the one-based line and
 * column a person sees in an editor. Columns count UTF-16 code units, as editors and SARIF do.
 */
public record SourcePosition(int offset, int line, int column) implements Comparable<SourcePosition> {

  /** The start of every script. */
  public static final SourcePosition START = new SourcePosition(0, 1, 1);

  public SourcePosition {
    if (offset < 0 || line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "invalid position: offset " + offset + ", line " + line + ", column " + column);
    }
  }

  /** The position after reading {@code text} from this position. */
  public SourcePosition advance(CharSequence text) {
    int l = line;
    int c = column;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    return new SourcePosition(offset + text.length(), l, c);
  }

  @Override
  public int compareTo(SourcePosition other) {
    return Integer.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
