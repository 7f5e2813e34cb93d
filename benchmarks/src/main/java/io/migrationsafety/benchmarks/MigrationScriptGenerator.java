package io.migrationsafety.benchmarks;

import java.util.SplittableRandom;

/**
 * Generates a migration script of a given number of statements, from a realistic mix of what
 * migrations hold: tables with constraints, added columns with defaults, concurrent indexes,
 * foreign keys added {@code NOT VALID} then validated, batched backfills, seed rows, plpgsql
 * functions with dollar-quoted bodies (semicolons inside), {@code COMMENT ON}, session settings,
 * and line and block comments between and inside statements.
 *
 * <p>Deterministic: the same count and seed give the same text, so runs on different days and
 * machines measure the same input.
 */
public final class MigrationScriptGenerator {

  /** The seed the benchmarks use. */
  public static final long SEED = 20_240_601L;

  private final StringBuilder out;
  private final SplittableRandom random;

  private MigrationScriptGenerator(int statements, long seed) {
    this.out = new StringBuilder(statements * 160);
    this.random = new SplittableRandom(seed);
  }

  /**
   * A script of exactly {@code statements} statements (comments are not statements).
   *
   * @param statements how many statements, at least 1
   * @param seed drives every choice
   */
  public static String generate(int statements, long seed) {
    if (statements < 1) {
      throw new IllegalArgumentException("statements must be at least 1: " + statements);
    }
    MigrationScriptGenerator g = new MigrationScriptGenerator(statements, seed);
    for (int i = 0; i < statements; i++) {
      g.statement(i);
    }
    return g.out.toString();
  }

  private void statement(int i) {
    int table = random.nextInt(50);
    if (random.nextInt(3) == 0) {
      out.append("-- step ").append(i).append(": keep each change small; see the runbook\n");
    } else if (random.nextInt(20) == 0) {
      out.append("/* release ").append(i / 100).append(" /* nested: reviewed */ ; not a statement end */\n");
    }
    // Weights out of 100, roughly what a year of a service's migrations holds.
    int pick = random.nextInt(100);
    if (pick < 12) {
      createTable(i);
    } else if (pick < 30) {
      addColumn(i, table);
    } else if (pick < 42) {
      createIndex(i, table);
    } else if (pick < 50) {
      addForeignKey(i, table);
    } else if (pick < 56) {
      out.append("ALTER TABLE orders_").append(table).append(" VALIDATE CONSTRAINT orders_")
          .append(table).append("_account_fk;\n");
    } else if (pick < 68) {
      update(i, table);
    } else if (pick < 78) {
      insert(i);
    } else if (pick < 84) {
      function(i);
    } else if (pick < 92) {
      out.append("COMMENT ON COLUMN orders_").append(table).append(".col_").append(i)
          .append(" IS 'Backfilled by job #").append(i).append("; it''s safe to drop after v")
          .append(i % 7).append("';\n");
    } else if (pick < 96) {
      out.append("SET lock_timeout = '").append(1 + random.nextInt(9)).append("s';\n");
    } else {
      out.append("DROP INDEX CONCURRENTLY IF EXISTS idx_legacy_").append(i).append(";\n");
    }
  }

  private void createTable(int i) {
    out.append("CREATE TABLE IF NOT EXISTS invoice_").append(i).append(" (\n")
        .append("    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
        .append("    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n")
        .append("    status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'paid', 'void')),\n")
        .append("    amount      numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n")
        .append("    currency    char(3) NOT NULL DEFAULT 'EUR',\n")
        .append("    \"Note\"      varchar(500), -- free text from support\n")
        .append("    created_at  timestamptz NOT NULL DEFAULT now(),\n")
        .append("    CONSTRAINT invoice_").append(i).append("_account_created_uq UNIQUE (account_id, created_at)\n")
        .append(");\n");
  }

  private void addColumn(int i, int table) {
    out.append("ALTER TABLE orders_").append(table).append(" ADD COLUMN IF NOT EXISTS col_").append(i);
    switch (random.nextInt(4)) {
      case 0 -> out.append(" integer NOT NULL DEFAULT 0");
      case 1 -> out.append(" text DEFAULT 'pending'");
      case 2 -> out.append(" boolean NOT NULL DEFAULT false");
      default -> out.append(" timestamptz DEFAULT clock_timestamp()");
    }
    out.append(";\n");
  }

  private void createIndex(int i, int table) {
    out.append("CREATE ").append(random.nextInt(4) == 0 ? "UNIQUE " : "")
        .append("INDEX CONCURRENTLY IF NOT EXISTS idx_orders_").append(table).append('_').append(i)
        .append("\n    ON orders_").append(table)
        .append(" USING btree (account_id, created_at DESC) WHERE deleted_at IS NULL;\n");
  }

  private void addForeignKey(int i, int table) {
    out.append("ALTER TABLE orders_").append(table).append("\n    ADD CONSTRAINT orders_")
        .append(table).append("_fk_").append(i)
        .append(" FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n");
  }

  private void update(int i, int table) {
    long from = (long) i * 5_000;
    out.append("UPDATE orders_").append(table)
        .append("\n   SET status = 'archived', updated_at = now()")
        .append("\n WHERE id >= ").append(from).append(" AND id < ").append(from + 5_000)
        .append("\n   AND status IN ('void', 'expired') AND coalesce(note, '') <> 'keep';\n");
  }

  private void insert(int i) {
    out.append("INSERT INTO feature_flags (key, enabled, description, updated_at) VALUES\n");
    int rows = 1 + random.nextInt(5);
    for (int r = 0; r < rows; r++) {
      out.append("    ('flag.").append(i).append('.').append(r).append("', ")
          .append(r % 2 == 0 ? "true" : "false").append(", E'Rollout wave ").append(r)
          .append("\\n(see ticket)', now())").append(r + 1 < rows ? ",\n" : "\n");
    }
    out.append("ON CONFLICT (key) DO NOTHING;\n");
  }

  private void function(int i) {
    out.append("CREATE OR REPLACE FUNCTION touch_updated_at_").append(i).append("()\n")
        .append("RETURNS trigger\nLANGUAGE plpgsql\nAS $fn$\n")
        .append("BEGIN\n")
        .append("    -- a semicolon in here does not end the statement;\n")
        .append("    NEW.updated_at := now();\n")
        .append("    IF NEW.status = 'void' THEN\n")
        .append("        RAISE NOTICE 'voided %; keep $$ as is', NEW.id;\n")
        .append("    END IF;\n")
        .append("    RETURN NEW;\n")
        .append("END;\n$fn$;\n");
  }
}
