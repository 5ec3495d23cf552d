package dev.retort.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the generated registry class, placed on the {@code package-info.java} of the package
 * that should hold it:
 *
 * <pre>{@code
 * @RegistryName("ShopRevisions")
 * package com.example.shop.db;
 * }</pre>
 *
 * <p>Without it the registry is {@code Revisions} in the deepest package that contains every
 * {@link Revision} of the compilation. The processor option {@code -Aretort.registry=pkg.Name}
 * takes precedence over both.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface RegistryName {

  /** The simple name of the generated registry class. */
  String value();
}
