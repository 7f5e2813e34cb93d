package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code DO [LANGUAGE l] 'body'}: an anonymous code block, which can do anything.
 *
 * @param language the language, lower-cased ({@code plpgsql} when not written)
 * @param body the body
 */
public record DoBlock(
    String language,
    String body) implements Operation {

  public DoBlock {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DO_BLOCK;
  }
}
