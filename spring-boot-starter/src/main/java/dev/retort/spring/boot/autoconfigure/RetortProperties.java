package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RetortSettings.NameQuoting;
import dev.retort.runtime.RetortSettings.TransactionMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} properties: whether and how the application migrates its database when it
 * starts, which connection it uses for that, and where Retort keeps its state.
 *
 * <p>The defaults of the state tables, the lock timeout, the lease, the transaction mode and the
 * name quoting are those of {@link dev.retort.runtime.RetortSettings#defaults()}.
 */
@ConfigurationProperties("retort")
public class RetortProperties {

  /** What the application does with its revisions when it starts. */
  public enum Mode {
    /** Applies every pending revision up to the target, then starts. */
    UPGRADE,
    /**
     * Applies nothing and refuses to start while a revision up to the target is pending, an
     * applied revision was edited, the database is at a revision the build does not know, or a
     * failed revision awaits repair.
     */
    VALIDATE,
    /** Neither: the {@code Retort} bean is there (for the endpoint and the application's code). */
    NONE
  }

  /** Whether to configure Retort at all. */
  private boolean enabled = true;

  /**
   * What to do at start-up: upgrade (apply pending revisions), validate (refuse to start when
   * anything is pending, edited, unknown or unresolved) or none.
   */
  private Mode mode = Mode.UPGRADE;

  /**
   * The revision to upgrade to or validate against: heads, head, a revision id or a unique
   * prefix of one, or label@head.
   */
  private String target = "heads";

  /**
   * JDBC URL of the database to migrate, when it is not the application's data source (or to
   * migrate as another user, with user and password).
   */
  private String url;

  /**
   * Login user of the database to migrate: with url, for that database; without it, for the
   * application's data source, as a role with more rights than the application's.
   */
  private String user;

  /** Login password of the database to migrate. */
  private String password;

  /** Schema of Retort's state tables; the connection's default schema when unset. */
  private String schema;

  /** Table with one row per current head (Alembic's alembic_version). */
  private String versionTable = "retort_version";

  /** Append-only table with every step, stamp and repair. */
  private String historyTable = "retort_history";

  /** Lease table, used on databases without a session lock (neither PostgreSQL nor MariaDB). */
  private String lockTable = "retort_lock";

  /** How long to wait for another instance that holds the migration lock before giving up. */
  private Duration lockTimeout = Duration.ofMinutes(10);

  /**
   * How long a lease lock survives without renewal, on databases without a session lock; a
   * waiting instance takes it over after that.
   */
  private Duration leaseDuration = Duration.ofSeconds(30);

  /**
   * Whether each revision commits on its own (per-revision) or the whole upgrade commits at once
   * (single).
   */
  private TransactionMode transactionMode = TransactionMode.PER_REVISION;

  /**
   * How the names migrations give as plain strings are written into SQL: unquoted (the
   * database folds them by its own rules, as when a person writes SQL) or quoted (case kept
   * exactly, as Retort did before unquoted became the default). The application's
   * auto-configured jOOQ DSLContext writes names the same way.
   */
  private NameQuoting nameQuoting = NameQuoting.UNQUOTED;

  /** The application's own jOOQ context. */
  private final Jooq jooq = new Jooq();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getVersionTable() {
    return versionTable;
  }

  public void setVersionTable(String versionTable) {
    this.versionTable = versionTable;
  }

  public String getHistoryTable() {
    return historyTable;
  }

  public void setHistoryTable(String historyTable) {
    this.historyTable = historyTable;
  }

  public String getLockTable() {
    return lockTable;
  }

  public void setLockTable(String lockTable) {
    this.lockTable = lockTable;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  public TransactionMode getTransactionMode() {
    return transactionMode;
  }

  public void setTransactionMode(TransactionMode transactionMode) {
    this.transactionMode = transactionMode;
  }

  public NameQuoting getNameQuoting() {
    return nameQuoting;
  }

  public void setNameQuoting(NameQuoting nameQuoting) {
    this.nameQuoting = nameQuoting;
  }

  public Jooq getJooq() {
    return jooq;
  }

  /** The {@code retort.jooq.*} properties. */
  public static class Jooq {

    /**
     * Whether the DSLContext Spring Boot auto-configures for the application writes names as
     * the migrations do (retort.name-quoting), so that its queries find the tables they created.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The properties without the password, which never appears in a log or an error. */
  @Override
  public String toString() {
    return "RetortProperties[enabled=" + enabled + ", mode=" + mode + ", target=" + target
        + ", url=" + PasswordMask.of(password, url).mask(url) + ", user=" + user + ", password="
        + (password == null ? "" : PasswordMask.MASK) + ", schema=" + schema + "]";
  }
}
