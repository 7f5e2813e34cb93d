package io.migrationsafety.operation;

import java.util.Objects;

/**
 * An identity column: {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(sequence options)]}.
 *
 * @param always {@code ALWAYS} rather than {@code BY DEFAULT}
 * @param sequenceOptions the sequence options as written, empty when none
 */
public record Identity(boolean always, String sequenceOptions) {

  public Identity {
    Objects.requireNonNull(sequenceOptions, "sequenceOptions");
  }
}
