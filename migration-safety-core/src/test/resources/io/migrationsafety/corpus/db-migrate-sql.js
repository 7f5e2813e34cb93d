'use strict';
// Prints, as JSON, the SQL each db-migrate migration of a directory runs up and down. Each migration's
// exports.up runs for real, in order, on the database the PG* environment variables name (so that a
// migration that reads rows to compute its SQL sees what it would see), through a stand-in for
// db-migrate's driver that records every statement it sends. exports.down only records: its queries
// answer with no rows, and the migration is marked "down reads rows".
// The few helpers a migration may call instead of runSql (createTable, addColumn, removeColumn,
// dropTable) are written out as plain PostgreSQL DDL, and the migration is marked "translated": that
// SQL is ours, not the migration's.
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const dir = process.argv[2];
const q = (name) => '"' + name + '"';
const TYPES = { string: 'VARCHAR', text: 'TEXT', int: 'INTEGER', integer: 'INTEGER', bigint: 'BIGINT',
  boolean: 'BOOLEAN', json: 'JSON', timestamp: 'TIMESTAMP', serial: 'SERIAL', date: 'DATE' };

function columnSql(name, spec) {
  let type = TYPES[spec.type];
  if (!type) throw new Error('unknown db-migrate column type ' + spec.type);
  if (spec.autoIncrement && type === 'INTEGER') type = 'SERIAL';
  if (spec.length) type += '(' + spec.length + ')';
  let sql = q(name) + ' ' + type;
  if (spec.notNull) sql += ' NOT NULL';
  if (spec.unique) sql += ' UNIQUE';
  if (spec.defaultValue !== undefined) {
    sql += ' DEFAULT ' + (typeof spec.defaultValue === 'string' ? "'" + spec.defaultValue.replace(/'/g, "''") + "'"
      : String(spec.defaultValue));
  }
  return sql;
}

/** A value as an SQL literal, for the recorded text of a parameterized statement. */
function literal(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return "'" + String(value).replace(/'/g, "''") + "'";
}

/** A driver stand-in: query(text) runs it (or not) and answers; every statement is recorded. */
function recorder(query, readNote) {
  const record = { sql: [], notes: new Set(), errors: [] };
  const callbackOf = (args) => args.find((a) => typeof a === 'function');
  const send = (text, args, answer) => {
    const params = args.find(Array.isArray);
    let sent = text;
    if (params) {
      // db-migrate-pg takes ? placeholders; the recorded text gets the values, the server $n parameters.
      record.notes.add('parameterized');
      let i = 0;
      let n = 0;
      record.sql.push(text.replace(/\?/g, () => literal(params[i++])));
      sent = text.replace(/\?/g, () => '$' + (++n));
    } else {
      record.sql.push(text);
    }
    const result = query(sent, params);
    const cb = callbackOf(args);
    // A migration's callback that throws must not end the reader: the error is recorded instead.
    const callBack = (...values) => {
      try {
        if (cb) cb(...values);
      } catch (e) {
        record.errors.push('the migration failed: ' + e.message);
        if (record.abort) record.abort(e); // its callback threw, so it will never call db-migrate's
      }
    };
    return result.then((r) => {
      callBack(null, answer(r));
      return answer(r);
    }, (e) => {
      record.errors.push(String(e.message) + ' in: ' + text.trim().slice(0, 200));
      callBack(e);
      return undefined;
    });
  };
  const ddl = (args, sql) => {
    record.notes.add('translated');
    return send(sql, args, (r) => r);
  };
  record.db = {
    runSql(text, ...args) {
      if (/^\s*select\b/i.test(text) && readNote) record.notes.add(readNote);
      return send(text, args, (r) => r);
    },
    all(text, ...args) {
      if (readNote) record.notes.add(readNote);
      return send(text, args, (r) => r.rows);
    },
    createTable(table, columns, ...args) {
      const specs = Object.entries(columns);
      const keys = specs.filter(([, s]) => s.primaryKey).map(([n]) => q(n));
      const body = specs.map(([n, s]) => columnSql(n, s));
      if (keys.length) body.push('PRIMARY KEY (' + keys.join(', ') + ')');
      return ddl(args, 'CREATE TABLE ' + q(table) + ' (' + body.join(', ') + ')');
    },
    addColumn(table, column, spec, ...args) {
      return ddl(args, 'ALTER TABLE ' + q(table) + ' ADD COLUMN ' + columnSql(column, spec));
    },
    removeColumn(table, column, ...args) {
      return ddl(args, 'ALTER TABLE ' + q(table) + ' DROP COLUMN ' + q(column));
    },
    dropTable(table, ...args) {
      return ddl(args, 'DROP TABLE ' + q(table));
    },
  };
  return record;
}

/** Runs one direction of a migration; ends when it calls back, its promise settles, it fails, or a minute passes. */
function call(fn, record) {
  return new Promise((resolve, reject) => {
    let done = false;
    const cb = (err) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        if (err) reject(err); else resolve();
      }
    };
    const timer = setTimeout(() => cb(new Error('the migration did not call back within a minute')), 60000);
    record.abort = cb;
    try {
      const result = fn(record.db, cb);
      if (result && typeof result.then === 'function') result.then(() => cb(), cb);
    } catch (e) {
      cb(e);
    }
  });
}

(async () => {
  const client = new Client();
  await client.connect();
  const out = [];
  const files = fs.readdirSync(dir).filter((f) => /^\d+.*\.js$/.test(f)).sort();
  for (const file of files) {
    const migration = require(path.resolve(dir, file));
    const entry = { name: file };
    // The migration runs in one transaction, as a multi-statement query would.
    const up = recorder((text, params) => client.query(text, params), null);
    try {
      await client.query('BEGIN');
      await call(migration.up, up);
      if (up.errors.length) throw new Error(up.errors.join('; '));
      await client.query('COMMIT');
      entry.up = { sql: up.sql, notes: [...up.notes] };
    } catch (e) {
      await client.query('ROLLBACK');
      entry.up = { error: up.errors.length ? up.errors.join('; ') : String(e && e.message || e) };
    }
    const down = recorder(() => Promise.resolve({ rows: [], rowCount: 0 }), 'down reads rows');
    try {
      await call(migration.down, down);
      entry.down = { sql: down.sql, notes: [...down.notes] };
    } catch (e) {
      entry.down = { error: String(e && e.message || e) };
    }
    out.push(entry);
  }
  await client.end();
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
