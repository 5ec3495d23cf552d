package com.example.shop;

import com.example.shop.db.versions.Revisions;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.UrlDataSource;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The shop starts by bringing its database to every head through the generated registry, as an
 * application should: no classpath scanning, and no migration class loaded when nothing is
 * pending.
 *
 * <p>It upgrades to {@code heads}, not {@code head}: the day a second line of history lands (a
 * branch started with {@code create --head base --branch-label billing}), {@code head} names two
 * revisions and the start-up would stop.
 *
 * <p>The database is an H2 file by default ({@code -Dshop.db=path}, set by the sample's build to
 * {@code sample/data/shop}); {@code -Dshop.url=jdbc:...} picks any other whose driver is on the
 * classpath (the sample ships H2's and PostgreSQL's), with {@code -Dshop.user} and {@code
 * -Dshop.password} or the credentials in the URL.
 */
public final class ShopApplication {

  private ShopApplication() {}

  public static void main(String[] args) {
    String url = System.getProperty("shop.url");
    // H2's file database has the user sa; another URL's user is -Dshop.user, or in the URL.
    // A real application would give Retort its connection pool; the shop runs one upgrade and
    // exits, so it connects straight to the URL.
    DataSource dataSource = url == null
        ? UrlDataSource.of("jdbc:h2:file:" + System.getProperty("shop.db", "./data/shop")
            + ";AUTO_SERVER=TRUE", System.getProperty("shop.user", "sa"),
            System.getProperty("shop.password", ""))
        : UrlDataSource.of(url, System.getProperty("shop.user"),
            System.getProperty("shop.password"));

    List<MigrationStep> applied = migrate(dataSource, Revisions.REGISTRY);

    List<RevisionInfo> current = Retort.using(dataSource, Revisions.REGISTRY).current();
    String at = current.stream().map(RevisionInfo::id).collect(Collectors.joining(", "));
    if (applied.isEmpty()) {
      System.out.println("The database is up to date at " + at + ".");
    } else {
      System.out.println("Applied " + applied.size() + " revision"
          + (applied.size() == 1 ? "" : "s") + "; the database is now at " + at + ":");
      applied.forEach(step -> System.out.println("  " + step.describe()));
    }
  }

  /** What the shop does at start-up: every revision not applied yet, on every branch. */
  static List<MigrationStep> migrate(DataSource dataSource, RevisionRegistry registry) {
    return Retort.using(dataSource, registry).upgrade("heads");
  }
}
