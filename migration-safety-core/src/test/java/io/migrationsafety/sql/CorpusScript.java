package io.migrationsafety.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One script of the splitter corpus ({@code src/test/resources/splitter/*.sql}) with the counts
 * its header states: {@code -- statements: N} (SQL statements), and where not zero
 * {@code -- copy-data: N} and {@code -- meta-commands: N}.
 *
 * @param name the file name, with " (CRLF)" or " (LF)" when the line ends were rewritten
 * @param source the script text
 */
record CorpusScript(String name, String source, int statements, int copyData, int metaCommands) {

  private static final Pattern COUNT = Pattern.compile("^-- (statements|copy-data|meta-commands): (\\d+)\\R",
      Pattern.MULTILINE);

  /** Every corpus script as written, sorted by name. */
  static List<CorpusScript> all() {
    Path root = root();
    try (Stream<Path> files = Files.list(root)) {
      List<CorpusScript> scripts = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        scripts.add(of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return scripts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every corpus script as written, and again with its line ends rewritten to CRLF (or to LF). */
  static List<CorpusScript> allWithLineEndVariants() {
    List<CorpusScript> scripts = new ArrayList<>();
    for (CorpusScript script : all()) {
      scripts.add(script);
      scripts.add(script.source.contains("\r\n") ? script.withLf() : script.withCrlf());
    }
    return scripts;
  }

  static CorpusScript of(String name, String source) {
    int statements = -1;
    int copyData = 0;
    int metaCommands = 0;
    Matcher m = COUNT.matcher(source);
    while (m.find()) {
      int n = Integer.parseInt(m.group(2));
      switch (m.group(1)) {
        case "statements" -> statements = n;
        case "copy-data" -> copyData = n;
        default -> metaCommands = n;
      }
    }
    if (statements < 0) {
      throw new IllegalArgumentException(name + " must state its statement count in a first line "
          + "'-- statements: N'");
    }
    return new CorpusScript(name, source, statements, copyData, metaCommands);
  }

  CorpusScript withCrlf() {
    return new CorpusScript(name + " (CRLF)", source.replace("\r\n", "\n").replace("\n", "\r\n"),
        statements, copyData, metaCommands);
  }

  CorpusScript withLf() {
    return new CorpusScript(name + " (LF)", source.replace("\r\n", "\n"), statements, copyData, metaCommands);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Path root() {
    try {
      return Path.of(CorpusScript.class.getResource("/splitter").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
