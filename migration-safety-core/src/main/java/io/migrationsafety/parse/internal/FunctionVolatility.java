package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Volatility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The volatility of PostgreSQL's built-in functions, as {@code pg_proc.provolatile} declares it
 * ({@code SELECT proname, provolatile FROM pg_proc}). Functions of common extensions
 * ({@code uuid-ossp}, {@code pgcrypto}) are included. Anything else is {@link Volatility#UNKNOWN}.
 */
final class FunctionVolatility {

  /** Key words that look like calls but are syntax: {@code CASE}, {@code COALESCE(…)}, {@code ARRAY[…]}. */
  static final Set<String> NOT_FUNCTIONS = Set.of(
      "coalesce", "nullif", "greatest", "least", "array", "row", "exists", "in", "any", "all",
      "some", "cast", "case", "when", "then", "else", "and", "or", "not", "is", "values",
      "interval", "numeric", "decimal", "varchar", "char", "character", "bit", "timestamp", "time",
      "float", "using", "on", "as", "collate", "filter", "over", "within", "distinct", "between",
      "like", "ilike", "similar", "extract", "overlay", "position", "substring", "trim", "treat",
      "xmlelement", "xmlforest", "xmlparse", "xmlroot", "xmlserialize", "xmlexists");

  /** SQL-standard functions written without parentheses. */
  static final Set<String> KEYWORD_FUNCTIONS = Set.of(
      "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp",
      "current_user", "current_role", "session_user", "user", "current_schema", "current_catalog",
      "system_user");

  private static final Map<String, Volatility> KNOWN = new HashMap<>();

  static {
    volatile_("random", "random_normal", "setseed", "clock_timestamp", "timeofday", "nextval", "setval",
        "currval", "lastval", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1",
        "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "gen_salt", "crypt",
        "txid_current", "pg_current_xact_id", "pg_sleep", "pg_advisory_lock", "pg_advisory_xact_lock",
        "pg_try_advisory_lock", "pg_try_advisory_xact_lock", "pg_advisory_unlock", "set_config",
        "pg_notify", "pg_terminate_backend", "pg_cancel_backend", "dblink", "dblink_exec", "lo_import",
        "lo_export", "lo_unlink", "pg_read_file", "pg_logical_emit_message", "txid_current_snapshot",
        "pg_current_snapshot");
    stable("now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "current_date",
        "current_time", "localtime", "localtimestamp", "current_setting", "current_user", "current_role",
        "session_user", "user", "system_user", "current_schema", "current_schemas", "current_catalog",
        "current_database", "pg_backend_pid", "inet_client_addr", "version", "to_timestamp", "to_date",
        "to_char", "age", "date_trunc", "concat", "concat_ws", "format", "has_table_privilege",
        "pg_get_serial_sequence", "pg_get_indexdef", "pg_get_constraintdef", "pg_table_size",
        "pg_relation_size", "pg_total_relation_size", "obj_description", "col_description",
        "to_regclass", "to_regtype", "row_to_json", "to_json", "to_jsonb", "json_build_object",
        "json_build_array", "array_to_json", "json_agg", "jsonb_agg", "json_object_agg",
        "jsonb_object_agg", "string_agg", "array_agg", "txid_snapshot_xmin", "pg_is_in_recovery",
        "jsonb_path_query", "jsonb_path_exists", "date_part", "timezone");
    immutable("lower", "upper", "initcap", "length", "char_length", "character_length", "octet_length",
        "bit_length", "abs", "round", "trunc", "ceil", "ceiling", "floor", "sign", "sqrt", "cbrt", "exp",
        "ln", "log", "log10", "mod", "power", "pow", "div", "pi", "md5", "sha224", "sha256", "sha384",
        "sha512", "digest", "hmac", "encode", "decode", "substr", "btrim", "ltrim", "rtrim", "lpad",
        "rpad", "replace", "translate", "split_part", "strpos", "left", "right", "reverse", "repeat",
        "regexp_replace", "regexp_match", "regexp_matches", "regexp_split_to_array", "regexp_like",
        "starts_with", "ascii", "chr", "quote_ident", "quote_literal", "quote_nullable", "to_hex",
        "jsonb_build_object", "jsonb_build_array", "jsonb_set", "jsonb_insert", "jsonb_strip_nulls",
        "jsonb_typeof", "json_typeof", "jsonb_array_length", "json_array_length", "jsonb_extract_path",
        "jsonb_extract_path_text", "json_extract_path", "json_extract_path_text", "jsonb_object_keys",
        "jsonb_exists", "jsonb_pretty", "array_length", "array_upper", "array_lower", "array_position",
        "array_positions", "array_remove", "array_replace", "array_append", "array_prepend",
        "array_cat", "array_to_string", "string_to_array", "array_dims", "array_ndims", "cardinality",
        "unnest", "int4range", "int8range", "numrange", "tsrange", "daterange", "lower_inc",
        "upper_inc", "isempty", "to_tsvector", "to_tsquery", "plainto_tsquery", "setweight",
        "make_date", "make_time", "make_interval", "date", "int4", "int8", "int2", "float8", "float4",
        "text", "bool", "uuid", "inet", "cidr", "host", "family", "masklen", "num_nulls",
        "num_nonnulls", "uuid_nil", "uuid_ns_dns", "uuid_ns_url",
        "uuid_ns_oid", "uuid_ns_x500", "uuid_generate_v3", "uuid_generate_v5", "justify_days",
        "justify_hours", "justify_interval", "isfinite", "width_bucket", "factorial", "gcd", "lcm",
        "scale", "trim_scale", "min_scale", "convert_from", "convert_to", "bit_count", "get_bit",
        "set_bit", "get_byte", "set_byte", "overlay", "unistr", "normalize", "casefold",
        "pg_column_size", "st_makepoint", "st_setsrid", "st_point");
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
      KNOWN.putIfAbsent(n, volatility);
    }
  }

  /** The volatility of the function {@code name} (optionally {@code schema.name}), lower-case. */
  static Volatility of(String name) {
    int dot = name.lastIndexOf('.');
    String schema = dot < 0 ? null : name.substring(0, dot);
    String bare = dot < 0 ? name : name.substring(dot + 1);
    if (schema != null && !schema.equals("pg_catalog") && !schema.equals("public")) {
      // A function of another schema shadows nothing we know: it is the user's.
      return Volatility.UNKNOWN;
    }
    return KNOWN.getOrDefault(bare, Volatility.UNKNOWN);
  }
}
