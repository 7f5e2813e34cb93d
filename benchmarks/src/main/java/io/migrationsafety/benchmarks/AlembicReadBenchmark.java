package io.migrationsafety.benchmarks;

import io.migrationsafety.alembic.AlembicFormat;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an Alembic project without running Python — tokenize, parse and interpret every
 * revision, order the graph, and replay each revision's SQL into the schema the next one
 * inspects — for 100, 400 or 1,600 generated revisions. Each revision creates a table with a
 * foreign key to the previous one, adds a column and an index, and, like OpenStack's revisions,
 * finds its foreign keys with {@code sa.inspect(op.get_bind())} to recreate them. The time per
 * read divided by the revision count stays flat when reading is linear in the project's size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Benchmark)
public class AlembicReadBenchmark {

  @Param({"100", "400", "1600"})
  public int revisions;

  private Path directory;

  @Setup(Level.Trial)
  public void writeRevisions() throws IOException {
    directory = Files.createTempDirectory("alembic-benchmark");
    Path versions = Files.createDirectories(directory.resolve("versions"));
    for (int i = 1; i <= revisions; i++) {
      Files.writeString(versions.resolve(String.format("r%05d_step.py", i)), revision(i));
    }
  }

  static String revision(int i) {
    String down = i == 1 ? "None" : String.format("'r%05d'", i - 1);
    String parent = i == 1 ? "" : String.format(
        "        sa.Column('parent_id', sa.BigInteger(), sa.ForeignKey('t%d.id')),%n", i - 1);
    return String.format("""
        \"\"\"step %1$d

        Revision ID: r%1$05d
        \"\"\"
        from alembic import op
        import sqlalchemy as sa
        from sqlalchemy.dialects import postgresql

        revision = 'r%1$05d'
        down_revision = %2$s
        TABLE = 't%1$d'


        def upgrade():
            op.create_table(
                TABLE,
                sa.Column('id', sa.BigInteger(), primary_key=True),
                sa.Column('name', sa.String(length=255), nullable=False),
                sa.Column('meta', postgresql.JSONB(), server_default=sa.text("'{}'::jsonb")),
        %3$s        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now()))
            op.add_column(TABLE, sa.Column('note', sa.Text()))
            op.create_index(op.f('ix_%%s_name' %% TABLE), TABLE, ['name'], unique=False)
            insp = sa.inspect(op.get_bind())
            for fk in insp.get_foreign_keys(TABLE):
                op.drop_constraint(fk['name'], TABLE, type_='foreignkey')
                op.create_foreign_key(fk['name'], TABLE, fk['referred_table'], fk['constrained_columns'],
                                      fk['referred_columns'], ondelete='CASCADE')


        def downgrade():
            op.drop_table(TABLE)
        """, i, down, parent);
  }

  @Benchmark
  public MigrationSet read() {
    MigrationSet set = new AlembicFormat().read(directory);
    if (set.migrations().size() != revisions) {
      throw new IllegalStateException("read " + set.migrations().size() + " of " + revisions + " revisions");
    }
    return set;
  }

  @TearDown(Level.Trial)
  public void deleteRevisions() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
