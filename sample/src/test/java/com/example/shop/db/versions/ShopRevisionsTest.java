package com.example.shop.db.versions;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class ShopRevisionsTest {

  @Test
  void theShopsHistory_isOneCheckedGraph_foundWithoutScanning() {
    List<RevisionRegistry> registries = ServiceLoader.load(RevisionRegistry.class).stream()
        .map(ServiceLoader.Provider::get).toList();

    assertThat(registries).hasSize(1);
    RevisionRegistry registry = registries.get(0);
    assertThat(registry.revisions()).hasSize(7);
    assertThat(registry.bases()).containsExactly(Revisions.M0001_CREATE_USERS_TABLE);
    assertThat(registry.heads()).containsExactly(Revisions.M0006_INDEX_ORDERS_BY_USER);
    assertThat(Revisions.M0005_MERGE_STATUS_AND_DISPLAY_NAMES.revises())
        .containsExactly("4d2f8e1a9b3c", "8b1e5c7d2a64");
    assertThat(Revisions.M0006_INDEX_ORDERS_BY_USER.transactional()).isFalse();
  }

  @Test
  void everyRevision_upgradesAndDowngradesOnH2() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:shop")) {
      DSLContext db = DSL.using(connection);
      List<RevisionInfo> order = Revisions.REGISTRY.revisions();

      for (RevisionInfo revision : order) {
        if (revision == Revisions.M0004_BACKFILL_USER_DISPLAY_NAMES) {
          db.insertInto(DSL.table(DSL.name("users")), DSL.field(DSL.name("email")))
              .values("ada@example.com").execute();
        }
        Revisions.REGISTRY.migration(revision).upgrade(db);
      }
      assertThat(db.fetchValue(DSL.select(DSL.field(DSL.name("name"))).from(DSL.name("users"))))
          .isEqualTo("ada");
      assertThat(tableNames(db)).containsAtLeast("users", "orders");

      List<RevisionInfo> reversed = new ArrayList<>(order);
      Collections.reverse(reversed);
      for (RevisionInfo revision : reversed) {
        Revisions.REGISTRY.migration(revision).downgrade(db);
      }
      assertThat(tableNames(db)).containsNoneOf("users", "orders");
    }
  }

  private static List<String> tableNames(DSLContext db) {
    return db.meta().getSchemas("PUBLIC").get(0).getTables().stream().map(Table::getName).toList();
  }
}
