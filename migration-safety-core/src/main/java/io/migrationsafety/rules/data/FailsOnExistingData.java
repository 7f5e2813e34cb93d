package io.migrationsafety.rules.data;

import io.migrationsafety.probe.DataProbe;
import io.migrationsafety.probe.DataProbes;
import io.migrationsafety.probe.ProbeResult;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement that checks every existing row (a new NOT NULL, UNIQUE, PRIMARY KEY, CHECK or
 * FOREIGN KEY, a validation, a unique index, a type change) would fail on the data the live
 * database holds, as the review's data probes found. Only when the review reads a database and
 * the policy leaves probes on.
 */
public final class FailsOnExistingData implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("fails-on-existing-data",
      "A constraint or type change that the rows already in the table would make fail", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<Finding> findings = new ArrayList<>();
    for (DataProbe probe : DataProbes.of(context.operation(), context.before(), context.defaultSchema(),
        context::isNewTable)) {
      Optional<ProbeResult> result = context.probes().run(probe);
      if (result.isEmpty()) {
        continue;
      }
      switch (result.get().kind()) {
        case VIOLATIONS -> findings.add(violations(context, probe, (ProbeResult.Violations) result.get()));
        case UNKNOWN -> findings.add(unknown(context, probe, (ProbeResult.Unknown) result.get()));
        case CLEAN -> { }
      }
    }
    return findings;
  }

  private Finding violations(StatementContext context, DataProbe probe, ProbeResult.Violations v) {
    String count = probe.kind() == DataProbe.Kind.DUPLICATES
        ? v.count().replace(v.rows() == 1 ? " row" : " rows", v.rows() == 1 ? " key" : " keys") : v.count();
    String message = "Fails on the data " + probe.table() + " holds now: " + count + " (" + probe.offending() + ")"
        + (v.exampleKey() == null ? "" : ", for example " + (probe.kind() == DataProbe.Kind.DUPLICATES ? "the key "
            : "the row with key ") + v.exampleKey());
    Finding finding = context.finding(this, message,
        "PostgreSQL checks every existing row when it runs this statement and aborts it, with the migration's "
            + "transaction, at the first row that fails: the deploy stops, after holding its lock for the scan.",
        probe.findSql() + "\n" + probe.fixSql());
    Optional<String> change = EarlierDataChanges.find(context, probe);
    if (change.isPresent()) {
      return new Finding(finding.rule(), Severity.WARNING, finding.file(), finding.line(), finding.column(),
          finding.message() + "; unless " + change.get() + " fixes them (the probe read the data before it)",
          finding.why(), finding.suggestion(), finding.locks());
    }
    return finding;
  }

  private Finding unknown(StatementContext context, DataProbe probe, ProbeResult.Unknown u) {
    Finding finding = context.finding(this,
        "Could not check whether the data " + probe.table() + " holds makes this statement fail (" + probe.offending()
            + "): " + u.reason(),
        "A probe that did not finish is no evidence that the data is clean; the statement may fail on "
            + "existing rows.",
        "-- check by hand, on a replica:\n" + probe.findSql());
    return finding.withSeverity(Severity.WARNING);
  }
}
