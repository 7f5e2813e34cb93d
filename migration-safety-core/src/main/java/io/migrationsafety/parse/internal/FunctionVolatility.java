package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Volatility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The volatility of PostgreSQL's built-in functions, as {@code pg_proc.provolatile} declares it
 * ({@code SELECT proname, provolatile FROM pg_proc}), checked against a real PostgreSQL by
 * {@code FunctionVolatilityCatalogTest}. Functions of common extensions ({@code uuid-ossp},
 * {@code pgcrypto}) are included. Anything else is {@link Volatility#UNKNOWN}.
 *
 * <p>Names only, not argument types: where overloads differ ({@code to_timestamp(double)} is
 * immutable, {@code to_timestamp(text, text)} stable; {@code date_trunc} on {@code timestamptz} is
 * stable), the least predictable overload is the answer, as the types of the arguments are not
 * known here.
 */
final class FunctionVolatility {

  /** Key words that look like calls but are syntax: {@code CASE}, {@code COALESCE(…)}, {@code ARRAY[…]}. */
  static final Set<String> NOT_FUNCTIONS = Set.of(
      "coalesce", "nullif", "greatest", "least", "array", "row", "exists", "in", "any", "all",
      "some", "cast", "case", "when", "then", "else", "and", "or", "not", "is", "values",
      "interval", "numeric", "decimal", "varchar", "char", "character", "bit", "timestamp", "time",
      "float", "using", "on", "as", "collate", "filter", "over", "within", "distinct", "between",
      "like", "ilike", "similar", "overlay", "position", "substring", "trim", "treat",
      "xmlelement", "xmlforest", "xmlparse", "xmlroot", "xmlserialize", "xmlexists");

  /** SQL-standard functions written without parentheses (PostgreSQL's SQLValueFunction). */
  static final Set<String> KEYWORD_FUNCTIONS = Set.of(
      "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp",
      "current_user", "current_role", "session_user", "user", "current_schema", "current_catalog",
      "system_user");

  private static final Map<String, Volatility> KNOWN = new HashMap<>();

  /**
   * Overloads told apart by their number of arguments ({@code name/count}): the text-search
   * functions are stable with the session's default configuration and immutable with an explicit
   * one ({@code to_tsvector('english', body)}, the usual index expression); {@code length(bytea,
   * name)} and {@code to_timestamp(text, text)} are stable, their one-argument forms immutable.
   */
  private static final Map<String, Volatility> BY_ARGUMENT_COUNT = Map.ofEntries(
      Map.entry("to_tsvector/1", Volatility.STABLE), Map.entry("to_tsvector/2", Volatility.IMMUTABLE),
      Map.entry("to_tsquery/1", Volatility.STABLE), Map.entry("to_tsquery/2", Volatility.IMMUTABLE),
      Map.entry("plainto_tsquery/1", Volatility.STABLE), Map.entry("plainto_tsquery/2", Volatility.IMMUTABLE),
      Map.entry("phraseto_tsquery/1", Volatility.STABLE), Map.entry("phraseto_tsquery/2", Volatility.IMMUTABLE),
      Map.entry("websearch_to_tsquery/1", Volatility.STABLE),
      Map.entry("websearch_to_tsquery/2", Volatility.IMMUTABLE),
      Map.entry("length/1", Volatility.IMMUTABLE), Map.entry("length/2", Volatility.STABLE),
      Map.entry("to_timestamp/1", Volatility.IMMUTABLE), Map.entry("to_timestamp/2", Volatility.STABLE),
      Map.entry("date_trunc/3", Volatility.IMMUTABLE), Map.entry("age/1", Volatility.STABLE),
      Map.entry("age/2", Volatility.IMMUTABLE), Map.entry("generate_series/2", Volatility.IMMUTABLE),
      Map.entry("generate_series/4", Volatility.IMMUTABLE));

  static {
    volatile_("random", "random_normal", "setseed", "clock_timestamp", "timeofday", "nextval", "setval",
        "currval", "lastval", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1",
        "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "gen_salt", "pgp_sym_encrypt",
        "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_advisory_lock", "pg_advisory_lock_shared",
        "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared", "pg_try_advisory_lock",
        "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared",
        "pg_advisory_unlock", "pg_advisory_unlock_shared", "pg_advisory_unlock_all", "set_config",
        "pg_notify", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_stat_reset",
        "pg_switch_wal", "pg_current_wal_lsn", "pg_create_logical_replication_slot",
        "pg_drop_replication_slot", "pg_is_in_recovery", "pg_table_size", "pg_relation_size",
        "pg_total_relation_size", "pg_indexes_size", "pg_database_size", "dblink", "dblink_exec",
        "lo_import", "lo_export", "lo_unlink", "lo_create", "lo_from_bytea", "pg_read_file",
        "pg_logical_emit_message", "current_query");
    stable("now", "transaction_timestamp", "statement_timestamp", "current_timestamp", "current_date",
        "current_time", "localtime", "localtimestamp", "current_setting", "current_user", "current_role",
        "session_user", "user", "system_user", "current_schema", "current_schemas", "current_catalog",
        "current_database", "pg_backend_pid", "inet_client_addr", "inet_client_port", "inet_server_addr",
        "version", "txid_current", "pg_current_xact_id", "txid_current_snapshot", "pg_current_snapshot",
        "to_timestamp", "to_date", "to_char", "to_number", "age", "date_trunc", "date_part", "extract",
        "timezone", "date", "generate_series", "make_timestamptz", "concat", "concat_ws", "format",
        "format_type", "length", "quote_literal", "quote_nullable", "convert_from", "convert_to",
        "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery",
        "has_table_privilege", "has_column_privilege",
        "has_schema_privilege", "has_sequence_privilege", "has_function_privilege",
        "has_database_privilege", "pg_has_role", "pg_get_serial_sequence", "pg_get_indexdef",
        "pg_get_constraintdef", "pg_get_viewdef", "pg_get_functiondef", "pg_get_expr",
        "pg_get_userbyid", "obj_description", "col_description", "shobj_description", "to_regclass",
        "to_regtype", "to_regproc", "to_regnamespace", "to_regrole", "pg_table_is_visible", "pg_typeof",
        "pg_column_size", "row_to_json", "to_json", "to_jsonb", "json_build_object", "json_build_array",
        "jsonb_build_object", "jsonb_build_array", "array_to_json", "array_to_string", "json_agg",
        "jsonb_agg", "json_object_agg", "jsonb_populate_record", "jsonb_to_record");
    immutable("lower", "upper", "initcap", "char_length", "character_length", "octet_length",
        "bit_length", "abs", "round", "trunc", "ceil", "ceiling", "floor", "sign", "sqrt", "cbrt", "exp",
        "ln", "log", "log10", "mod", "power", "pow", "div", "pi", "md5", "sha224", "sha256", "sha384",
        "sha512", "digest", "hmac", "crypt", "encrypt", "decrypt", "armor", "pgp_sym_decrypt", "encode",
        "decode", "substr", "btrim", "ltrim", "rtrim", "lpad", "rpad", "replace", "translate",
        "split_part", "strpos", "left", "right", "reverse", "repeat", "regexp_replace", "regexp_match",
        "regexp_matches", "regexp_split_to_array", "regexp_like", "regexp_count", "regexp_substr",
        "regexp_instr", "starts_with", "ascii", "chr", "quote_ident", "to_hex", "textlen",
        "string_to_array", "string_to_table", "jsonb_set", "jsonb_set_lax", "jsonb_insert",
        "jsonb_strip_nulls", "json_strip_nulls", "jsonb_typeof", "json_typeof", "jsonb_array_length",
        "json_array_length", "jsonb_extract_path", "jsonb_extract_path_text", "json_extract_path",
        "json_extract_path_text", "jsonb_object_keys", "jsonb_exists", "jsonb_pretty",
        "jsonb_array_elements", "jsonb_array_elements_text", "jsonb_each", "jsonb_each_text",
        "json_array_elements", "json_each", "jsonb_concat", "jsonb_delete", "jsonb_contains",
        "jsonb_object", "json_object", "jsonb_object_agg", "jsonb_path_query", "jsonb_path_exists",
        "jsonb_path_match", "jsonb_path_query_first", "array_length", "array_upper", "array_lower",
        "array_position", "array_positions", "array_remove", "array_replace", "array_append",
        "array_prepend", "array_cat", "array_dims", "array_ndims", "array_fill", "cardinality", "unnest",
        "generate_subscripts", "int4range", "int8range", "numrange", "tsrange", "daterange", "lower_inc",
        "upper_inc", "isempty", "setweight", "make_date", "make_time", "make_interval", "make_timestamp",
        "date_bin", "int4", "int8", "int2", "float8", "float4", "text", "bool", "host", "family",
        "masklen", "num_nulls", "num_nonnulls", "uuid_nil", "uuid_ns_dns", "uuid_ns_url", "uuid_ns_oid",
        "uuid_ns_x500", "uuid_generate_v3", "uuid_generate_v5", "justify_days", "justify_hours",
        "justify_interval", "isfinite", "width_bucket", "factorial", "gcd", "lcm", "scale", "trim_scale",
        "min_scale", "bit_count", "get_bit", "set_bit", "get_byte", "set_byte", "unistr", "normalize",
        "casefold", "count", "sum", "avg", "min", "max", "every", "bool_and", "bool_or", "string_agg",
        "array_agg", "row_number", "rank", "dense_rank", "ntile", "lag", "lead", "first_value",
        "last_value", "pg_size_pretty", "txid_snapshot_xmin", "st_makepoint", "st_setsrid", "st_point");
  }

  private FunctionVolatility() {}

  private static void volatile_(String... names) {
    put(Volatility.VOLATILE, names);
  }

  private static void stable(String... names) {
    put(Volatility.STABLE, names);
  }

  private static void immutable(String... names) {
    put(Volatility.IMMUTABLE, names);
  }

  private static void put(Volatility volatility, String... names) {
    for (String n : names) {
      if (KNOWN.put(n, volatility) != null) {
        throw new IllegalStateException("function " + n + " is listed twice");
      }
    }
  }

  /** The whole table, for the test that checks it against {@code pg_proc}. */
  static Map<String, Volatility> table() {
    return Map.copyOf(KNOWN);
  }

  /** The overloads told apart by argument count ({@code name/count}), for the same test. */
  static Map<String, Volatility> tableByArgumentCount() {
    return BY_ARGUMENT_COUNT;
  }

  /**
   * The volatility of the function {@code name} (optionally {@code schema.name}), lower-case, over
   * all its overloads.
   */
  static Volatility of(String name) {
    return of(name, -1);
  }

  /**
   * The volatility of {@code name} called with {@code arguments} arguments (-1: not known), which
   * tells some overloads apart.
   */
  static Volatility of(String name, int arguments) {
    int dot = name.lastIndexOf('.');
    String schema = dot < 0 ? null : name.substring(0, dot);
    String bare = dot < 0 ? name : name.substring(dot + 1);
    if (schema != null && !schema.equals("pg_catalog") && !schema.equals("public")) {
      // A function of another schema shadows nothing we know: it is the user's.
      return Volatility.UNKNOWN;
    }
    Volatility exact = arguments < 0 ? null : BY_ARGUMENT_COUNT.get(bare + "/" + arguments);
    return exact != null ? exact : KNOWN.getOrDefault(bare, Volatility.UNKNOWN);
  }
}
