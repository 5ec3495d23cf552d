package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RetortException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Chooses the data source Retort migrates, as Spring Boot does for Flyway: a
 * {@link RetortDataSource @RetortDataSource} bean; else a connection of its own when {@code
 * retort.url} is set; else the application's data source, as {@code retort.user} when that is
 * set; else the application's data source itself.
 *
 * <p>A connection of Retort's own is not pooled: a migration needs two connections (one holds the
 * lock) for as long as it runs, and the endpoint and health check open one when asked.
 */
final class MigrationDataSource {

  private MigrationDataSource() {}

  /**
   * @param dedicated the {@code @RetortDataSource} bean, or {@code null}
   * @param application the application's unique or primary data source, or {@code null}
   * @throws InvalidRetortPropertyException if the properties cannot make a data source
   */
  static DataSource choose(RetortProperties properties, DataSource dedicated,
      DataSource application) {
    if (dedicated != null) {
      return dedicated;
    }
    String url = properties.getUrl();
    String user = properties.getUser();
    String password = properties.getPassword();
    if (url != null && !url.isBlank()) {
      if (!url.strip().startsWith("jdbc:")) {
        throw new InvalidRetortPropertyException(Messages.URL,
            Messages.invalidProperty(Messages.URL, Messages.notAJdbcUrl()));
      }
      if (DatabaseDriver.fromJdbcUrl(url.strip()) == DatabaseDriver.UNKNOWN) {
        throw new InvalidRetortPropertyException(Messages.URL,
            Messages.invalidProperty(Messages.URL, Messages.noDriverFor()));
      }
      try {
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url.strip())
            .username(user).password(password).build();
      } catch (RuntimeException noDriver) {
        throw new InvalidRetortPropertyException(Messages.URL,
            Messages.invalidProperty(Messages.URL, Messages.noDriverFor()),
            safeCause(noDriver, password));
      }
    }
    if (user != null && !user.isBlank()) {
      if (application == null) {
        throw new RetortException(Messages.noSingleDataSource());
      }
      try {
        return DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class)
            .username(user).password(password).build();
      } catch (RuntimeException notDerivable) {
        throw new InvalidRetortPropertyException(Messages.USER, Messages.derivedDataSourceFailed(),
            safeCause(notDerivable, password));
      }
    }
    if (password != null && !password.isEmpty()) {
      throw new InvalidRetortPropertyException(Messages.PASSWORD,
          Messages.invalidProperty(Messages.PASSWORD, Messages.passwordWithoutUser()));
    }
    if (application == null) {
      throw new RetortException(Messages.noSingleDataSource());
    }
    return application;
  }

  /** The cause, unless a message in it would show the password (a driver may quote the URL). */
  private static Throwable safeCause(RuntimeException cause, String password) {
    return PasswordMask.of(password, null).reveals(cause) ? null : cause;
  }
}
