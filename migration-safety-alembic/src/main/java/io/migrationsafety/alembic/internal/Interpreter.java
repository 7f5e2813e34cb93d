package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.AutocommitBlock;
import io.migrationsafety.alembic.internal.Values.Function;
import io.migrationsafety.alembic.internal.Values.Ref;
import io.migrationsafety.alembic.internal.Values.Unknown;
import io.migrationsafety.alembic.internal.python.Expr;
import io.migrationsafety.alembic.internal.python.PyComment;
import io.migrationsafety.alembic.internal.python.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a revision file's Python symbolically: module-level imports and constants, then one
 * function ({@code upgrade} or {@code downgrade}) statement by statement. {@code op.*} calls go to
 * {@link Ops}; known values are computed; whatever is not known statically and could touch the
 * database (a call into application code, a loop over a computed list, a condition on the
 * database's state) becomes an unresolved statement on its line. Fail closed: nothing is dropped.
 */
final class Interpreter {

  private static final Set<String> BUILTINS = Set.of("str", "int", "len", "list", "tuple", "sorted", "set",
      "frozenset", "dict", "range", "enumerate", "zip", "_");
  private static final int MAX_DEPTH = 16;
  private static final int MAX_ITERATIONS = 10_000;

  private final ModuleResolver resolver;
  private final Library library;
  private final SqlEmitter emitter;
  private Map<String, Object> globals;
  private int depth;
  /** While a function of another module runs, its statements are placed on the line that called it. */
  private int callerLine;
  private int autocommitBlocks;

  private Interpreter(Map<String, Object> globals, SqlEmitter emitter, List<OpCall> calls, ModuleResolver resolver,
      SchemaState before, String file) {
    this.globals = globals;
    this.emitter = emitter;
    this.resolver = resolver;
    this.library = new Library(new Ops(emitter, calls), emitter, before, file);
  }

  /** Runs a module's level into {@code globals}: imports, constants, functions. */
  static void moduleLevel(List<Stmt> body, Map<String, Object> globals, ModuleResolver resolver) {
    Interpreter module = new Interpreter(globals, new SqlEmitter(List.of()), new ArrayList<>(), resolver, null, "");
    module.moduleLevel(body, globals);
  }

  private void moduleLevel(List<Stmt> body, Map<String, Object> scope) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        Boolean test = Values.truth(eval(i.test(), scope));
        if (test != null) {
          moduleLevel(test ? i.body() : i.orElse(), scope);
        }
      } else if (s instanceof Stmt.Try t) {
        moduleLevel(t.body(), scope);
      } else if (s instanceof Stmt.Import || s instanceof Stmt.ImportFrom) {
        bindImport(s, scope);
      } else if (s instanceof Stmt.Assign a) {
        assign(a, scope);
      } else if (s instanceof Stmt.FunctionDef f) {
        scope.put(f.name(), new Function(f, globals));
      } else if (s instanceof Stmt.ClassDef c) {
        scope.put(c.name(), new Unknown("the class " + c.name()));
      }
    }
  }

  /**
   * Translates {@code function} into SQL.
   *
   * @param before the database the function starts from, for its inspections; {@code null} when
   *     not known (inspections then give unknown values)
   * @param file names the file in notes
   */
  static Translation translate(Stmt.FunctionDef function, int endLine, Map<String, Object> globals,
      List<PyComment> comments, ModuleResolver resolver, SchemaState before, String file) {
    List<PyComment> inside = comments.stream().filter(c -> c.line() >= function.line()
        && c.line() <= endLine).toList();
    return run(function, globals, inside, resolver, before, file);
  }

  private static Translation run(Stmt.FunctionDef function, Map<String, Object> globals, List<PyComment> comments,
      ModuleResolver resolver, SchemaState before, String file) {
    SqlEmitter emitter = new SqlEmitter(comments);
    List<OpCall> calls = new ArrayList<>();
    Interpreter interpreter = new Interpreter(globals, emitter, calls, resolver, before, file);
    Map<String, Object> locals = new HashMap<>();
    for (Stmt.Param p : function.params()) {
      locals.put(p.name(), p.defaultValue() == null ? new Unknown("the parameter " + p.name())
          : interpreter.eval(p.defaultValue(), locals));
    }
    try {
      interpreter.block(function.body(), locals);
    } catch (ReturnSignal done) {
      // the function returned early
    } catch (RuntimeException | StackOverflowError e) {
      // an interpreter bug must not end the review or pass for "nothing more to do": fail closed
      emitter.unresolved(function.line(), 1, "the rest of " + function.name() + "() was not read: internal error ("
          + e + "); please report it");
    }
    if (interpreter.autocommitBlocks > 0) {
      // With an autocommit block the script is Alembic's offline form, transaction statements
      // included: its opening BEGIN on the def line, its closing COMMIT at the end.
      emitter.beginAt(function.line());
      emitter.statementHere("COMMIT");
    }
    return new Translation(emitter.text(), calls, isEmpty(function.body()),
        interpreter.autocommitBlocks > 0);
  }

  /**
   * Whether a body does nothing to the database: {@code pass}, a docstring, {@code ...}, or only
   * {@code raise} (Alembic's idiom for a revision that cannot be undone).
   */
  static boolean isEmpty(List<Stmt> body) {
    for (Stmt s : body) {
      boolean nothing = s instanceof Stmt.Pass || s instanceof Stmt.Other o && o.what().equals("raise")
          || (s instanceof Stmt.ExprStmt e && (e.value() instanceof Expr.Str
              || (e.value() instanceof Expr.Opaque x && x.what().equals("an ellipsis"))));
      if (!nothing) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- statements

  private static final class ReturnSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Object value;

    ReturnSignal(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  private void block(List<Stmt> body, Map<String, Object> scope) {
    for (Stmt s : body) {
      statement(s, scope);
    }
  }

  private void statement(Stmt s, Map<String, Object> scope) {
    if (s instanceof Stmt.ExprStmt e) {
      if (e.value() instanceof Expr.Call call) {
        call(call, scope, true);
      } else {
        eval(e.value(), scope);
      }
    } else if (s instanceof Stmt.Assign a) {
      assign(a, scope);
    } else if (s instanceof Stmt.AugAssign a) {
      bind(a.target(), Evaluator.binary(a.op(), eval(a.target(), scope), eval(a.value(), scope)), scope);
    } else if (s instanceof Stmt.Import || s instanceof Stmt.ImportFrom) {
      bindImport(s, scope);
    } else if (s instanceof Stmt.FunctionDef f) {
      scope.put(f.name(), new Function(f, globals));
    } else if (s instanceof Stmt.ClassDef c) {
      scope.put(c.name(), new Unknown("the class " + c.name()));
    } else if (s instanceof Stmt.If i) {
      ifStatement(i, scope);
    } else if (s instanceof Stmt.For f) {
      forStatement(f, scope);
    } else if (s instanceof Stmt.While w) {
      emitter.unresolved(at(w.line()), 1,
          "a while loop: how often its body runs is not known statically, so its statements are not reviewed");
    } else if (s instanceof Stmt.With w) {
      withStatement(w, scope);
    } else if (s instanceof Stmt.Try t) {
      block(t.body(), scope);
      block(t.orElse(), scope);
      block(t.finalBody(), scope);
    } else if (s instanceof Stmt.Return r) {
      throw new ReturnSignal(r.value() == null ? Values.NONE : eval(r.value(), scope));
    } else if (s instanceof Stmt.Other o && !Set.of("del", "global", "nonlocal", "assert").contains(o.what())) {
      emitter.unresolved(at(o.line()), 1, "Python statement not interpreted (" + o.what() + ")");
    }
  }

  private void ifStatement(Stmt.If i, Map<String, Object> scope) {
    Object test = eval(i.test(), scope);
    Boolean truth = Values.truth(test);
    if (truth != null) {
      block(truth ? i.body() : i.orElse(), scope);
      return;
    }
    emitter.unresolved(at(i.line()), 1, "the condition " + Evaluator.describe(i.test())
        + " is not known statically (" + describeUnknown(test) + "); both branches are reviewed");
    block(i.body(), scope);
    block(i.orElse(), scope);
  }

  private void forStatement(Stmt.For f, Map<String, Object> scope) {
    Object iterable = eval(f.iterable(), scope);
    if (iterable instanceof Map<?, ?> m) {
      iterable = new ArrayList<Object>(m.keySet());
    }
    if (iterable instanceof String str) {
      iterable = str.chars().mapToObj(c -> (Object) String.valueOf((char) c)).toList();
    }
    if (iterable instanceof List<?> items && items.size() <= MAX_ITERATIONS) {
      for (Object item : new ArrayList<>(items)) {
        bind(f.target(), item, scope);
        block(f.body(), scope);
      }
      block(f.orElse(), scope);
      return;
    }
    emitter.unresolved(at(f.line()), 1, "the loop over " + Evaluator.describe(f.iterable())
        + " cannot be unrolled (" + describeUnknown(iterable) + "); its body is reviewed once");
    bind(f.target(), new Unknown("the loop variable"), scope);
    block(f.body(), scope);
  }

  private void withStatement(Stmt.With w, Map<String, Object> scope) {
    int autocommit = 0;
    for (Stmt.WithItem item : w.items()) {
      Object context = item.context() instanceof Expr.Call c ? call(c, scope, false) : eval(item.context(), scope);
      if (context instanceof AutocommitBlock) {
        emitter.statement(at(item.context().line()), 1, "COMMIT");
        autocommit++;
        autocommitBlocks++;
      }
      if (item.target() != null) {
        bind(item.target(), context, scope);
      }
    }
    block(w.body(), scope);
    for (int i = 0; i < autocommit; i++) {
      emitter.statementHere("BEGIN");
    }
  }

  private void assign(Stmt.Assign a, Map<String, Object> scope) {
    if (a.value() == null) {
      return;
    }
    Object value = a.value() instanceof Expr.Call c ? call(c, scope, false) : eval(a.value(), scope);
    for (Expr target : a.targets()) {
      bind(target, value, scope);
    }
  }

  private void bind(Expr target, Object value, Map<String, Object> scope) {
    if (target instanceof Expr.Name n) {
      scope.put(n.id(), value);
    } else if (target instanceof Expr.Sequence seq) {
      List<Expr> targets = seq.elements();
      if (value instanceof List<?> items && items.size() == targets.size()) {
        for (int i = 0; i < targets.size(); i++) {
          bind(targets.get(i), items.get(i), scope);
        }
      } else {
        for (Expr t : targets) {
          bind(t, new Unknown("a value unpacked from " + describeUnknown(value)), scope);
        }
      }
    } else if (target instanceof Expr.Starred st) {
      bind(st.value(), new Unknown("a starred target"), scope);
    } else if (target instanceof Expr.Subscript sub) {
      Object container = eval(sub.value(), scope);
      Object key = eval(sub.index(), scope);
      if (container instanceof Map<?, ?> m && Values.known(key)) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) m;
        map.put(key, value);
      } else if (container instanceof List<?> l && key instanceof Long i && i >= 0 && i < l.size()) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        list.set(i.intValue(), value);
      }
    } // an attribute target: nothing the translation reads
  }

  /** The line statements from Python at {@code line} go to: the caller's line inside another module's function. */
  private int at(int line) {
    return callerLine > 0 ? callerLine : line;
  }

  private void bindImport(Stmt s, Map<String, Object> scope) {
    if (s instanceof Stmt.Import i) {
      for (Stmt.Alias a : i.names()) {
        if (a.asName() != null) {
          scope.put(a.asName(), new Ref(a.name()));
        } else {
          String top = a.name().contains(".") ? a.name().substring(0, a.name().indexOf('.')) : a.name();
          scope.put(top, new Ref(top));
        }
      }
    } else if (s instanceof Stmt.ImportFrom f) {
      String module = ".".repeat(f.level()) + f.module();
      for (Stmt.Alias a : f.names()) {
        if (!a.name().equals("*")) {
          scope.put(a.asName() != null ? a.asName() : a.name(), resolver.resolve(new Ref(module + "." + a.name())));
        }
      }
    }
  }

  // ---------------------------------------------------------------- expressions

  Object eval(Expr e, Map<String, Object> scope) {
    if (e instanceof Expr.Name n) {
      return name(n.id(), scope);
    }
    if (e instanceof Expr.Attribute a) {
      return attribute(eval(a.value(), scope), a.attr());
    }
    if (e instanceof Expr.Call c) {
      return call(c, scope, false);
    }
    if (e instanceof Expr.Str s) {
      return s.value();
    }
    if (e instanceof Expr.FString f) {
      return fstring(f, scope);
    }
    if (e instanceof Expr.Num n) {
      return Evaluator.number(n.text());
    }
    if (e instanceof Expr.Sequence s) {
      List<Object> out = new ArrayList<>();
      for (Expr element : s.elements()) {
        if (element instanceof Expr.Starred st) {
          Object inner = eval(st.value(), scope);
          if (inner instanceof List<?> l) {
            out.addAll(l);
          } else {
            out.add(new Unknown("a starred " + describeUnknown(inner)));
          }
        } else {
          out.add(eval(element, scope));
        }
      }
      return out;
    }
    if (e instanceof Expr.Dict d) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < d.keys().size(); i++) {
        Object value = eval(d.values().get(i), scope);
        if (d.keys().get(i) == null) {
          if (value instanceof Map<?, ?> m) {
            out.putAll(m);
          } else {
            out.put(new Unknown("a ** mapping"), value);
          }
        } else {
          out.put(eval(d.keys().get(i), scope), value);
        }
      }
      return out;
    }
    if (e instanceof Expr.BinOp b) {
      return Evaluator.binary(b.op(), eval(b.left(), scope), eval(b.right(), scope));
    }
    if (e instanceof Expr.UnaryOp u) {
      Object v = eval(u.operand(), scope);
      if (u.op().equals("not")) {
        Boolean t = Values.truth(v);
        return t == null ? new Unknown("the negation of " + describeUnknown(v)) : !t;
      }
      if (u.op().equals("-") && v instanceof Long l) {
        return -l;
      }
      if (u.op().equals("-") && v instanceof Double d) {
        return -d;
      }
      if (u.op().equals("+") && v instanceof Number) {
        return v;
      }
      return new Unknown("the operator " + u.op());
    }
    if (e instanceof Expr.BoolOp b) {
      Object last = null;
      for (Expr value : b.values()) {
        last = eval(value, scope);
        Boolean t = Values.truth(last);
        if (t == null) {
          return new Unknown("a condition on " + describeUnknown(last));
        }
        if (b.op().equals("and") != t) {
          return last;
        }
      }
      return last;
    }
    if (e instanceof Expr.Compare c) {
      Object left = eval(c.left(), scope);
      Object result = true;
      for (int i = 0; i < c.ops().size(); i++) {
        Object right = eval(c.rights().get(i), scope);
        result = CoreSql.isSql(left) || CoreSql.isSql(right) ? CoreSql.compare(c.ops().get(i), left, right)
            : Evaluator.compare(c.ops().get(i), left, right);
        if (!(result instanceof Boolean b) || !b) {
          return result;
        }
        left = right;
      }
      return result;
    }
    if (e instanceof Expr.IfExp i) {
      Boolean t = Values.truth(eval(i.test(), scope));
      if (t == null) {
        return new Unknown("a conditional expression");
      }
      return eval(t ? i.body() : i.orElse(), scope);
    }
    if (e instanceof Expr.Subscript s) {
      return Evaluator.subscript(eval(s.value(), scope), eval(s.index(), scope));
    }
    if (e instanceof Expr.Starred s) {
      return eval(s.value(), scope);
    }
    if (e instanceof Expr.Comprehension c) {
      return comprehension(c, scope);
    }
    if (e instanceof Expr.Opaque o) {
      return new Unknown(o.what());
    }
    throw new IllegalStateException("an expression of an unknown kind: " + e);
  }

  /** A comprehension over known iterables, evaluated in a scope of its own; else unknown. */
  private Object comprehension(Expr.Comprehension c, Map<String, Object> scope) {
    List<Map<String, Object>> scopes = List.of(new HashMap<>(scope));
    for (Expr.Clause clause : c.clauses()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> s : scopes) {
        Object iterable = eval(clause.iterable(), s);
        if (iterable instanceof Map<?, ?> m) {
          iterable = new ArrayList<Object>(m.keySet());
        }
        if (!(iterable instanceof List<?> items) || next.size() + items.size() > MAX_ITERATIONS) {
          return new Unknown("a comprehension over " + describeUnknown(iterable));
        }
        for (Object item : items) {
          Map<String, Object> inner = new HashMap<>(s);
          bind(clause.target(), item, inner);
          boolean keep = true;
          for (Expr condition : clause.conditions()) {
            Boolean t = Values.truth(eval(condition, inner));
            if (t == null) {
              return new Unknown("a comprehension with a condition not known statically");
            }
            keep &= t;
          }
          if (keep) {
            next.add(inner);
          }
        }
      }
      scopes = next;
    }
    if (c.dict()) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map<String, Object> s : scopes) {
        out.put(eval(c.key(), s), eval(c.value(), s));
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> s : scopes) {
      out.add(eval(c.element(), s));
    }
    return out;
  }

  private Object name(String id, Map<String, Object> scope) {
    if (scope.containsKey(id)) {
      return scope.get(id);
    }
    if (globals.containsKey(id)) {
      return globals.get(id);
    }
    switch (id) {
      case "True":
        return true;
      case "False":
        return false;
      case "None":
        return Values.NONE;
      default:
        break;
    }
    if (BUILTINS.contains(id)) {
      return new Ref("builtins." + id);
    }
    return new Unknown("the name " + id);
  }

  private Object attribute(Object value, String attr) {
    if (value instanceof Ref r) {
      Object dialect = Library.dialectName(r, attr);
      return dialect != null ? dialect : resolver.resolve(r.attribute(attr));
    }
    if (value instanceof Unknown u) {
      return new Unknown(u.what() + "." + attr);
    }
    return Library.attribute(value, attr);
  }

  private Object fstring(Expr.FString f, Map<String, Object> scope) {
    StringBuilder out = new StringBuilder();
    for (Object part : f.parts()) {
      if (part instanceof String s) {
        out.append(s);
        continue;
      }
      Expr.Field field = (Expr.Field) part;
      Object value = eval(field.value(), scope);
      String text = field.conversion() == 'r' ? Evaluator.repr(value) : Values.str(value);
      if (text == null || field.spec() != null && !field.spec().parts().isEmpty()) {
        return new Unknown("an f-string field " + Evaluator.describe(field.value())
            + (text == null ? " (" + describeUnknown(value) + ")" : " with a format spec"));
      }
      out.append(text);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- calls

  private Object call(Expr.Call c, Map<String, Object> scope, boolean statement) {
    Object function = eval(c.function(), scope);
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (Expr.Argument a : c.arguments()) {
      Object v = eval(a.value(), scope);
      if (a.stars() == 1) {
        if (v instanceof List<?> l) {
          args.addAll(l);
        } else {
          args.add(new Unknown("the *arguments " + Evaluator.describe(a.value())));
        }
      } else if (a.stars() == 2) {
        if (v instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)) {
          m.forEach((k, x) -> kwargs.put((String) k, x));
        } else {
          kwargs.put("**", new Unknown("the **arguments " + Evaluator.describe(a.value())));
        }
      } else if (a.keyword() != null) {
        kwargs.put(a.keyword(), v);
      } else {
        args.add(v);
      }
    }
    int line = at(c.line());
    int column = line == c.line() ? c.column() : 1;
    if (function instanceof Function f) {
      return invoke(f, args, kwargs, c, statement);
    }
    Object library = this.library.call(function, args, kwargs, line, column);
    if (library != null) {
      return library;
    }
    Object builtin = Evaluator.builtin(function, args, kwargs);
    if (builtin != null) {
      return builtin;
    }
    if (statement) {
      emitter.unresolved(at(c.line()), at(c.line()) == c.line() ? c.column() : 1, "the call " + Evaluator.describe(c)
          + " runs code that is not known statically; what it does to the database is not reviewed");
    }
    return new Unknown("the result of " + Evaluator.describe(c));
  }

  private Object invoke(Function f, List<Object> args, Map<String, Object> kwargs, Expr.Call c, boolean statement) {
    if (depth >= MAX_DEPTH) {
      emitter.unresolved(at(c.line()), 1, "the call " + Evaluator.describe(c) + " recurses too deeply to be followed");
      return new Unknown("a recursive call");
    }
    Map<String, Object> locals = new HashMap<>();
    int next = 0;
    Map<String, Object> callerGlobals = globals;
    globals = f.globals(); // defaults are evaluated where the function is defined, as Python does
    for (Stmt.Param p : f.definition().params()) {
      if (p.stars() == 1) {
        locals.put(p.name(), new ArrayList<>(args.subList(Math.min(next, args.size()), args.size())));
        next = args.size();
      } else if (p.stars() == 2) {
        locals.put(p.name(), new LinkedHashMap<Object, Object>(kwargs));
      } else if (next < args.size()) {
        locals.put(p.name(), args.get(next++));
      } else if (kwargs.containsKey(p.name())) {
        locals.put(p.name(), kwargs.get(p.name()));
      } else {
        locals.put(p.name(), p.defaultValue() == null ? new Unknown("the missing argument " + p.name())
            : eval(p.defaultValue(), new HashMap<>()));
      }
    }
    depth++;
    int callerLineBefore = callerLine;
    if (f.globals() != callerGlobals && callerLine == 0) {
      callerLine = c.line();
    }
    try {
      block(f.definition().body(), locals);
      return Values.NONE;
    } catch (ReturnSignal r) {
      return r.value;
    } finally {
      depth--;
      globals = callerGlobals;
      callerLine = callerLineBefore;
    }
  }

  private static String describeUnknown(Object v) {
    String what = Values.firstUnknown(v);
    return what == null ? "a value of this kind" : what;
  }
}
