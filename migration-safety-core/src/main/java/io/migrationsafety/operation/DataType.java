package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * A column or cast type, with PostgreSQL's aliases resolved to its canonical names
 * ({@code int4} and {@code int} are {@code integer}, {@code varchar} is {@code character varying},
 * {@code timestamptz} is {@code timestamp with time zone}, {@code serial} stays {@code serial}).
 *
 * @param name the canonical type name, schema-qualified if written so ({@code public.mood})
 * @param modifiers the type modifiers as written, e.g. {@code ["10", "2"]} for {@code numeric(10,2)}
 * @param arrayDimensions how many {@code []} follow the type (0 if not an array)
 * @param text the type exactly as written
 */
public record DataType(String name, List<String> modifiers, int arrayDimensions, String text) {

  public DataType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    modifiers = List.copyOf(modifiers);
    if (arrayDimensions < 0) {
      throw new IllegalArgumentException("arrayDimensions < 0");
    }
  }

  /** Whether this is one of the serial pseudo-types, which create a sequence and a default. */
  public boolean isSerial() {
    return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
  }

  /** Whether the type is an array. */
  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** The canonical spelling: name, modifiers and array brackets. */
  public String sql() {
    StringBuilder sb = new StringBuilder();
    int zone = name.indexOf(" with");
    String base = zone > 0 && name.startsWith("time") ? name.substring(0, zone) : name;
    sb.append(base);
    if (!modifiers.isEmpty()) {
      sb.append('(').append(String.join(",", modifiers)).append(')');
    }
    if (zone > 0 && name.startsWith("time")) {
      sb.append(name.substring(zone));
    }
    sb.append("[]".repeat(arrayDimensions));
    return sb.toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
