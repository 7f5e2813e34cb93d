package io.migrationsafety.alembic.internal;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ScriptReplay;
import io.migrationsafety.sql.SqlSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The database a revision's code would see when it runs: the schema replayed from the revisions
 * before it, in upgrade order. Alembic's {@code sa.inspect(op.get_bind())} reads the live database;
 * this is the static stand-in, so that a revision which looks up a constraint's or an index's name
 * before dropping it can be translated.
 *
 * <p>The model is only as good as what was read before: {@link #untrusted()} names the first places
 * the replay could not follow (untranslated Python, SQL not understood, a statement the replay
 * refused), and every inspection made on an untrusted model is reported, never silently trusted.
 *
 * <p>A state is a chain of scripts: {@link #after} only adds a link, and the scripts are parsed and
 * replayed when an inspection first asks for the schema (most projects never inspect, and are then
 * not replayed here at all); each link keeps its result once computed. Not thread-safe.
 */
public final class SchemaState {

  private static final int KEPT = 3;

  private final SchemaState previous;
  private final String sql;
  private final String file;
  private Schema schema;
  private List<String> untrusted;

  private SchemaState(SchemaState previous, String sql, String file, Schema schema, List<String> untrusted) {
    this.previous = previous;
    this.sql = sql;
    this.file = file;
    this.schema = schema;
    this.untrusted = untrusted;
  }

  /**
   * Where a project's first revision starts: a fresh database with Alembic's version table, which
   * Alembic creates (with its primary key {@code alembic_version_pkc}) before it runs a revision.
   */
  public static SchemaState beforeFirstRevision() {
    return new SchemaState(null, null, null, Schema.empty(), List.of()).after("CREATE TABLE alembic_version ("
        + "version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
        "Alembic's version table");
  }

  /** This state after {@code sql} (one function's translation) ran; {@code file} names it in notes. */
  public SchemaState after(String sql, String file) {
    return new SchemaState(this, sql, file, null, null);
  }

  /** The schema at this point. */
  public Schema schema() {
    resolve();
    return schema;
  }

  /** Where the replay up to this point could not follow, the first few only; empty when the model is exact. */
  public List<String> untrusted() {
    resolve();
    return untrusted;
  }

  /** Replays the links not replayed yet, oldest first, without recursing down a long chain. */
  private void resolve() {
    Deque<SchemaState> pending = new ArrayDeque<>();
    for (SchemaState s = this; s.schema == null; s = s.previous) {
      pending.push(s);
    }
    while (!pending.isEmpty()) {
      pending.pop().replay();
    }
  }

  private void replay() {
    List<String> notes = new ArrayList<>(previous.untrusted);
    Schema current = previous.schema;
    try {
      ScriptReplay replay = ScriptReplay.of(current, SqlParser.parse(sql, file).statements(), file);
      replay.untrusted().forEach(note -> note(notes, note));
      current = replay.after();
    } catch (SqlSyntaxException e) {
      note(notes, file + ": " + e.getMessage());
    }
    schema = current;
    untrusted = List.copyOf(notes);
  }

  private static void note(List<String> notes, String note) {
    if (notes.size() < KEPT) {
      notes.add(note);
    }
  }
}
