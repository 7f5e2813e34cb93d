package io.migrationsafety.operation;

/** The table-level {@code ALTER TABLE} subcommands that {@link AlterTableSetting} carries. */
public enum TableSetting {
  /** {@code SET (storage_parameter = value, …)}. */
  STORAGE_PARAMETERS,
  /** {@code RESET (storage_parameter, …)}. */
  RESET_STORAGE_PARAMETERS,
  /** {@code INHERIT parent}. */
  INHERIT,
  /** {@code NO INHERIT parent}. */
  NO_INHERIT,
  /** {@code CLUSTER ON index}. */
  CLUSTER_ON,
  /** {@code SET WITHOUT CLUSTER}. */
  SET_WITHOUT_CLUSTER,
  /** {@code SET WITHOUT OIDS} (a no-op since PostgreSQL 12). */
  SET_WITHOUT_OIDS,
  /** {@code SET ACCESS METHOD am} (PostgreSQL 15+): rewrites the table. */
  ACCESS_METHOD,
  /** {@code REPLICA IDENTITY …}. */
  REPLICA_IDENTITY,
  /** {@code OF type}. */
  OF_TYPE,
  /** {@code NOT OF}. */
  NOT_OF,
  /** {@code ENABLE|DISABLE [REPLICA|ALWAYS] RULE name}. */
  RULE_STATE
}
