package com.example.shop;

import com.example.shop.db.versions.Revisions;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The shop starts by bringing its database to head through the generated registry, as an
 * application should: no classpath scanning, and no migration class loaded when nothing is
 * pending.
 *
 * <p>The database is an H2 file by default ({@code -Dshop.db=path}, set by the sample's build to
 * {@code sample/data/shop}); {@code -Dshop.url=jdbc:...} picks any other.
 */
public final class ShopApplication {

  private ShopApplication() {}

  public static void main(String[] args) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(System.getProperty("shop.url",
        "jdbc:h2:file:" + System.getProperty("shop.db", "./data/shop") + ";AUTO_SERVER=TRUE"));
    dataSource.setUser(System.getProperty("shop.user", "sa"));
    dataSource.setPassword(System.getProperty("shop.password", ""));

    List<MigrationStep> applied = Retort.using(dataSource, Revisions.REGISTRY).upgrade("head");

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
}
