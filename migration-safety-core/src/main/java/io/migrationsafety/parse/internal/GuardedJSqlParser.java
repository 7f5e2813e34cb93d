package io.migrationsafety.parse.internal;

import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser behind a fence: it may decline, it may never hang the review nor throw out of it.
 *
 * <p>Why the fence. JSqlParser is a JavaCC parser with deep syntactic look-ahead. On input it
 * cannot parse, its time grows exponentially with the nesting of parentheses (five levels around
 * a {@code COLLATE} take seconds; an unclosed {@code f(((((((} never finishes in practice), and
 * nested sub-selects are exponential even on valid input (15 levels take seconds). Its token
 * manager throws {@code TokenMgrException}, an {@link Error}, on characters it does not know,
 * and deep input can overflow the stack. So:
 * <ul>
 *   <li>it only sees balanced input of bounded size and nesting ({@link #MAX_TOKENS},
 *       {@link #MAX_NESTING}, {@link #MAX_SUBQUERY_NESTING}); its costly "complex parsing" retry
 *       only runs on shallow input;</li>
 *   <li>it runs on a worker thread with a deadline, and on time-out is told to stop (its
 *       {@code interrupted} flag) and abandoned;</li>
 *   <li>everything it throws, {@link Error}s included, means "declined"; so does anything the
 *       caller's reading of its tree throws, as that reading runs on the worker too.</li>
 * </ul>
 * A declined input is read by the token-level readers instead; nothing is lost.
 *
 * <p>JSqlParser's own lexer differs from PostgreSQL's on dollar quotes, {@code E'…'} escapes and
 * {@code U&} strings, so it is not given the source text: the text is rebuilt from our tokens,
 * with every string constant rewritten as a plain {@code '…'} string of the same value and
 * comments left out (see {@link #jsqlText(TokenSlice)}).
 */
final class GuardedJSqlParser {

  /** Longest input, in tokens, handed to JSqlParser; longer statements are read from tokens. */
  static final int MAX_TOKENS = 4_000;
  /** Deepest bracket nesting handed to JSqlParser. */
  static final int MAX_NESTING = 12;
  /** Deepest sub-select nesting handed to JSqlParser: its cost doubles with each level. */
  static final int MAX_SUBQUERY_NESTING = 5;
  /** Deepest nesting for which the exponential "complex parsing" retry is allowed. */
  private static final int MAX_COMPLEX_NESTING = 2;
  /** How long one parse, with the reading of its tree, may take. */
  private static final long DEADLINE_MILLIS = 2_000;
  /** Stack of the worker threads: generous, as JSqlParser recurses per nesting level. */
  private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

  /**
   * The worker threads: daemons (they never keep a JVM alive), created on demand and retired when
   * idle, so an embedding application pays nothing while no migration is read. Not a fixed pool: a
   * parse abandoned at its deadline may still hold its thread for a while, and must not make the
   * next statement wait.
   */
  private static final ExecutorService WORKERS = workers();

  private GuardedJSqlParser() {}

  private static ExecutorService workers() {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(null, r, "migration-safety-jsqlparser", WORKER_STACK_BYTES);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Parses {@code slice} as one statement and reads the tree with {@code reader}; empty when
   * JSqlParser declines, times out, or anything throws.
   */
  static <T> Optional<T> statement(TokenSlice slice, Function<Statement, T> reader) {
    return run(slice, parser -> reader.apply(parser.Statement()));
  }

  /** Parses {@code slice} as one expression or condition and reads the tree with {@code reader}. */
  static <T> Optional<T> expression(TokenSlice slice, Function<Expression, T> reader) {
    return run(slice, parser -> reader.apply(parser.Expression()));
  }

  /**
   * Whether JSqlParser could read {@code slice} differently from the token reading. It cannot when
   * the slice holds no sub-query and every call the token reading finds is a built-in function it
   * knows: the token reading reports every call JSqlParser would, a known built-in is a call
   * whatever the tree says, and there is no nested query whose tables or shape only a tree shows.
   * Then the token reading is used, and JSqlParser — by far the slowest part of the front end, a
   * few hundred microseconds a statement — is spared. A call to a function not known (a user
   * function, or a word the token reading may take for one) is worth the tree.
   */
  static boolean worthParsing(TokenSlice slice) {
    return slice.subqueryNesting() > 0
        || TokenFunctions.volatility(TokenFunctions.calls(slice)) == io.migrationsafety.operation.Volatility.UNKNOWN;
  }

  /** Whether JSqlParser may be given {@code slice} at all. */
  static boolean acceptable(TokenSlice slice) {
    if (slice.isEmpty() || slice.size() > MAX_TOKENS) {
      return false;
    }
    int nesting = slice.nesting();
    if (nesting < 0 || nesting > MAX_NESTING || slice.subqueryNesting() > MAX_SUBQUERY_NESTING) {
      return false;
    }
    for (Token t : slice.tokens()) {
      // psql variables (:name), meta-commands and stray characters are not SQL JSqlParser knows.
      if (t.type() == TokenType.COLON || t.type() == TokenType.PSQL_META_COMMAND
          || t.type() == TokenType.COPY_DATA || t.type() == TokenType.SEMICOLON) {
        return false;
      }
    }
    return true;
  }

  @FunctionalInterface
  private interface ParseStep<T> {
    T parse(CCJSqlParser parser) throws Exception;
  }

  private static <T> Optional<T> run(TokenSlice slice, ParseStep<T> step) {
    if (!acceptable(slice)) {
      return Optional.empty();
    }
    String text = jsqlText(slice);
    Optional<T> simple = attempt(text, false, step);
    if (simple.isPresent() || slice.nesting() > MAX_COMPLEX_NESTING) {
      return simple;
    }
    // "Complex parsing" reads SQL-standard argument syntax such as substring(x FROM 1 FOR 2).
    return attempt(text, true, step);
  }

  private static <T> Optional<T> attempt(String text, boolean complex, ParseStep<T> step) {
    AtomicReference<CCJSqlParser> parser = new AtomicReference<>();
    Callable<T> work = () -> {
      CCJSqlParser p = CCJSqlParserUtil.newParser(text)
          .withAllowComplexParsing(complex)
          .withSquareBracketQuotation(false)
          .withBackslashEscapeCharacter(false)
          .withUnsupportedStatements(false)
          .withFeature(Feature.allowPostgresSpecificSyntax, true);
      parser.set(p);
      T result = step.parse(p);
      // A parse that stops before the end read only a prefix: that is a refusal, not a result.
      if (p.getNextToken().kind != CCJSqlParserConstants.EOF) {
        return null;
      }
      return result;
    };
    Future<T> future;
    try {
      future = WORKERS.submit(work);
    } catch (RejectedExecutionException e) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(future.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      CCJSqlParser p = parser.get();
      if (p != null) {
        p.interrupted = true; // JSqlParser checks this flag in its expression rules and gives up
      }
      future.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | RuntimeException e) {
      // ExecutionException carries whatever the worker threw: ParseException, TokenMgrException,
      // StackOverflowError, a bug in the reader of the tree. All mean: read it from tokens instead.
      return Optional.empty();
    }
  }

  /**
   * The text JSqlParser is given for {@code slice}: its tokens, with a space wherever the source
   * had whitespace or a comment, and every string constant as a standard {@code '…'} string of the
   * same value (dollar quotes, {@code E'…'}, {@code U&'…'} and {@code N'…'} are PostgreSQL
   * syntax JSqlParser lexes differently or not at all).
   */
  static String jsqlText(TokenSlice slice) {
    StringBuilder sb = new StringBuilder();
    Token previous = null;
    for (Token t : slice.tokens()) {
      if (previous != null && t.offset() > previous.endOffset()) {
        sb.append(' ');
      }
      sb.append(jsqlToken(t));
      previous = t;
    }
    return sb.toString();
  }

  private static String jsqlToken(Token t) {
    switch (t.type()) {
      case DOLLAR_STRING:
        return standardString(t.stringValue());
      case STRING: {
        char first = Character.toUpperCase(t.text().charAt(0));
        if (first == 'E' || first == 'U' || first == 'N') {
          return standardString(t.stringValue());
        }
        return t.text();
      }
      case QUOTED_IDENTIFIER:
        return '"' + t.identifier().replace("\"", "\"\"") + '"';
      default:
        return t.text();
    }
  }

  private static String standardString(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}
