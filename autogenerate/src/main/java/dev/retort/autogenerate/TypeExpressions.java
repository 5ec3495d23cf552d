package dev.retort.autogenerate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DataType;

/**
 * A column type as the Java a person writes for it: {@code SQLDataType.VARCHAR(30)}, {@code
 * SQLDataType.DECIMAL(12, 2)}, {@code SQLDataType.LOCALDATETIME(3)}. Dates and times are the
 * {@code java.time} types. A type with no {@code SQLDataType} constant has no expression.
 */
final class TypeExpressions {

  static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");

  /** Types without a length or precision, by standard name. */
  private static final Map<String, String> PLAIN = Map.ofEntries(
      Map.entry("bigint", "BIGINT"),
      Map.entry("integer", "INTEGER"),
      Map.entry("smallint", "SMALLINT"),
      Map.entry("tinyint", "TINYINT"),
      Map.entry("boolean", "BOOLEAN"),
      Map.entry("double", "DOUBLE"),
      Map.entry("real", "REAL"),
      Map.entry("date", "LOCALDATE"),
      Map.entry("clob", "CLOB"),
      Map.entry("blob", "BLOB"),
      Map.entry("uuid", "UUID"),
      Map.entry("json", "JSON"),
      Map.entry("jsonb", "JSONB"));

  /** Types whose length is written when it is set. */
  private static final Map<String, String> WITH_LENGTH = Map.of(
      "varchar", "VARCHAR",
      "char", "CHAR",
      "varbinary", "VARBINARY",
      "binary", "BINARY");

  /** Date and time types whose precision is written when it is set. */
  private static final Map<String, String> WITH_PRECISION = Map.of(
      "timestamp", "LOCALDATETIME",
      "time", "LOCALTIME",
      "timestamp with time zone", "OFFSETDATETIME",
      "time with time zone", "OFFSETTIME");

  private TypeExpressions() {}

  /** The expression, or empty when the DSL has no constant for the type. */
  static Optional<CodeBlock> of(DataType<?> type, String typeKey) {
    String base = TypeKey.base(type);
    if (PLAIN.containsKey(base)) {
      return Optional.of(CodeBlock.of("$T.$L", SQL_DATA_TYPE, PLAIN.get(base)));
    }
    if (WITH_LENGTH.containsKey(base)) {
      return Optional.of(type.lengthDefined() && type.length() > 0
          ? CodeBlock.of("$T.$L($L)", SQL_DATA_TYPE, WITH_LENGTH.get(base), type.length())
          : CodeBlock.of("$T.$L", SQL_DATA_TYPE, WITH_LENGTH.get(base)));
    }
    if (base.equals("decimal")) {
      if (!type.precisionDefined() || type.precision() == 0) {
        return Optional.of(CodeBlock.of("$T.DECIMAL", SQL_DATA_TYPE));
      }
      return Optional.of(type.scaleDefined() && type.scale() > 0
          ? CodeBlock.of("$T.DECIMAL($L, $L)", SQL_DATA_TYPE, type.precision(), type.scale())
          : CodeBlock.of("$T.DECIMAL($L)", SQL_DATA_TYPE, type.precision()));
    }
    if (WITH_PRECISION.containsKey(base)) {
      // The key holds a precision only when it is not the database's default.
      return Optional.of(typeKey.endsWith(")")
          ? CodeBlock.of("$T.$L($L)", SQL_DATA_TYPE, WITH_PRECISION.get(base), type.precision())
          : CodeBlock.of("$T.$L", SQL_DATA_TYPE, WITH_PRECISION.get(base)));
    }
    return Optional.empty();
  }
}
