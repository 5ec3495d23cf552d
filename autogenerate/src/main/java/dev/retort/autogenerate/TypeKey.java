package dev.retort.autogenerate;

import java.util.Locale;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.SQLDialect;

/**
 * A column type as comparable text: {@code varchar(30)}, {@code decimal(12, 2)}, {@code
 * timestamp}. Aliases one database reads back for another's spelling ({@code numeric} for
 * {@code decimal}, {@code int4} for {@code integer}, {@code text} for {@code clob}) are one key,
 * and a length or precision the type has anyway ({@code timestamp(6)}) is left out.
 */
final class TypeKey {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("numeric", "decimal"),
      Map.entry("int", "integer"),
      Map.entry("int4", "integer"),
      Map.entry("int8", "bigint"),
      Map.entry("int2", "smallint"),
      Map.entry("character varying", "varchar"),
      Map.entry("varchar2", "varchar"),
      Map.entry("character", "char"),
      Map.entry("text", "clob"),
      Map.entry("longtext", "clob"),
      Map.entry("character large object", "clob"),
      Map.entry("bool", "boolean"),
      Map.entry("float8", "double"),
      Map.entry("double precision", "double"),
      Map.entry("float", "double"),
      Map.entry("float4", "real"),
      Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("timestamp with time zone", "timestamp with time zone"),
      Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("time without time zone", "time"),
      Map.entry("bytea", "blob"),
      Map.entry("binary large object", "blob"),
      Map.entry("varbinary", "varbinary"),
      Map.entry("binary varying", "varbinary"));

  private TypeKey() {}

  static String of(DataType<?> type, SQLDialect dialect) {
    String name = base(type);
    StringBuilder key = new StringBuilder(name);
    if (type.hasLength() && type.lengthDefined() && type.length() > 0 && !type.isLob()) {
      key.append('(').append(type.length()).append(')');
    } else if (name.equals("decimal") && type.precisionDefined() && type.precision() > 0) {
      key.append('(').append(type.precision());
      if (type.scaleDefined() && type.scale() > 0) {
        key.append(", ").append(type.scale());
      }
      key.append(')');
    } else if (name.startsWith("timestamp") && type.precisionDefined()
        && type.precision() != Dialects.defaultTimestampPrecision(dialect)) {
      key.append('(').append(type.precision()).append(')');
    }
    return key.toString();
  }

  /** The type's name, as the standard spells it. */
  static String base(DataType<?> type) {
    DataType<?> standard = type.getSQLDataType() == null ? type : type.getSQLDataType();
    String name = standard.getTypeName().toLowerCase(Locale.ROOT);
    int parenthesis = name.indexOf('(');
    if (parenthesis > 0) {
      name = name.substring(0, parenthesis).strip();
    }
    return ALIASES.getOrDefault(name, name);
  }
}
