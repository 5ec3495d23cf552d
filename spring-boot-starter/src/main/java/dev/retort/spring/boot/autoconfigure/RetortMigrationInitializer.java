package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Brings the database where {@code retort.mode} and {@code retort.target} say when the
 * application context creates it. Spring Boot's database initialization ordering makes JPA's
 * {@code EntityManagerFactory}, jOOQ's {@code DSLContext}, {@code JdbcTemplate} and the other
 * database initializers wait for this bean, so nothing uses the database before it is migrated.
 *
 * <p>A failure stops the start-up with the runtime's exception, which says what changed; a
 * message that would show the migration password is replaced by a masked copy.
 */
public final class RetortMigrationInitializer implements InitializingBean, Ordered {

  private static final Logger log = LoggerFactory.getLogger(RetortMigrationInitializer.class);

  private final Retort retort;
  private final RetortProperties properties;
  private final RetortMigrationStrategy strategy;
  private int order;

  /**
   * @param retort Retort on the migration data source
   * @param properties what to do ({@code mode}, {@code target}) and the password to keep out of
   *     errors
   * @param strategy what to do instead of upgrading or validating, or {@code null}
   */
  public RetortMigrationInitializer(Retort retort, RetortProperties properties,
      RetortMigrationStrategy strategy) {
    this.retort = retort;
    this.properties = properties;
    this.strategy = strategy;
  }

  /**
   * Upgrades, validates, runs the strategy, or does nothing, as configured.
   *
   * @throws InvalidRetortPropertyException if {@code retort.mode} or {@code retort.target} is
   *     unusable (nothing changed)
   * @throws PendingRevisionsException in validate mode, if revisions up to the target are not
   *     applied (nothing changed)
   * @throws RetortException as the runtime throws it: see {@link Retort#upgrade(String)} and
   *     {@link Retort#validate()} for what each one leaves behind
   */
  @Override
  public void afterPropertiesSet() {
    RetortProperties.Mode mode = SettingsMapper.mode(properties);
    if (mode == RetortProperties.Mode.NONE) {
      log.info("{}=none: the database was neither upgraded nor validated", Messages.MODE);
      return;
    }
    String target = SettingsMapper.target(properties);
    try {
      if (strategy != null) {
        strategy.migrate(retort);
      } else if (mode == RetortProperties.Mode.UPGRADE) {
        retort.upgrade(target);
      } else {
        validate(target);
      }
    } catch (InvalidTargetException unknownTarget) {
      throw new InvalidRetortPropertyException(Messages.TARGET,
          Messages.invalidProperty(Messages.TARGET, unknownTarget.getMessage()), unknownTarget);
    } catch (RuntimeException failure) {
      throw withoutPassword(failure);
    }
  }

  private void validate(String target) {
    retort.validate();
    List<RevisionInfo> pending = pendingUpTo(target);
    if (!pending.isEmpty()) {
      throw new PendingRevisionsException(Messages.pending(target, pending), pending);
    }
    log.info("{}=validate: the database is at {}", Messages.MODE,
        retort.current().stream().map(RevisionInfo::id).collect(Collectors.joining(", ")));
  }

  /** The revisions the target needs that the database lacks, parents first. */
  private List<RevisionInfo> pendingUpTo(String target) {
    if (target.equals("heads")) {
      return retort.check().pending();
    }
    Set<String> applied = retort.history(":current").stream().map(RevisionInfo::id)
        .collect(Collectors.toSet());
    List<RevisionInfo> pending = new ArrayList<>();
    for (RevisionInfo needed : retort.history(":" + target)) {
      if (!applied.contains(needed.id())) {
        pending.add(needed);
      }
    }
    Collections.reverse(pending);
    return pending;
  }

  /**
   * The failure as it is, or, when a message in it would show the password (a driver may quote
   * the URL), a masked copy without the original causes, so that neither the log nor the
   * failure report can print it.
   */
  private RuntimeException withoutPassword(RuntimeException failure) {
    String password = properties.getPassword();
    if (!PasswordMask.of(password, null).reveals(failure)) {
      return failure;
    }
    RetortException masked = new RetortException(
        PasswordMask.of(password, null).mask(Messages.oneLine(failure.getMessage())));
    masked.setStackTrace(failure.getStackTrace());
    return masked;
  }

  /** Where this initializer runs among other ordered beans; 0 by default. */
  @Override
  public int getOrder() {
    return order;
  }

  /** Sets where this initializer runs among other ordered beans. */
  public void setOrder(int order) {
    this.order = order;
  }
}
