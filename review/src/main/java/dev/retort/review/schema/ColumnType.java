package dev.retort.review.schema;

import java.util.Locale;
import org.jooq.Configuration;
import org.jooq.DataType;

/**
 * A column's type as the type rules compare it: the base type and its length, precision and
 * scale, and how the dialect under review writes it.
 *
 * @param base jOOQ's name for the base type, in lower case ({@code varchar}, {@code clob} for
 *     PostgreSQL's {@code text}, {@code numeric}, {@code timestamp with time zone})
 * @param length the declared length, 0 when none is declared
 * @param precision the declared precision, 0 when none is declared
 * @param scale the declared scale
 * @param written the type as the dialect writes it ({@code text}, {@code varchar(20)})
 */
public record ColumnType(String base, int length, int precision, int scale, String written) {

  /** The type of a column of a jOOQ schema, written as the configuration's dialect writes it. */
  public static ColumnType of(DataType<?> type, Configuration configuration) {
    DataType<?> sqlType = type.getSQLDataType();
    String base = sqlType != null ? sqlType.getTypeName() : type.getTypeName();
    String written;
    try {
      written = type.getCastTypeName(configuration);
    } catch (RuntimeException unknownToTheDialect) {
      written = type.getCastTypeName();
    }
    return new ColumnType(base.toLowerCase(Locale.ROOT),
        type.hasLength() ? type.length() : 0,
        type.hasPrecision() ? type.precision() : 0,
        type.hasScale() ? type.scale() : 0,
        written.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return written;
  }
}
