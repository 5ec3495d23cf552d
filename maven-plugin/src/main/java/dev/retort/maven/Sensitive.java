package dev.retort.maven;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a mojo parameter whose value Maven's debug log must not show. With {@code -X}, Maven
 * prints every parameter as it configures a goal ({@code (f) password = ...});
 * {@link MaskingConfigurator} prints {@value Messages#MASK} for a parameter marked with this
 * annotation instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sensitive {}
