package io.migrationsafety.alembic.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.alembic.internal.python.PyToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer and parser on the Python that trips naive readers. */
class PyParserTest {

  private static List<Stmt> parse(String source) {
    return PyParser.parseModule(source, "t.py").body();
  }

  private static Expr value(String source) {
    Stmt s = parse(source).get(0);
    return s instanceof Stmt.Assign a ? a.value() : ((Stmt.ExprStmt) s).value();
  }

  @Test
  void reads_every_string_form_and_joins_adjacent_literals() {
    assertThat(value("x = 'a' \"b\" r'\\n' '''c\nd''' u'e' B'f'")).isEqualTo(new Expr.Str("ab\\nc\nde" + "f", true, 1));
    assertThat(value("x = 'tab\\there \\x41\\u00e9\\N{BULLET} \\\nnext'")).isEqualTo(
        new Expr.Str("tab\there A\u00e9\u2022 next", false, 1));
    assertThat(value("x = (\n  'one '\n  'two'\n)")).isEqualTo(new Expr.Str("one two", false, 2));
  }

  @Test
  void splits_f_strings_into_text_and_fields_including_nested_same_quotes() {
    Expr.FString f = (Expr.FString) value("x = f\"ix_{table}_{cols[\"a\"]!r:>{width}} {{literal}} {f'{inner}'}\"");
    assertThat(f.parts()).hasSize(6);
    assertThat(f.parts().get(0)).isEqualTo("ix_");
    assertThat(((Expr.Field) f.parts().get(1)).value()).isEqualTo(new Expr.Name("table", 1));
    Expr.Field indexed = (Expr.Field) f.parts().get(3);
    assertThat(indexed.conversion()).isEqualTo('r');
    assertThat(indexed.spec()).isNotNull();
    assertThat(f.parts().get(4)).isEqualTo(" {literal} ");
    assertThat(((Expr.Field) f.parts().get(5)).value()).isInstanceOf(Expr.FString.class);
  }

  @Test
  void keeps_indentation_continuations_and_comments() {
    PyParser.Module m = PyParser.parseModule("""
        def upgrade():  # the forward step
            if a and \\
                    b:
        \tpass
            op.execute(
                "SELECT 1"  # inside brackets
            )
        """.replace("\t", "        "), "t.py");
    Stmt.FunctionDef def = (Stmt.FunctionDef) m.body().get(0);
    assertThat(def.body()).hasSize(2);
    assertThat(def.body().get(1)).isInstanceOf(Stmt.ExprStmt.class);
    assertThat(((Expr.Call) ((Stmt.ExprStmt) def.body().get(1)).value()).line()).isEqualTo(5);
    assertThat(m.comments()).extracting(PyComment::line).containsExactly(1, 6);
  }

  @Test
  void reads_decorators_type_hints_walrus_and_keyword_only_parameters() {
    List<Stmt> body = parse("""
        from __future__ import annotations
        import typing as t

        @contextlib.contextmanager
        @register(name="x")
        async def helper(a: int, /, b: t.Optional[str] = None, *args: str, c: "C" = 1, **kw) -> list[int]:
            if (n := len(args)) > 1:
                return [x async for x in y if (z := x)]
            total: int = 0
            lambda q, *r, s=1: q
            yield from other()

        class Model[T](Base, metaclass=Meta):
            field: T
        type Alias[T] = list[T]
        """);
    assertThat(body).hasSize(5);
    Stmt.FunctionDef helper = (Stmt.FunctionDef) body.get(2);
    assertThat(helper.decorators()).hasSize(2);
    assertThat(helper.params()).extracting(Stmt.Param::name).containsExactly("a", "b", "args", "c", "kw");
    assertThat(body.get(3)).isInstanceOf(Stmt.ClassDef.class);
    assertThat(body.get(4)).isEqualTo(new Stmt.Other("a type alias", 15));
  }

  @Test
  void skips_a_match_statement_with_its_block_and_reads_on() {
    List<Stmt> body = parse("""
        def upgrade():
            match command:
                case {"op": "add", "table": table}:
                    op.add_column(table, col)
                case _:
                    pass
            op.drop_table("t")
        match = 1
        match(x)
        """);
    Stmt.FunctionDef up = (Stmt.FunctionDef) body.get(0);
    assertThat(up.body().get(0)).isEqualTo(new Stmt.Other("a match statement", 2));
    assertThat(up.body().get(1)).isInstanceOf(Stmt.ExprStmt.class);
    assertThat(body.get(1)).isInstanceOf(Stmt.Assign.class);
    assertThat(body.get(2)).isInstanceOf(Stmt.ExprStmt.class);
  }

  @Test
  void reads_compound_statements_and_parenthesized_with_items() {
    List<Stmt> body = parse("""
        with (
            op.batch_alter_table("t") as batch,
            open("f") as f,
        ):
            pass
        try:
            x = 1
        except* ValueError as e:
            pass
        except (A, B):
            pass
        else:
            y = {**a, "k": 1}
        finally:
            del x
        for i, (a, b) in enumerate(pairs):
            continue
        else:
            pass
        while x: x -= 1
        global_value = [*a, *b], {1, 2}, {k: v for k, v in d.items()}, d[1:2, ::3]
        """);
    assertThat(body).extracting(s -> s.getClass().getSimpleName())
        .containsExactly("With", "Try", "For", "While", "Assign");
    assertThat(((Stmt.With) body.get(0)).items()).hasSize(2);
    assertThat(((Stmt.Try) body.get(1)).handlers()).hasSize(2);
  }

  @Test
  void names_file_line_and_column_of_a_broken_file() {
    assertThatThrownBy(() -> parse("x = 'open\ny = 2\n")).isInstanceOf(PySyntaxException.class)
        .hasMessage("t.py:1:5: a string starting here is not closed on its line");
    assertThatThrownBy(() -> parse("def f():\n        a = 1\n    b = 2\n")).isInstanceOf(PySyntaxException.class)
        .hasMessageStartingWith("t.py:3:5: this line's indentation matches no outer block");
    assertThatThrownBy(() -> parse("x = (1,\n")).isInstanceOf(PySyntaxException.class)
        .hasMessageContaining("the file ends inside brackets");
  }

  @Test
  void tokenizes_numbers_operators_and_dedents() {
    List<PyToken> tokens = PyTokenizer.tokenize("if x:\n  y = 0x1F + 1_000.5e-3j ** 2 // 3 -> 4\n", "t.py").tokens();
    assertThat(tokens).extracting(PyToken::text).containsSubsequence("0x1F", "+", "1_000.5e-3j", "**", "//", "->");
    assertThat(tokens).extracting(PyToken::kind).endsWith(Kind.NEWLINE, Kind.DEDENT, Kind.END);
  }
}
