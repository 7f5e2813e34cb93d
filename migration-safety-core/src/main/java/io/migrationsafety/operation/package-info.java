/**
 * The typed operation model: what each migration statement changes, as immutable records in one
 * sealed hierarchy ({@link io.migrationsafety.operation.Operation}). One statement gives one or
 * more operations ({@code ALTER TABLE} gives one per subcommand); a statement that is not
 * understood gives {@link io.migrationsafety.operation.Unrecognized}, never nothing.
 */
package io.migrationsafety.operation;
