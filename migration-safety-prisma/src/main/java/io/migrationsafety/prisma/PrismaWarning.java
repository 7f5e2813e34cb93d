package io.migrationsafety.prisma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the {@code Warnings:} block Prisma writes at the top of a generated migration when
 * its destructive-change checks found something: a column or table dropped, a required column added
 * without a default, a unique constraint added, enum values removed, a type cast… Prisma shows the
 * block once, to whoever ran {@code migrate dev}; {@code migrate deploy} applies the file silently.
 *
 * @param line the one-based line of the warning in the file
 * @param text the warning as Prisma wrote it
 * @param kind what it warns about
 * @param table the table it names, or {@code null}
 * @param column the column it names, or {@code null}
 */
public record PrismaWarning(int line, String text, Kind kind, String table, String column) {

  /** What a warning is about, from Prisma's fixed sentences. */
  public enum Kind {
    /** "You are about to drop the column `c` on the `T` table…" */
    DROP_COLUMN,
    /** "You are about to drop the `T` table…" */
    DROP_TABLE,
    /** "Added the required column `c` to the `T` table without a default value…" */
    REQUIRED_COLUMN_WITHOUT_DEFAULT,
    /** "Made the column `c` on table `T` required…" */
    MADE_REQUIRED,
    /** "A unique constraint covering the columns `[a,b]` on the table `T` will be added…" */
    UNIQUE_ADDED,
    /** "The values [A,B] on the enum `E` will be removed…" */
    ENUM_VALUES_REMOVED,
    /** "You are about to alter the column `c` on the `T` table… will be cast" or "Changed the type of `c`…" */
    TYPE_CHANGED,
    /** "The primary key for the `T` table will be changed…" */
    PRIMARY_KEY_CHANGED,
    /** Any other sentence. */
    OTHER
  }

  private static final Pattern BLOCK = Pattern.compile("/\\*\\s*\\R\\s*Warnings:\\s*\\R(.*?)\\*/", Pattern.DOTALL);
  private static final Pattern BULLET = Pattern.compile("^\\s*-\\s+(.+?)\\s*$");
  private static final Pattern TICKED = Pattern.compile("`([^`]*)`");

  public PrismaWarning {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  /** The warnings of every {@code Warnings:} block in {@code script}, in order. */
  public static List<PrismaWarning> in(String script) {
    List<PrismaWarning> warnings = new ArrayList<>();
    Matcher block = BLOCK.matcher(script);
    while (block.find()) {
      int line = lineOf(script, block.start(1));
      for (String text : block.group(1).split("\\R", -1)) {
        Matcher bullet = BULLET.matcher(text);
        if (bullet.matches()) {
          warnings.add(of(line, bullet.group(1)));
        }
        line++;
      }
    }
    return warnings;
  }

  /** A warning read from one of Prisma's sentences. */
  static PrismaWarning of(int line, String text) {
    List<String> ticked = new ArrayList<>();
    Matcher m = TICKED.matcher(text);
    while (m.find()) {
      ticked.add(m.group(1));
    }
    String first = ticked.isEmpty() ? null : ticked.get(0);
    String second = ticked.size() > 1 ? ticked.get(1) : null;
    if (text.startsWith("You are about to drop the column")) {
      return new PrismaWarning(line, text, Kind.DROP_COLUMN, second, first);
    }
    if (text.startsWith("You are about to drop the ")) {
      return new PrismaWarning(line, text, Kind.DROP_TABLE, first, null);
    }
    if (text.startsWith("Added the required column")) {
      return new PrismaWarning(line, text, Kind.REQUIRED_COLUMN_WITHOUT_DEFAULT, second, first);
    }
    if (text.startsWith("Made the column")) {
      return new PrismaWarning(line, text, Kind.MADE_REQUIRED, second, first);
    }
    if (text.startsWith("A unique constraint covering the columns")) {
      String columns = first == null ? null : first.replaceAll("[\\[\\]]", "");
      return new PrismaWarning(line, text, Kind.UNIQUE_ADDED, second, columns);
    }
    if (text.startsWith("The values ") && text.contains(" on the enum ")) {
      return new PrismaWarning(line, text, Kind.ENUM_VALUES_REMOVED, null, null);
    }
    if (text.startsWith("You are about to alter the column") || text.startsWith("Changed the type of")) {
      return new PrismaWarning(line, text, Kind.TYPE_CHANGED, second, first);
    }
    if (text.startsWith("The primary key for the")) {
      return new PrismaWarning(line, text, Kind.PRIMARY_KEY_CHANGED, first, null);
    }
    return new PrismaWarning(line, text, Kind.OTHER, second, first);
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
