package io.migrationsafety.rollback;

import java.util.Objects;

/**
 * A script as a round trip runs it on the scratch database.
 *
 * @param file the name messages give it
 * @param sql its text
 * @param transactional whether it runs in one transaction, as its tool runs it; a script that
 *     controls transactions itself ({@code BEGIN}/{@code COMMIT}), or must run outside one
 *     ({@code CONCURRENTLY}), runs statement by statement either way
 */
public record RoundTripScript(String file, String sql, boolean transactional) {

  public RoundTripScript {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sql, "sql");
  }
}
