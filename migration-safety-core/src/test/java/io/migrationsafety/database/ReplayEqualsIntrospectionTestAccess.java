package io.migrationsafety.database;

/** Lets tests of other packages build their databases from the script {@link ReplayEqualsIntrospectionTest} checks. */
public final class ReplayEqualsIntrospectionTestAccess {

  private ReplayEqualsIntrospectionTestAccess() {}

  /** The realistic shop schema script. */
  public static String shop() {
    return ReplayEqualsIntrospectionTest.SHOP;
  }
}
