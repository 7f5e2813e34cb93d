package io.migrationsafety.operation;

/** The kinds of type {@code CREATE TYPE} makes. */
public enum TypeKind {
  ENUM,
  COMPOSITE,
  RANGE,
  BASE,
  /** {@code CREATE TYPE name} alone: a placeholder for a base type defined later. */
  SHELL
}
