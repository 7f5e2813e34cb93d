package io.migrationsafety.maven;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn migration-safety:review}: reviews the project's migrations (a Flyway directory by
 * default) as the {@code review} command does, prints the review, and fails the build when a
 * migration blocks ({@code failOn=warning}: on warnings too). Bound to {@code verify} when declared
 * in a POM with an execution.
 */
@Mojo(name = "review", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReviewMojo extends AbstractMojo {

  /** The migrations' directory. */
  @Parameter(property = "migrationSafety.directory", defaultValue = "${project.basedir}/src/main/resources/db/migration")
  File directory;

  /**
   * The policy file; when none is configured, {@code migration-safety.yml} of the project if there
   * is one. A configured file that does not exist fails the build.
   */
  @Parameter(property = "migrationSafety.policy")
  File policy;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Reads the directory as this format ({@code flyway}, {@code plain-sql} …) instead of detecting it. */
  @Parameter(property = "migrationSafety.migrationFormat")
  String migrationFormat;

  /** The PostgreSQL major version to review for; otherwise the policy's. */
  @Parameter(property = "migrationSafety.pgVersion")
  Integer postgresVersion;

  /** Also write the review to this file: JSON when it ends in {@code .json}, Markdown in {@code .md}, else text. */
  @Parameter(property = "migrationSafety.reportFile")
  File reportFile;

  /** {@code blocked} (default) fails the build on blocked migrations; {@code warning} on warnings too. */
  @Parameter(property = "migrationSafety.failOn", defaultValue = "blocked")
  String failOn;

  /** Skips the review. */
  @Parameter(property = "migrationSafety.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("migration-safety: skipped");
      return;
    }
    if (!failOn.equals("blocked") && !failOn.equals("warning")) {
      throw new MojoExecutionException("failOn must be 'blocked' or 'warning', not '" + failOn + "'");
    }
    Review review;
    try {
      MigrationSafety.Builder builder = MigrationSafety.builder();
      if (policy != null) {
        if (!policy.isFile()) {
          throw new MojoExecutionException("migration-safety: the policy file " + policy + " does not exist");
        }
        builder.policy(policy.toPath());
      } else if (basedir != null && new File(basedir, "migration-safety.yml").isFile()) {
        builder.policy(new File(basedir, "migration-safety.yml").toPath());
      }
      if (postgresVersion != null) {
        builder.postgresVersion(postgresVersion);
      }
      if (migrationFormat != null && !migrationFormat.isBlank()) {
        builder.format(migrationFormat);
      }
      review = builder.build().review(directory.toPath());
    } catch (MigrationSafetyException e) {
      throw new MojoFailureException("migration-safety cannot review " + directory + ": " + e.getMessage(), e);
    }
    render(ReportFormat.TEXT, review).lines().forEach(line -> getLog().info(line));
    if (reportFile != null) {
      write(review);
    }
    boolean fails = review.verdict() == Verdict.BLOCKED || failOn.equals("warning") && review.verdict() == Verdict.WARNING;
    if (fails) {
      throw new MojoFailureException("migration-safety: the migrations in " + directory + " are " + review.verdict()
          + " (see the findings above)");
    }
  }

  private void write(Review review) throws MojoExecutionException {
    String name = reportFile.getName();
    ReportFormat format = name.endsWith(".json") ? ReportFormat.JSON : name.endsWith(".md") ? ReportFormat.MARKDOWN
        : ReportFormat.TEXT;
    try {
      if (reportFile.getParentFile() != null) {
        Files.createDirectories(reportFile.getParentFile().toPath());
      }
      Files.writeString(reportFile.toPath(), render(format, review), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + reportFile + ": " + e.getMessage(), e);
    }
  }

  private static String render(ReportFormat format, Review review) {
    StringWriter text = new StringWriter();
    format.write(review, new PrintWriter(text), false);
    return text.toString();
  }
}
