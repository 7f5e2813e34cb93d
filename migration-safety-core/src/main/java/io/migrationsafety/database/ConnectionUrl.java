package io.migrationsafety.database;

import io.migrationsafety.MigrationSafetyException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A connection URL read into what the PostgreSQL JDBC driver takes: a {@code jdbc:postgresql:} URL
 * and the user and password as properties, plus a redacted form that is safe to print.
 *
 * <p>{@code postgres://user:pass@host:port/db?params} (libpq's form, used by Heroku, Render, most
 * CI services) is converted by hand rather than through {@link java.net.URI}, which rejects
 * several hosts ({@code h1,h2}) and unencoded characters that libpq accepts in a password.
 *
 * @param jdbcUrl the JDBC URL, without user or password
 * @param properties the user and password (when given), for {@code DriverManager}
 * @param host the host part ({@code host:port}, possibly several), for messages
 * @param database the database name, for messages
 * @param redacted the URL as given, with the password replaced by {@code ***}
 * @param password the password, or {@code null}: only used to scrub it from driver messages
 */
record ConnectionUrl(String jdbcUrl, Properties properties, String host, String database, String redacted,
    String password) {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:^|[?&;])(?:password|sslpassword)=)[^&;]*");

  /** Reads {@code url}: {@code jdbc:postgresql:…}, {@code postgres://…} or {@code postgresql://…}. */
  static ConnectionUrl parse(String url) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return jdbc(trimmed);
    }
    if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      return uri(trimmed);
    }
    throw new MigrationSafetyException("not a PostgreSQL connection URL (expected jdbc:postgresql://…, "
        + "postgres://… or postgresql://…): " + redact(trimmed));
  }

  /** {@code url} with any password (URI user info or {@code password=} parameter) replaced by {@code ***}. */
  static String redact(String url) {
    String result = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    int scheme = result.indexOf("://");
    if (scheme < 0) {
      return result;
    }
    int authorityEnd = firstOf(result, scheme + 3, '/', '?');
    int at = result.lastIndexOf('@', authorityEnd - 1);
    if (at > scheme) {
      int colon = result.indexOf(':', scheme + 3);
      if (colon >= 0 && colon < at) {
        result = result.substring(0, colon + 1) + "***" + result.substring(at);
      }
    }
    return result;
  }

  /** {@code message} with every occurrence of {@code password} replaced by {@code ***}. */
  static String scrub(String message, String password) {
    if (message == null || password == null || password.isEmpty()) {
      return message;
    }
    return message.replace(password, "***");
  }

  private static ConnectionUrl jdbc(String url) {
    String rest = url.substring("jdbc:postgresql:".length());
    String host = "localhost";
    String path = rest;
    if (rest.startsWith("//")) {
      int end = firstOf(rest, 2, '/', '?');
      host = rest.substring(2, end);
      path = end < rest.length() && rest.charAt(end) == '/' ? rest.substring(end + 1) : "";
    }
    int query = path.indexOf('?');
    String database = query >= 0 ? path.substring(0, query) : path;
    String password = null;
    if (query >= 0) {
      for (String parameter : path.substring(query + 1).split("[&;]")) {
        if (parameter.toLowerCase(Locale.ROOT).startsWith("password=")) {
          password = decode(parameter.substring("password=".length()));
        }
      }
    }
    return new ConnectionUrl(url, new Properties(), host.isEmpty() ? "localhost" : host,
        decode(database), redact(url), password);
  }

  private static ConnectionUrl uri(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int queryStart = rest.indexOf('?');
    String query = queryStart >= 0 ? rest.substring(queryStart + 1) : "";
    String beforeQuery = queryStart >= 0 ? rest.substring(0, queryStart) : rest;
    int slash = beforeQuery.indexOf('/', Math.max(0, beforeQuery.lastIndexOf('@')));
    String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
    String database = slash >= 0 ? decode(beforeQuery.substring(slash + 1)) : "";
    Properties properties = new Properties();
    String password = null;
    int at = authority.lastIndexOf('@');
    String host = authority;
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      host = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
      if (!user.isEmpty()) {
        properties.setProperty("user", user);
      }
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
        properties.setProperty("password", password);
      }
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split("&")) {
      if (parameter.isEmpty()) {
        continue;
      }
      int eq = parameter.indexOf('=');
      String key = eq >= 0 ? parameter.substring(0, eq) : parameter;
      String value = eq >= 0 ? decode(parameter.substring(eq + 1)) : "";
      if (key.equals("user")) {
        properties.setProperty("user", value);
      } else if (key.equals("password")) {
        password = value;
        properties.setProperty("password", value);
      } else {
        kept.add(parameter);
      }
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    String jdbcUrl = "jdbc:postgresql://" + host + "/" + encodePath(database)
        + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    return new ConnectionUrl(jdbcUrl, properties, host, database, redact(url), password);
  }

  private static int firstOf(String s, int from, char a, char b) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return s.length();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A lone '%' in a password: libpq would reject it too; keep it as written.
      return s;
    }
  }

  private static String encodePath(String database) {
    return database.replace("%", "%25").replace("?", "%3F").replace("/", "%2F");
  }

  @Override
  public String toString() {
    return redacted;
  }
}
