/**
 * The shop's schema history, one class per revision: the Java form of Alembic's {@code versions/}
 * folder. The processor checks the chain when this package compiles and writes
 * {@code com.example.shop.db.versions.Revisions}, the registry the application upgrades from.
 */
package com.example.shop.db.versions;
