package com.example.shop.db;

import com.example.shop.db.orders.CreateOrders;
import com.example.shop.db.orders.IndexOrdersConcurrently;
import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionTable;
import javax.annotation.processing.Generated;

/**
 * The 5 revisions of this application in topological order, with the graph that Retort's processor
 * computed and checked at compile time.
 *
 * <p>Heads: d4e5f6a7b8c9. Bases: ae1027a6acf0.
 *
 * <p>Generated from the {@code @Revision} classes on every build; do not edit.
 */
@Generated(
    value = "dev.retort.processor.RevisionProcessor",
    comments = "Regenerated from the @Revision classes on every build"
)
public final class Revisions extends GeneratedRegistry {
  private static final int PAGE_SIZE = 500;

  private static final RevisionTable TABLE = table();

  /**
   * The revisions by index, which the constants are read from. Generated code only.
   */
  static final RevisionInfo[] byIndex = TABLE.revisionArray();

  /**
   * The registry. Instances that {@link java.util.ServiceLoader} creates answer the same.
   */
  public static final Revisions REGISTRY = new Revisions();

  /**
   * {@code ae1027a6acf0}: Create users ({@link CreateUsers}).
   */
  public static final RevisionInfo CREATE_USERS = byIndex[0];

  /**
   * {@code 1975ea83b712}: Create orders ({@link CreateOrders}).
   */
  public static final RevisionInfo CREATE_ORDERS = byIndex[1];

  /**
   * {@code 27c6a30d7c24}: Add email_verified column to users ({@link AddEmailVerifiedColumnToUsers}).
   */
  public static final RevisionInfo ADD_EMAIL_VERIFIED_COLUMN_TO_USERS = byIndex[2];

  /**
   * {@code 3cc0f3a6b0e1}: Merge email and orders ({@link MergeEmailAndOrders}).
   */
  public static final RevisionInfo MERGE_EMAIL_AND_ORDERS = byIndex[3];

  /**
   * {@code d4e5f6a7b8c9}: Index orders concurrently ({@link IndexOrdersConcurrently}).
   */
  public static final RevisionInfo INDEX_ORDERS_CONCURRENTLY = byIndex[4];

  /**
   * For {@link java.util.ServiceLoader}; code uses {@link #REGISTRY}.
   */
  public Revisions() {
    super(TABLE);
  }

  private static RevisionTable table() {
    RevisionTable.Builder table = RevisionTable.builder(5);
    table.addRecords("31:com.example.shop.db.CreateUsers12:ae1027a6acf012:Create users64:d0ec463ae6244c3257e2a2c02c5abd088b306e618b0e16192940b4a522a918321:11:01:01:01:14:core39:com.example.shop.db.orders.CreateOrders12:1975ea83b71213:Create orders64:fe747e655b8ffe63b3a4986f308ffdd86a81d4fb183757734e8a9bdfdc6b82791:11:01:112:ae1027a6acf01:01:049:com.example.shop.db.AddEmailVerifiedColumnToUsers12:27c6a30d7c2434:Add email_verified column to users64:07f42b5ea067e0e0ede26874dbb0bc402d1138b97e324d83221d38edd6914dda1:11:01:112:ae1027a6acf01:01:039:com.example.shop.db.MergeEmailAndOrders12:3cc0f3a6b0e122:Merge email and orders64:0c123dcac12f85006cc4d9d2ae2d944de6802800c78b45ef388af628bff73a321:11:01:212:27c6a30d7c2412:1975ea83b7121:01:050:com.example.shop.db.orders.IndexOrdersConcurrently12:d4e5f6a7b8c925:Index orders concurrently64:db51cce2928d680e76e14c0a8f9d98c984e110ea593cbfc4b46bef54096870701:01:122:drops the legacy index1:112:3cc0f3a6b0e11:01:0");
    return table.build(new String[] {"d4e5f6a7b8c9"}, new String[] {"ae1027a6acf0"});
  }

  @Override
  protected Migration newMigration(int index) {
    switch (index / PAGE_SIZE) {
      case 0:
        return Page0.newMigration(index);
      default:
        throw new IndexOutOfBoundsException("No revision at index " + index);
    }
  }

  /**
   * Revisions 0 to 4: the only code that creates their migrations.
   */
  private static final class Page0 {
    static Migration newMigration(int index) {
      switch (index) {
        case 0:
          return new CreateUsers();
        case 1:
          return new CreateOrders();
        case 2:
          return new AddEmailVerifiedColumnToUsers();
        case 3:
          return new MergeEmailAndOrders();
        case 4:
          return new IndexOrdersConcurrently();
        default:
          throw new IndexOutOfBoundsException("No revision at index " + index);
      }
    }
  }
}
