/**
 * The built-in rules, one class per rule, grouped by family ({@code index}, {@code column},
 * {@code constraint}, {@code data}, {@code table}, {@code transaction}, {@code type}, {@code convention},
 * {@code general}). Each rule's id is its class name in kebab-case and it has a page
 * {@code docs/rules/<id>.md}; tests hold both.
 */
package io.migrationsafety.rules;
