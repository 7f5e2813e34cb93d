package io.migrationsafety.rollback;

import java.util.List;

/**
 * What one round trip on real PostgreSQL showed: the schema introspected before the forward
 * migration, compared with the one introspected after forward and rollback ran.
 *
 * @param restoresSchema whether both ran and the schema after equals the one before (column order
 *     aside)
 * @param differences what differs, in words ({@code index public.users_email_idx is left over})
 * @param failure the statement PostgreSQL refused ({@code V2__x.sql line 3: ERROR: …}), or
 *     {@code null} when every statement ran
 */
public record RoundTrip(boolean restoresSchema, List<String> differences, String failure) {

  public RoundTrip {
    differences = List.copyOf(differences);
    if (restoresSchema && (failure != null || !differences.isEmpty())) {
      throw new IllegalArgumentException("a round trip with a failure or a difference does not restore the schema");
    }
  }

  static RoundTrip failed(String failure) {
    return new RoundTrip(false, List.of(), failure);
  }

  static RoundTrip compared(List<String> differences) {
    return new RoundTrip(differences.isEmpty(), differences, null);
  }
}
