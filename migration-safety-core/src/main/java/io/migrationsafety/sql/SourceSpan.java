package io.migrationsafety.sql;

import java.util.Objects;

/** A range of a script, from {@code start} (inclusive) to {@code end} (exclusive). */
public record SourceSpan(SourcePosition start, SourcePosition end) {

  public SourceSpan {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.offset() < start.offset()) {
      throw new IllegalArgumentException("span ends before it starts: " + start + " .. " + end);
    }
  }

  /** The number of characters covered. */
  public int length() {
    return end.offset() - start.offset();
  }

  /** The text this span covers in {@code source}. */
  public String of(String source) {
    return source.substring(start.offset(), end.offset());
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
