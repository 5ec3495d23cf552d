package dev.retort.autogenerate;

import java.util.List;

/**
 * The Java source of a generated revision's {@code upgrade} and {@code downgrade} methods: each
 * body's statements indented for a method of a top-level class, and the imports they need
 * (besides {@code java.lang}).
 *
 * @param upgrade the statements of {@code upgrade(DSLContext db)}, with their review comments
 * @param downgrade the statements of {@code downgrade(DSLContext db)}
 * @param imports fully qualified names of the types the bodies use, sorted
 */
public record RevisionBodies(String upgrade, String downgrade, List<String> imports) {

  public RevisionBodies {
    imports = List.copyOf(imports);
  }
}
