/**
 * Migration formats: how a directory of migrations is recognised, read and ordered.
 */
package io.migrationsafety.format;
