package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code SET [SESSION|LOCAL] name TO value}, {@code RESET name}, {@code SET TIME ZONE}, {@code SET ROLE}.
 *
 * @param name the setting, lower-cased ({@code all} for {@code RESET ALL})
 * @param value the value as written, or {@code null} for {@code RESET} and {@code DEFAULT}
 * @param local {@code LOCAL}: only until the end of the transaction
 * @param reset {@code RESET} (or {@code SET … TO DEFAULT})
 */
public record SetSetting(
    String name,
    String value,
    boolean local,
    boolean reset) implements Operation {

  public SetSetting {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_SETTING;
  }
}
