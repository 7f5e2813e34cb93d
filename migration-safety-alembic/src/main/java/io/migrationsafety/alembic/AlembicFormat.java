package io.migrationsafety.alembic;

import io.migrationsafety.alembic.internal.ModuleResolver;
import io.migrationsafety.alembic.internal.RevisionModule;
import io.migrationsafety.alembic.internal.RevisionReader;
import io.migrationsafety.alembic.internal.SchemaState;
import io.migrationsafety.alembic.internal.Translation;
import io.migrationsafety.alembic.internal.python.PySyntaxException;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.sql.ScriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alembic: the revision files of {@code versions/}, read without running Python. Each
 * {@code upgrade()} becomes the PostgreSQL script Alembic would emit for it, every statement on
 * the line of its {@code op.*} call; {@code downgrade()} becomes the rollback script, absent when
 * the function is missing or does nothing ({@code pass}). Migrations come in the order of the
 * revision graph; their version is {@code null}.
 */
public final class AlembicFormat implements MigrationFormat {

  private static final Pattern REVISION = Pattern.compile("(?m)^down_revision\\s*[:=]");

  @Override
  public String name() {
    return "alembic";
  }

  @Override
  public FormatMatch detect(Path directory) {
    Path versions = VersionFiles.locate(directory);
    try {
      for (Path file : VersionFiles.list(versions)) {
        if (Files.isRegularFile(file) && REVISION.matcher(ScriptReader.read(file)).find()) {
          return FormatMatch.SPECIFIC;
        }
      }
    } catch (RuntimeException e) {
      return FormatMatch.NONE; // detection must not throw; reading will say what is wrong
    }
    return FormatMatch.NONE;
  }

  @Override
  public MigrationSet read(Path directory) {
    Project project = Project.read(directory);
    List<Migration> migrations = new ArrayList<>();
    project.translate((id, upgrade, downgrade) -> {
      Path file = project.graph().revision(id).file();
      RevisionModule module = project.modules().get(id);
      boolean hasDowngrade = downgrade != null && !downgrade.empty();
      migrations.add(new Migration(id, null, description(module, file, id), file, upgrade.sql(),
          hasDowngrade ? file : null, hasDowngrade ? downgrade.sql() : null, !upgrade.explicitTransaction()));
    });
    return new MigrationSet(name(), directory, migrations);
  }

  @Override
  public Optional<AppliedStateReader> history() {
    return Optional.of(new AlembicVersionReader());
  }

  @Override
  public Optional<HistoryWriter> historyWriter() {
    return Optional.of(new AlembicHistory());
  }

  @Override
  public Optional<DownScriptWriter> downScriptWriter() {
    return Optional.of(new DowngradeWriter());
  }

  private static String description(RevisionModule module, Path file, String id) {
    if (!module.message().isEmpty()) {
      return module.message();
    }
    String name = file.getFileName().toString().replaceFirst("\\.py$", "");
    return name.startsWith(id) ? name.substring(id.length()).replaceFirst("^_+", "") : name;
  }

  /** Receives one revision's translated functions; {@code downgrade} is {@code null} when it has none. */
  interface Translated {
    void accept(String id, Translation upgrade, Translation downgrade);
  }

  /** The revision files of a project, read, and their graph. */
  record Project(RevisionGraph graph, Map<String, RevisionModule> modules) {

    static Project read(Path directory) {
      Path versions = VersionFiles.locate(directory);
      List<Revision> revisions = new ArrayList<>();
      Map<String, RevisionModule> modules = new LinkedHashMap<>();
      ModuleResolver resolver = ModuleResolver.above(versions);
      for (Path file : VersionFiles.list(versions)) {
        RevisionModule module = module(file, resolver);
        if (module.revision() == null) {
          throw new MigrationFormatException(file + ": declares no revision identifier (revision = '…')");
        }
        if (!module.problems().isEmpty()) {
          throw new MigrationFormatException(file + ": " + String.join("; ", module.problems()));
        }
        revisions.add(new Revision(module.revision(), module.downRevisions(), module.dependsOn(),
            module.branchLabels(), file));
        modules.putIfAbsent(module.revision(), module);
      }
      if (revisions.isEmpty()) {
        throw new MigrationFormatException(versions + ": no Alembic revision files (*.py) found");
      }
      return new Project(RevisionGraph.of(revisions), modules);
    }

    /**
     * Translates every revision in upgrade order, each from the schema the revisions before it
     * leave (the database its inspections would read), its downgrade from the schema after it.
     */
    void translate(Translated sink) {
      SchemaState state = SchemaState.beforeFirstRevision();
      for (String id : graph.upgradeOrder()) {
        Path file = graph.revision(id).file();
        RevisionModule module = modules.get(id);
        Translation upgrade = module.upgrade(state);
        if (upgrade == null) {
          throw new MigrationFormatException(file + ": the revision " + id + " has no upgrade() function");
        }
        state = state.after(upgrade.sql(), file.toString());
        sink.accept(id, upgrade, module.downgrade(state));
      }
    }

    private static RevisionModule module(Path file, ModuleResolver resolver) {
      try {
        return RevisionReader.read(ScriptReader.read(file), file.toString(), resolver);
      } catch (PySyntaxException e) {
        throw new MigrationFormatException("cannot read the revision file " + e.getMessage(), e);
      }
    }
  }
}
