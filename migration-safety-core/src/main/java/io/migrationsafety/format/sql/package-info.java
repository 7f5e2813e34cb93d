/**
 * The SQL-file formats core ships: a plain directory of versioned SQL files, golang-migrate's
 * {@code .up.sql}/{@code .down.sql} pairs, dbmate's files with {@code -- migrate:up} and
 * {@code -- migrate:down} sections, and diesel's {@code <version>_<name>/up.sql} directories.
 */
package io.migrationsafety.format.sql;
