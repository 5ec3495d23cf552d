package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClassNameTest {

  @Test
  void aNestedClass_isWrittenWithDots_andLoadedWithDollars() {
    ClassName builder = ClassName.of("dev.retort.runtime", "RevisionTable", "Builder");

    assertThat(builder.canonicalName()).isEqualTo("dev.retort.runtime.RevisionTable.Builder");
    assertThat(builder.binaryName()).isEqualTo("dev.retort.runtime.RevisionTable$Builder");
    assertThat(builder.simpleName()).isEqualTo("Builder");
    assertThat(builder.topLevel()).isEqualTo(ClassName.of("dev.retort.runtime", "RevisionTable"));
    assertThat(builder.toString()).isEqualTo(builder.canonicalName());
  }

  @Test
  void aBinaryName_splitsIntoItsPackageAndEachNestedName() {
    assertThat(ClassName.fromBinaryName("com.example.Outer$V1_Init"))
        .isEqualTo(ClassName.of("com.example", "Outer", "V1_Init"));
    assertThat(ClassName.fromBinaryName("V1_Init")).isEqualTo(ClassName.of("", "V1_Init"));
    assertThat(ClassName.fromBinaryName("a.b.C$D$E").binaryName()).isEqualTo("a.b.C$D$E");
  }

  @Test
  void aClassInTheUnnamedPackage_hasNoLeadingDot() {
    ClassName registry = ClassName.of("", "Revisions");

    assertThat(registry.canonicalName()).isEqualTo("Revisions");
    assertThat(registry.binaryName()).isEqualTo("Revisions");
    assertThat(registry.peer("RevisionsConstants1").canonicalName())
        .isEqualTo("RevisionsConstants1");
  }

  @Test
  void aPeer_isBesideTheClass_inItsPackageOrItsEnclosingClass() {
    assertThat(ClassName.of("a", "Revisions").peer("RevisionsConstants1"))
        .isEqualTo(ClassName.of("a", "RevisionsConstants1"));
    assertThat(ClassName.of("a", "Outer", "Inner").peer("Other"))
        .isEqualTo(ClassName.of("a", "Outer", "Other"));
    assertThat(ClassName.of("a", "Outer").nested("Inner"))
        .isEqualTo(ClassName.of("a", "Outer", "Inner"));
  }

  @Test
  void namesSortByHowTheyRead_asImportsDo() {
    TreeSet<ClassName> sorted = new TreeSet<>(List.of(ClassName.of("org.jooq", "DSLContext"),
        ClassName.of("com.example", "Zeta"), ClassName.of("com.example.a", "Alpha"),
        ClassName.of("com.example", "Alpha")));

    assertThat(sorted.stream().map(ClassName::canonicalName).toList()).containsExactly(
        "com.example.Alpha", "com.example.Zeta", "com.example.a.Alpha", "org.jooq.DSLContext")
        .inOrder();
  }

  @Test
  void aNameWithoutASimpleName_isRefused_andTheListIsCopied() {
    assertThrows(IllegalArgumentException.class, () -> new ClassName("a", List.of()));

    List<String> names = new ArrayList<>(List.of("Outer"));
    ClassName outer = new ClassName("a", names);
    names.add("Inner");
    assertThat(outer.simpleNames()).containsExactly("Outer");
  }

  @Test
  void namesAreEqual_andHashAlike_exactlyWhenPackageAndEverySimpleNameAre() {
    ClassName inner = ClassName.of("a.b", "Outer", "Inner");

    assertThat(ClassName.fromBinaryName("a.b.Outer$Inner")).isEqualTo(inner);
    assertThat(ClassName.fromBinaryName("a.b.Outer$Inner").hashCode())
        .isEqualTo(inner.hashCode());
    assertThat(ClassName.of("a", "b", "Outer", "Inner")).isNotEqualTo(inner);
    assertThat(ClassName.of("a.b", "Outer")).isNotEqualTo(inner);
    assertThat(ClassName.of("a.c", "Outer", "Inner")).isNotEqualTo(inner);
    assertThat(inner.topLevel()).isEqualTo(ClassName.of("a.b", "Outer"));
    assertThat(new HashSet<>(List.of(inner, ClassName.of("a.b", "Outer", "Inner"),
        inner.topLevel()))).hasSize(2);
    assertThat(inner.equals("a.b.Outer.Inner")).isFalse();
  }

  /** The processor used JavaPoet's {@code ClassName} before; the writers rely on the same names. */
  @Test
  void everyNameTheWritersUse_isJavaPoetsName() {
    List<List<String>> names = List.of(List.of("", "Revisions"), List.of("a.b", "Outer"),
        List.of("a.b", "Outer", "Inner"), List.of("", "Outer", "Inner", "Deeper"),
        List.of("com.example.db", "V1_Init"), List.of("java.lang", "String"));
    for (List<String> name : names) {
      String[] nested = name.subList(2, name.size()).toArray(String[]::new);
      ClassName ours = ClassName.of(name.get(0), name.get(1), nested);
      com.palantir.javapoet.ClassName theirs =
          com.palantir.javapoet.ClassName.get(name.get(0), name.get(1), nested);

      assertThat(ours.canonicalName()).isEqualTo(theirs.canonicalName());
      assertThat(ours.binaryName()).isEqualTo(theirs.reflectionName());
      assertThat(ours.simpleName()).isEqualTo(theirs.simpleName());
      assertThat(ours.simpleNames()).isEqualTo(theirs.simpleNames());
      assertThat(ours.packageName()).isEqualTo(theirs.packageName());
      assertThat(ours.topLevel().canonicalName())
          .isEqualTo(theirs.topLevelClassName().canonicalName());
      assertThat(ours.peer("Peer").canonicalName())
          .isEqualTo(theirs.peerClass("Peer").canonicalName());
      assertThat(ours.nested("Inner2").canonicalName())
          .isEqualTo(theirs.nestedClass("Inner2").canonicalName());
      assertThat(ClassName.fromBinaryName(theirs.reflectionName())).isEqualTo(ours);
    }
  }
}
