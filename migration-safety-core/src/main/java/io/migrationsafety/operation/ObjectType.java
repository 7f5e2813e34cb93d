package io.migrationsafety.operation;

/** The kinds of database object that migrations create, alter, rename and drop. */
public enum ObjectType {
  TABLE,
  FOREIGN_TABLE,
  INDEX,
  VIEW,
  MATERIALIZED_VIEW,
  SEQUENCE,
  TYPE,
  DOMAIN,
  SCHEMA,
  EXTENSION,
  FUNCTION,
  PROCEDURE,
  AGGREGATE,
  ROUTINE,
  TRIGGER,
  POLICY,
  RULE,
  COLUMN,
  CONSTRAINT,
  DATABASE,
  ROLE,
  TABLESPACE,
  COLLATION,
  OPERATOR,
  CAST,
  LANGUAGE,
  PUBLICATION,
  SUBSCRIPTION,
  STATISTICS,
  SERVER,
  LARGE_OBJECT,
  EVENT_TRIGGER,
  OTHER;

  /** The type as SQL spells it: {@code MATERIALIZED VIEW}. */
  public String sql() {
    return name().replace('_', ' ');
  }
}
