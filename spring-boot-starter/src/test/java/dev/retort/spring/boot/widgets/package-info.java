/**
 * The starter's test revisions: a table, a data migration, and a revision that fails on
 * duplicate names, so that tests can make it fail with data rather than with a test switch.
 * The processor writes {@code Revisions} here and registers it for {@code ServiceLoader}.
 */
package dev.retort.spring.boot.widgets;
