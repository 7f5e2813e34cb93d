package io.migrationsafety.parse.internal;

import io.migrationsafety.sql.Token;

/** Skipping over the parts of a statement the token readers need not understand, clause by clause. */
final class Clauses {

  private Clauses() {}

  /** Stops at one of the key words; not at the FROM of {@code IS DISTINCT FROM}. */
  static TokenCursor.Stop stop(String... words) {
    return cur -> cur.isAny(words) && !(cur.is("from") && cur.mark() > 0 && cur.peek(-1).is("distinct"));
  }

  /** Stops where either stops. */
  static TokenCursor.Stop either(TokenCursor.Stop a, TokenCursor.Stop b) {
    return cur -> a.at(cur) || b.at(cur);
  }

  /**
   * Skips an expression or clause up to {@code end} at depth 0 (outside parentheses, brackets and
   * {@code CASE … END}, whose WHEN must not end a MERGE action), or up to a closing parenthesis
   * that the caller opened.
   */
  static void skip(TokenCursor c, TokenCursor.Stop end) {
    int cases = 0;
    while (!c.atEnd()) {
      if (cases == 0 && end.at(c)) {
        return;
      }
      Token t = c.peek();
      if (t.isSymbol("(")) {
        c.parenthesized();
        continue;
      }
      if (t.isSymbol("[")) {
        c.next();
        c.textUntil(cur -> false);
        c.expectSymbol("]");
        continue;
      }
      if (t.isSymbol(")") || t.isSymbol("]")) {
        return; // closes a parenthesis the caller opened
      }
      if (t.is("case")) {
        cases++;
      } else if (t.is("end") && cases > 0) {
        cases--;
      }
      c.next();
    }
  }
}
