/**
 * Renderers of a {@link io.migrationsafety.Review}: text for terminals, JSON (the contract other
 * tools read), Markdown for pull-request comments.
 */
package io.migrationsafety.report;
