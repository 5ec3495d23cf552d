package dev.retort.runtime.internal.database;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC URL a data source connects to, where it says so: as its {@code url}, {@code URL} or
 * {@code jdbcUrl} property, the names Spring Boot's {@code DataSourceBuilder} reads from the data
 * sources it knows ({@link dev.retort.runtime.UrlDataSource}, H2's and PostgreSQL's own, HikariCP,
 * Spring's driver data sources, Tomcat's and DBCP's pools). Asked before there is a connection,
 * since a connection's metadata reports H2's URL without its settings.
 */
final class DataSourceUrl {

  private static final List<String> GETTERS = List.of("getUrl", "getURL", "getJdbcUrl");

  private DataSourceUrl() {}

  /** The URL, or empty where the data source has no such property or it is unset. */
  static Optional<String> of(DataSource dataSource) {
    for (String getter : GETTERS) {
      try {
        Method method = dataSource.getClass().getMethod(getter);
        if (method.getReturnType() == String.class && !Modifier.isStatic(method.getModifiers())) {
          Object url = method.invoke(dataSource);
          if (url != null) {
            return Optional.of((String) url);
          }
        }
      } catch (ReflectiveOperationException | RuntimeException notAProperty) {
        // Not this property, or not readable from here (a class its module does not open): the
        // next name, and in the end no URL.
      }
    }
    return Optional.empty();
  }
}
