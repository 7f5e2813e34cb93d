package io.migrationsafety.execute;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL's error as a person reads it: the message, then its detail and hint. */
final class ServerErrors {

  private ServerErrors() {}

  static String message(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      StringBuilder sb = new StringBuilder(String.valueOf(server.getSeverity())).append(": ")
          .append(server.getMessage());
      if (server.getDetail() != null) {
        sb.append("\n  DETAIL: ").append(server.getDetail());
      }
      if (server.getHint() != null) {
        sb.append("\n  HINT: ").append(server.getHint());
      }
      return sb.toString();
    }
    return String.valueOf(e.getMessage());
  }
}
