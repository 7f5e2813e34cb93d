package io.migrationsafety.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a psql meta-command ends, as psql reads it (src/bin/psql/psqlscanslash.l and command.c).
 *
 * <p>A meta-command runs to the end of its line, except that an unquoted backslash between its
 * arguments ends it early: {@code \\} ends it and hands the rest of the line back to SQL
 * ({@code \echo done \\ SELECT 1;} runs {@code SELECT 1}), and a single backslash starts the next
 * meta-command. Arguments may be quoted with {@code '…'} (with {@code ''} and backslash escapes),
 * {@code "…"} or backquotes; quotes never span lines. A few commands take the whole rest of the
 * line, backslashes included ({@code \copy}, {@code \!}, {@code \h}, {@code \ef}, {@code \sf} …),
 * as do {@code \o}, {@code \g}, {@code \w} when their argument is a {@code |command}.
 *
 * <p>psql discards the rest of the line after a command it does not know ({@code \foo \\ SELECT 1}
 * runs nothing), and so does this: the known commands are those of psql 16 to 18. Not modelled:
 * psql also discards the rest of the line after a known command that fails when it runs (a
 * {@code \i} of a missing file), which no reading of the text can foresee.
 */
final class PsqlMetaCommand {

  /** psql's meta-commands (command.c, exec_command), besides the {@code \d…} and {@code \lo_…} families. */
  private static final Set<String> KNOWN = Set.of(
      "a", "bind", "bind_named", "C", "c", "connect", "cd", "close", "close_prepared", "conninfo",
      "copyright", "crosstabview", "e", "edit", "ef", "ev", "echo", "qecho", "warn", "elif", "else",
      "endif", "endpipeline", "encoding", "errverbose", "f", "flush", "flushrequest", "g", "gx",
      "gdesc", "getenv", "getresults", "gexec", "gset", "h", "help", "H", "html", "i", "include",
      "ir", "include_relative", "if", "l", "list", "lx", "listx", "l+", "list+", "lx+", "listx+",
      "l+x", "list+x", "o", "out", "p", "print", "parse", "password", "prompt", "pset", "q", "quit",
      "r", "reset", "restrict", "unrestrict", "s", "sendpipeline", "set", "setenv", "sf", "sf+",
      "sv", "sv+", "startpipeline", "syncpipeline", "t", "T", "timing", "unset", "w", "write",
      "watch", "x", "z", "zS", "zx", "zSx", "zxS", "!", "?");

  /** Commands whose argument is the whole rest of the line (psql's OT_WHOLE_LINE). */
  private static final Set<String> WHOLE_LINE = Set.of(
      "!", "h", "help", "ef", "ev", "sf", "sf+", "sv", "sv+");

  /** Commands whose first argument, if it starts with {@code |}, runs to the end of the line (OT_FILEPIPE). */
  private static final Set<String> FILE_PIPE = Set.of("o", "out", "g", "gx", "w", "write");

  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?:^|[\\s)])from\\s+stdin(?:\\s|;|$)", Pattern.CASE_INSENSITIVE);

  private PsqlMetaCommand() {}

  /** The offset just after the meta-command that starts with the backslash at {@code start}. */
  static int end(String s, int start) {
    int n = s.length();
    int i = start + 1;
    while (i < n && !isSpace(s.charAt(i)) && !isLineBreak(s.charAt(i)) && s.charAt(i) != '\\') {
      i++;
    }
    String name = s.substring(start + 1, i);
    if (!isKnown(name) || WHOLE_LINE.contains(name) || name.equalsIgnoreCase("copy")) {
      return lineEnd(s, i);
    }
    boolean firstArgument = true;
    while (i < n && !isLineBreak(s.charAt(i))) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (firstArgument && c == '|' && FILE_PIPE.contains(name)) {
        return lineEnd(s, i);
      }
      firstArgument = false;
      while (i < n && !isLineBreak(c = s.charAt(i)) && !isSpace(c)) {
        if (c == '\\') {
          return i + 1 < n && s.charAt(i + 1) == '\\' ? i + 2 : i;
        }
        i = switch (c) {
          case '\'' -> closeSingleQuote(s, i + 1);
          case '"', '`' -> close(s, i + 1, c);
          default -> i + 1;
        };
      }
    }
    return i;
  }

  private static boolean isKnown(String name) {
    return KNOWN.contains(name) || name.equalsIgnoreCase("copy") || name.startsWith("d") || name.startsWith("lo_");
  }

  /** Whether {@code text}, a whole meta-command, is {@code \copy … from stdin}: data follows it. */
  static boolean isCopyFromStdin(String text) {
    if (!text.toLowerCase(Locale.ROOT).startsWith("\\copy") || text.length() < 6 || !isSpace(text.charAt(5))) {
      return false;
    }
    return COPY_FROM_STDIN.matcher(withoutQuotedText(text)).find();
  }

  /** Past the closing {@code '} of a psql argument ({@code ''} and backslash escapes), or to the line end. */
  private static int closeSingleQuote(String s, int from) {
    int i = from;
    while (i < s.length() && !isLineBreak(s.charAt(i))) {
      char c = s.charAt(i);
      if (c == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i += c == '\\' && i + 1 < s.length() && !isLineBreak(s.charAt(i + 1)) ? 2 : 1;
    }
    return i;
  }

  private static int close(String s, int from, char quote) {
    int i = from;
    while (i < s.length() && !isLineBreak(s.charAt(i))) {
      if (s.charAt(i++) == quote) {
        return i;
      }
    }
    return i;
  }

  private static String withoutQuotedText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        out.append(' ');
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int lineEnd(String s, int from) {
    int i = from;
    while (i < s.length() && !isLineBreak(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
