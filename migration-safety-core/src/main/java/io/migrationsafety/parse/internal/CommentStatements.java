package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Comment;
import io.migrationsafety.operation.Operation;
import java.util.List;
import java.util.Set;

/**
 * {@code COMMENT ON kind target IS 'text' | NULL}, as the PostgreSQL documentation page
 * "SQL Commands: COMMENT" gives it (gram.y {@code CommentStmt}). The kind must be one PostgreSQL
 * knows; the target is kept as written, since a comment changes nothing that the target's exact
 * form would matter for.
 */
final class CommentStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("comment");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    c.expect("comment", "on");
    ObjectKinds.Kind kind = ObjectKinds.read(c, false);
    // IS is a reserved word, so the first IS outside parentheses ends the target.
    String target = c.textUntil(x -> x.is("is"));
    if (target.isEmpty()) {
      throw c.fail("expected the commented object");
    }
    c.expect("is");
    String text = c.accept("null") ? null : c.string();
    c.expectEnd();
    return List.of(new Comment(kind.type(), target, text));
  }
}
