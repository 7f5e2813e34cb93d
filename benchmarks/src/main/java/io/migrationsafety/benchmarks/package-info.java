/**
 * JMH benchmarks of migration-safety, run on demand with
 * {@code java -jar benchmarks/target/benchmarks.jar} (see {@code benchmarks/README.md}); never part
 * of a build's tests.
 */
package io.migrationsafety.benchmarks;
