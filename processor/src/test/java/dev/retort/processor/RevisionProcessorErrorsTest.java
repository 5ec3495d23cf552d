package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Sources.compile;
import static dev.retort.processor.Sources.migration;
import static dev.retort.processor.Sources.migrationWithBody;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.annotations.Revision;
import dev.retort.processor.messages.Messages;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One compilation per diagnostic: the message, the file and the line it points at. */
class RevisionProcessorErrorsTest {

  private static final JavaFileObject CREATE_USERS = migration("com.example.db.CreateUsers",
      "@Revision(id = \"ae1027a6acf0\", message = \"Create users\")");
  private static final JavaFileObject IDS = JavaFileObjects.forSourceLines("com.example.db.Ids",
      "package com.example.db;",
      "public final class Ids {",
      "  public static final String CREATE_USERS = \"ae1027a6acf0\";",
      "  public static final String WHY = \"drops the legacy table\";",
      "}");

  @Test
  void aDuplicateId_failsAtBothClasses() {
    JavaFileObject other = migration("com.example.db.CreateOrders",
        "@Revision(id = \"ae1027a6acf0\", message = \"Create orders\")");

    Compilation compilation = compile(CREATE_USERS, other);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.DUPLICATE_ID + " Revision id 'ae1027a6acf0'"
            + " is declared by ae1027a6acf0 (CreateUsers) and by ae1027a6acf0 (CreateOrders)")
        .inFile(CREATE_USERS).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining(
            "is declared by ae1027a6acf0 (CreateOrders) and by ae1027a6acf0 (CreateUsers)")
        .inFile(other).onLineContaining("@Revision");
  }

  @Test
  void anUnknownParent_failsAtTheWrongId_namingTheClosestRealOne() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf9\")");

    Compilation compilation = compile(CREATE_USERS, child);

    assertThat(compilation).hadErrorContaining(Messages.UNKNOWN_PARENT
            + " 27c6a30d7c24 (AddEmail) revises 'ae1027a6acf9', but no revision has that id."
            + " Closest existing id: ae1027a6acf0 (CreateUsers).")
        .inFile(child).onLineContaining("revises = \"ae1027a6acf9\"");
  }

  @Test
  void anUnknownParentInAMultiLineArray_pointsAtThatElement() {
    JavaFileObject merge = migration("com.example.db.MergeHeads", """
        @Revision(
            id = "m1",
            revises = {
              "ae1027a6acf0",
              "nope"
            })""");

    Compilation compilation = compile(CREATE_USERS, merge);

    assertThat(compilation).hadErrorContaining("revises 'nope'")
        .inFile(merge).onLineContaining("\"nope\"");
  }

  @Test
  void anUnknownDependency_failsAtDependsOn_namingTheClosestRealOne() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\", dependsOn = \"ae1027a6acfX\")");

    assertThat(compile(CREATE_USERS, child))
        .hadErrorContaining(Messages.unknownDependency("b1 (AddEmail)", "ae1027a6acfX",
            List.of("ae1027a6acf0 (CreateUsers)")))
        .inFile(child).onLineContaining("dependsOn");
  }

  @Test
  void aRevisionRevisingItself_fails() {
    JavaFileObject loop = migration("com.example.db.Loop", "@Revision(id = \"a1\", revises = \"a1\")");

    assertThat(compile(loop))
        .hadErrorContaining(Messages.revisesItself("a1 (Loop)", "revises"))
        .inFile(loop).onLineContaining("@Revision");
  }

  @Test
  void aCycle_failsAtEachMember_printingThePath() {
    JavaFileObject a = migration("com.example.db.A", "@Revision(id = \"a\", revises = \"c\")");
    JavaFileObject b = migration("com.example.db.B", "@Revision(id = \"b\", revises = \"a\")");
    JavaFileObject c = migration("com.example.db.C", "@Revision(id = \"c\", revises = \"b\")");

    Compilation compilation = compile(a, b, c);

    assertThat(compilation).hadErrorContaining("a (A) is part of a cycle: a -> b -> c -> a")
        .inFile(a).onLineContaining("revises = \"c\"");
    assertThat(compilation).hadErrorContaining("b (B) is part of a cycle: b -> c -> a -> b")
        .inFile(b).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("c (C) is part of a cycle: c -> a -> b -> c")
        .inFile(c).onLineContaining("@Revision");
  }

  @Test
  void twoHeads_failAtEachHead_withTheMergeCommand() {
    JavaFileObject left = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\")");
    JavaFileObject right = migration("com.example.db.AddPhone",
        "@Revision(id = \"c1\", revises = \"ae1027a6acf0\")");

    Compilation compilation = compile(CREATE_USERS, left, right);

    assertThat(compilation).hadErrorContaining(Messages.MULTIPLE_HEADS
            + " The revision graph has 2 heads: b1 (AddEmail), c1 (AddPhone)")
        .inFile(left).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("retort merge b1 c1 -m \"Merge heads\"")
        .inFile(right).onLineContaining("@Revision");
  }

  @Test
  void twoHeads_withTheCommandOption_nameThatCommandInTheFix() {
    JavaFileObject left = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\")");
    JavaFileObject right = migration("com.example.db.AddPhone",
        "@Revision(id = \"c1\", revises = \"ae1027a6acf0\")");

    Compilation compilation = Sources.javac()
        .withOptions("-A" + Messages.COMMAND_OPTION + "=scripts/db_migrate")
        .compile(CREATE_USERS, left, right);

    assertThat(compilation).hadErrorContaining("`scripts/db_migrate merge b1 c1 -m \"Merge heads\"`")
        .inFile(left).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("`scripts/db_migrate merge b1 c1 -m \"Merge heads\"`")
        .inFile(right).onLineContaining("@Revision");
  }

  @Test
  void aCommandOptionWithALineBreak_fails_namingTheOption() {
    Compilation compilation = Sources.javac()
        .withOptions("-A" + Messages.COMMAND_OPTION + "=retort\nFAKE")
        .compile(CREATE_USERS);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.invalidCommandOption("retort\nFAKE"));
  }

  @Test
  void aMessageWithALineBreak_failsAtTheMessage() {
    JavaFileObject forged = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\",\n"
            + "    message = \"Add email\\nae1027a6acf0 -> deadbeef (head), Drop users\")");

    Compilation compilation = compile(CREATE_USERS, forged);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.invalidMessage("b1 (AddEmail)",
            Messages.containsLineBreak('\n')))
        .inFile(forged).onLineContaining("message = ");
  }

  @Test
  void aMessageLongerThanTheHistoryColumn_failsAtTheMessage() {
    JavaFileObject wordy = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\",\n"
            + "    message = \"" + "x".repeat(713) + "\")");

    assertThat(compile(CREATE_USERS, wordy))
        .hadErrorContaining(Messages.invalidMessage("b1 (AddEmail)", Messages.messageTooLong(713)))
        .inFile(wordy).onLineContaining("message = ");
  }

  @Test
  void twoHeads_inPermissiveMode_areWarningsAndTheRegistryIsWritten() {
    JavaFileObject left = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\")");
    JavaFileObject right = migration("com.example.db.AddPhone",
        "@Revision(id = \"c1\", revises = \"ae1027a6acf0\")");

    Compilation compilation = Sources.javac()
        .withOptions("-A" + Messages.PERMISSIVE_OPTION + "=true")
        .compile(CREATE_USERS, left, right);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Messages.MULTIPLE_HEADS)
        .inFile(left).onLineContaining("@Revision");
    assertThat(compilation).generatedSourceFile("com.example.db.Revisions");
  }

  @Test
  void headsOfDistinctLabelledBranches_compile() {
    JavaFileObject billing = migration("com.example.db.CreateInvoices",
        "@Revision(id = \"f1\", branchLabels = \"billing\")");
    JavaFileObject core = migration("com.example.db.CreateUsers",
        "@Revision(id = \"ae1027a6acf0\", branchLabels = \"core\")");

    assertThat(compile(core, billing)).succeeded();
  }

  /** The documented way to start an independent branch: the trunk keeps no label. */
  @Test
  void aLabelledIndependentBranch_besideTheUnlabelledTrunk_compiles() {
    JavaFileObject addEmail = migration("com.example.db.AddEmail",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf0\")");
    JavaFileObject invoices = migration("com.example.db.CreateInvoices",
        "@Revision(id = \"f1\", branchLabels = \"billing\")");
    JavaFileObject tax = migration("com.example.db.AddInvoiceTax",
        "@Revision(id = \"f2\", revises = \"f1\")");

    Compilation compilation = compile(CREATE_USERS, addEmail, invoices, tax);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void aSecondUnlabelledBase_fails() {
    JavaFileObject orphan = migration("com.example.db.CreateOrders", "@Revision(id = \"x1\")");
    JavaFileObject merge = migration("com.example.db.Merge",
        "@Revision(id = \"m1\", revises = {\"ae1027a6acf0\", \"x1\"})");

    assertThat(compile(CREATE_USERS, orphan, merge))
        .hadErrorContaining(Messages.MULTIPLE_BASES + " The revision graph has 2 bases")
        .inFile(orphan).onLineContaining("@Revision");
  }

  @Test
  void anInvalidId_failsAtTheId() {
    JavaFileObject bad = migration("com.example.db.Bad", "@Revision(id = \"release-1\")");

    assertThat(compile(bad))
        .hadErrorContaining(Messages.invalidId(Messages.DEFAULT_COMMAND, 
            "release-1 (Bad)", "release-1", Messages.containsTargetSyntax('-')))
        .inFile(bad).onLineContaining("id = \"release-1\"");
  }

  @Test
  void aReservedWordAsId_fails() {
    JavaFileObject bad = migration("com.example.db.Bad", "@Revision(id = \"head\")");

    assertThat(compile(bad)).hadErrorContaining(Messages.reservedWord())
        .inFile(bad).onLineContaining("@Revision");
  }

  @Test
  void anEmptyOrOverlongId_fails() {
    JavaFileObject empty = migration("com.example.db.Empty", "@Revision(id = \"\")");
    JavaFileObject overlong = migration("com.example.db.Overlong",
        "@Revision(id = \"" + "a".repeat(33) + "\", revises = \"\")");

    assertThat(compile(empty)).hadErrorContaining(Messages.emptyValue())
        .inFile(empty).onLineContaining("@Revision");
    assertThat(compile(overlong)).hadErrorContaining(Messages.tooLong(33))
        .inFile(overlong).onLineContaining("@Revision");
  }

  @Test
  void aBranchLabelUsedTwice_fails() {
    JavaFileObject core = migration("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", branchLabels = \"core\")");
    JavaFileObject again = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"core\")");

    assertThat(compile(core, again))
        .hadErrorContaining(Messages.DUPLICATE_BRANCH_LABEL + " Branch label 'core' is declared"
            + " by b1 (AddEmail) and by a1 (CreateUsers)")
        .inFile(again).onLineContaining("branchLabels");
  }

  @Test
  void aBranchLabelEqualToAnId_fails() {
    JavaFileObject core = migration("com.example.db.CreateUsers", "@Revision(id = \"a1\")");
    JavaFileObject labelled = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"a1\")");

    assertThat(compile(core, labelled))
        .hadErrorContaining(Messages.branchLabelIsRevisionId("b1 (AddEmail)", "a1", "a1 (CreateUsers)"))
        .inFile(labelled).onLineContaining("branchLabels");
  }

  @Test
  void aParentListedTwice_failsAtTheRepeat() {
    JavaFileObject twice = migration("com.example.db.AddEmail", """
        @Revision(
            id = "b1",
            revises = {
              "ae1027a6acf0", // the first copy
              "ae1027a6acf0" // the repeat
            })""");

    Compilation compilation = compile(CREATE_USERS, twice);

    assertThat(compilation)
        .hadErrorContaining(Messages.duplicateParent("b1 (AddEmail)", "revises", "ae1027a6acf0"))
        .inFile(twice).onLineContaining("the repeat");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aClassThatIsNotAMigration_fails() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.NotAMigration",
        "package com.example.db;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public class NotAMigration {}");

    assertThat(compile(source))
        .hadErrorContaining(Messages.notAMigration(
            "com.example.db.NotAMigration", "dev.retort.runtime.Migration"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
  }

  @Test
  void anInterfaceAnnotatedRevision_fails() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.Shape",
        "package com.example.db;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public interface Shape extends dev.retort.runtime.Migration {}");

    assertThat(compile(source))
        .hadErrorContaining(Messages.notAClass("com.example.db.Shape"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
  }

  @Test
  void aClassThatIsNotPublic_fails() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.Hidden",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "class Hidden implements Migration {",
        "  public void upgrade(DSLContext db) {}",
        "  public void downgrade(DSLContext db) {}",
        "}");

    assertThat(compile(source)).hadErrorContaining(Messages.notPublic("com.example.db.Hidden"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
  }

  @Test
  void anAbstractClass_fails() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.Base",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public abstract class Base implements Migration {}");

    assertThat(compile(source)).hadErrorContaining(Messages.isAbstract("com.example.db.Base"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
  }

  @Test
  void anInnerClass_orOneNestedInAHiddenClass_fails() {
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.Outer",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "public class Outer {",
        "  @dev.retort.annotations.Revision(id = \"a1\")",
        "  public class Inner implements Migration {",
        "    public void upgrade(DSLContext db) {}",
        "    public void downgrade(DSLContext db) {}",
        "  }",
        "  static class Hidden {",
        "    @dev.retort.annotations.Revision(id = \"b1\", revises = \"a1\")",
        "    public static class Deep implements Migration {",
        "      public void upgrade(DSLContext db) {}",
        "      public void downgrade(DSLContext db) {}",
        "    }",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.isInnerClass("com.example.db.Outer.Inner"))
        .inFile(source).onLineContaining("id = \"a1\"");
    assertThat(compilation)
        .hadErrorContaining(Messages.enclosingNotPublic("com.example.db.Outer.Hidden.Deep", "Hidden"))
        .inFile(source).onLineContaining("id = \"b1\"");
  }

  /** Before, such a class gave a registry that did not compile, with javac's error in it. */
  @Test
  void aClassNamedWithADollar_orNestedInOne_failsAtTheAnnotation_notInTheRegistry() {
    JavaFileObject topLevel = migration("com.example.db.V1$Init", "@Revision(id = \"a1\")");
    JavaFileObject nested = JavaFileObjects.forSourceLines("com.example.db.Old$Style",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "public class Old$Style {",
        "  @dev.retort.annotations.Revision(id = \"b1\", revises = \"a1\")",
        "  public static class Inner implements Migration {",
        "    public void upgrade(DSLContext db) {}",
        "    public void downgrade(DSLContext db) {}",
        "  }",
        "}");

    Compilation compilation = compile(topLevel, nested);

    assertThat(compilation).hadErrorContaining(
        Messages.dollarInClassName("com.example.db.V1$Init", "V1$Init"))
        .inFile(topLevel).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining(
        Messages.dollarInClassName("com.example.db.Old$Style.Inner", "Old$Style"))
        .inFile(nested).onLineContaining("id = \"b1\"");
    // No third error: the processor writes no registry for javac to fail on.
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aClassWithoutAPublicNoArgConstructor_fails() {
    JavaFileObject source = migrationWithBody("com.example.db.NeedsArgs", "@Revision(id = \"a1\")",
        """
          public NeedsArgs(String table) {}
          public void upgrade(DSLContext db) {}
          public void downgrade(DSLContext db) {}
        """);

    assertThat(compile(source))
        .hadErrorContaining(Messages.noPublicNoArgConstructor("com.example.db.NeedsArgs"))
        .inFile(source).onLineContaining("@Revision");
  }

  @Test
  void aMigrationWithoutDowngrade_mustSayItIsIrreversible() {
    JavaFileObject source = migrationWithBody("com.example.db.DropLegacy", "@Revision(id = \"a1\")",
        "  public void upgrade(DSLContext db) {}");

    assertThat(compile(source))
        .hadErrorContaining(Messages.missingDowngrade("com.example.db.DropLegacy"))
        .inFile(source).onLineContaining("@Revision");
  }

  @Test
  void aDowngradeInheritedFromASuperclass_orAnInterfacesDefault_counts() {
    JavaFileObject base = JavaFileObjects.forSourceLines("com.example.db.Reversible",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "public abstract class Reversible implements Migration {",
        "  public void downgrade(DSLContext db) { db.execute(\"select 2\"); }",
        "}");
    JavaFileObject face = JavaFileObjects.forSourceLines("com.example.db.DropsWhatItMade",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "public interface DropsWhatItMade extends Migration {",
        "  default void downgrade(DSLContext db) { db.execute(\"select 2\"); }",
        "}");
    JavaFileObject fromClass = JavaFileObjects.forSourceLines("com.example.db.FromClass",
        "package com.example.db;",
        "import org.jooq.DSLContext;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public class FromClass extends Reversible {",
        "  public void upgrade(DSLContext db) {}",
        "}");
    JavaFileObject fromInterface = JavaFileObjects.forSourceLines("com.example.db.FromInterface",
        "package com.example.db;",
        "import org.jooq.DSLContext;",
        "@dev.retort.annotations.Revision(id = \"b1\", revises = \"a1\")",
        "public class FromInterface implements DropsWhatItMade {",
        "  public void upgrade(DSLContext db) {}",
        "}");

    assertThat(compile(base, face, fromClass, fromInterface)).succeeded();
  }

  @Test
  void aPrivateDowngradeOfASuperclass_isNoDowngrade() {
    JavaFileObject base = JavaFileObjects.forSourceLines("com.example.db.Helpers",
        "package com.example.db;",
        "import org.jooq.DSLContext;",
        "public class Helpers {",
        "  private void downgrade(DSLContext db) {}",
        "}");
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.DropLegacy",
        "package com.example.db;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public class DropLegacy extends Helpers implements Migration {",
        "  public void upgrade(DSLContext db) {}",
        "}");

    assertThat(compile(base, source))
        .hadErrorContaining(Messages.missingDowngrade("com.example.db.DropLegacy"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
  }

  @Test
  void anIrreversibleMigrationWithoutDowngrade_compiles() {
    JavaFileObject source = migrationWithBody("com.example.db.DropLegacy",
        "@Revision(id = \"a1\")\n@Irreversible(\"drops the legacy table and its rows\")",
        "  public void upgrade(DSLContext db) {}");

    assertThat(compile(source)).succeeded();
  }

  @Test
  void anIrreversibleReasonWithALineBreak_orBlank_failsAtTheReason() {
    JavaFileObject forged = migrationWithBody("com.example.db.DropLegacy",
        "@Revision(id = \"a1\")\n"
            + "@Irreversible(\"drops the table\\nRevision: deadbeef (head)\")",
        "  public void upgrade(DSLContext db) {}");
    JavaFileObject blank = migrationWithBody("com.example.db.DropOrders",
        "@Revision(id = \"b1\", revises = \"a1\")\n@Irreversible(\" \")",
        "  public void upgrade(DSLContext db) {}");

    Compilation compilation = compile(forged, blank);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.invalidIrreversibleReason(
            "a1 (DropLegacy)", Messages.containsLineBreak('\n')))
        .inFile(forged).onLineContaining("@Irreversible");
    assertThat(compilation).hadErrorContaining(Messages.invalidIrreversibleReason(
            "b1 (DropOrders)", Messages.saysNothing()))
        .inFile(blank).onLineContaining("@Irreversible");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void anIrreversibleMigrationWithADowngrade_fails() {
    JavaFileObject source = migration("com.example.db.DropLegacy",
        "@Revision(id = \"a1\") @Irreversible(\"drops data\")");

    assertThat(compile(source))
        .hadErrorContaining(Messages.irreversibleWithDowngrade("com.example.db.DropLegacy"))
        .inFile(source).onLineContaining("@Revision");
  }

  @Test
  void revisionsThatShareNoPackage_needARegistryName() {
    JavaFileObject one = migration("com.example.db.CreateUsers", "@Revision(id = \"a1\")");
    JavaFileObject two = migration("org.other.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"a1\")");

    assertThat(compile(one, two))
        .hadErrorContaining(Messages.noCommonPackage(List.of("com.example.db", "org.other.db")))
        .inFile(one).onLineContaining("@Revision");
  }

  @Test
  void anInvalidRegistryOption_fails() {
    assertThat(Sources.javac().withOptions("-A" + Messages.REGISTRY_OPTION + "=com.example.1bad")
            .compile(CREATE_USERS))
        .hadErrorContaining(Messages.invalidRegistryOption("com.example.1bad"))
        .inFile(CREATE_USERS).onLineContaining("@Revision");
  }

  @Test
  void aMigrationInTheUnnamedPackage_withARegistryInANamedOne_isReportedWithTheFix() {
    JavaFileObject unnamed = JavaFileObjects.forSourceLines("CreateUsers",
        "import dev.retort.annotations.Revision;",
        "import dev.retort.runtime.Migration;",
        "import org.jooq.DSLContext;",
        "@Revision(id = \"a1\")",
        "public class CreateUsers implements Migration {",
        "  public void upgrade(DSLContext db) {}",
        "  public void downgrade(DSLContext db) {}",
        "}");

    Compilation named = Sources.javac()
        .withOptions("-A" + Messages.REGISTRY_OPTION + "=com.example.db.Revisions")
        .compile(unnamed);
    Compilation alongside = Sources.javac().compile(unnamed);

    assertThat(named).hadErrorContaining(Messages.revisionInUnnamedPackage(
            "com.example.db.Revisions", "a1 (CreateUsers)"))
        .inFile(unnamed).onLineContaining("@Revision");
    assertThat(named).hadErrorCount(1);
    assertThat(alongside).succeededWithoutWarnings();
    assertThat(alongside).generatedSourceFile("Revisions");
  }

  @Test
  void aBrokenGraph_reportsTheCauseAlone() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"nope\")");

    Compilation compilation = compile(CREATE_USERS, child);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aClassTakingTheRegistrysName_isReportedWithTheFix() {
    JavaFileObject clash = JavaFileObjects.forSourceLines("com.example.db.Revisions",
        "package com.example.db;",
        "public class Revisions {}");

    assertThat(compile(CREATE_USERS, clash))
        .hadErrorContaining(Messages.registryNameTaken("com.example.db.Revisions"))
        .inFile(CREATE_USERS).onLineContaining("@Revision");
  }

  @Test
  void aFailureInsideTheProcessor_becomesOneErrorWithTheTrace_notACrash() {
    // A class in the markers' package with the marker's name makes the Filer refuse the marker.
    JavaFileObject clash = JavaFileObjects.forSourceLines(
        "dev.retort.aggregated.com_example_db_Revisions",
        "package dev.retort.aggregated;",
        "public class com_example_db_Revisions {}");

    Compilation compilation = compile(CREATE_USERS, clash);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.INTERNAL_ERROR);
    assertThat(compilation).hadErrorContaining("at dev.retort.processor.RevisionProcessor");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aMisspeltConstant_isLeftToJavac_withoutAnInternalError() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\",\n    revises = Ids.CREATE_USRES)");

    Compilation compilation = compile(IDS, CREATE_USERS, child);

    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(child).onLineContaining("Ids.CREATE_USRES");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadNoteContaining(
            Messages.unresolvedValue("@Revision(revises)", "com.example.db.AddEmail"))
        .inFile(child).onLineContaining("Ids.CREATE_USRES");
  }

  @Test
  void aRevisionWithoutItsId_orAnIrreversibleWithoutItsReason_isLeftToJavac() {
    JavaFileObject noId = migration("com.example.db.AddEmail", "@Revision(revises = \"a1\")");
    JavaFileObject noReason = migrationWithBody("com.example.db.DropLegacy", """
        @Revision(id = "c1", revises = "a1")
        @Irreversible()""", "  public void upgrade(DSLContext db) {}");

    Compilation compilation = compile(CREATE_USERS, noId, noReason);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("missing a default value for the element 'id'")
        .inFile(noId).onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("missing a default value for the element 'value'")
        .inFile(noReason).onLineContaining("@Irreversible");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aMisspeltConstantInAnArray_orInIrreversible_isLeftToJavac() {
    JavaFileObject merge = migrationWithBody("com.example.db.DropLegacy", """
        @Revision(id = "b1", revises = {Ids.CREATE_USERS, Ids.NOPE})
        @Irreversible(Ids.WHY)""", "  public void upgrade(DSLContext db) {}");

    Compilation compilation = compile(IDS, CREATE_USERS, merge);

    assertThat(compilation).failed();
    assertThat(compilation.errors().stream().map(error -> error.getMessage(null))
        .filter(message -> message.contains("[Retort/"))).isEmpty();
    assertThat(compilation).hadNoteContaining(Messages.UNRESOLVED_VALUE)
        .inFile(merge).onLineContaining("Ids.NOPE");
  }

  @Test
  void aMisspeltConstantInRegistryName_isLeftToJavac() {
    JavaFileObject packageInfo = JavaFileObjects.forSourceLines("com.example.db.package-info",
        "@dev.retort.annotations.RegistryName(com.example.db.Ids.REGISTRY)",
        "package com.example.db;");

    Compilation compilation = compile(IDS, CREATE_USERS, packageInfo);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadNoteContaining(
            Messages.unresolvedValue("@RegistryName(value)", "com.example.db"))
        .inFile(packageInfo).onLineContaining("Ids.REGISTRY");
  }

  @Test
  void aConstantThatAnotherProcessorGenerates_isReadOnceItExists() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = GeneratedIds.CREATE_USERS)");
    Processor generator = OtherProcessors.writing("com.example.db.GeneratedIds",
        "package com.example.db; public final class GeneratedIds {"
            + " public static final String CREATE_USERS = \"ae1027a6acf0\"; }");

    Compilation compilation = Compiler.javac()
        .withProcessors(new RevisionProcessor(), generator)
        .compile(CREATE_USERS, child);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.db.Revisions").contentsAsUtf8String()
        .contains("new String[] {\"ae1027a6acf0\"}");
  }

  static Stream<Arguments> invalidIds() {
    return Stream.of(
        arguments("   ", Messages.emptyValue()),
        arguments("add users", Messages.containsWhitespace()),
        arguments("billing@v2", Messages.containsTargetSyntax('@')),
        arguments("ae1027+1", Messages.containsTargetSyntax('+')),
        arguments("from:to", Messages.containsTargetSyntax(':')),
        arguments("heads", Messages.reservedWord()),
        arguments("base", Messages.reservedWord()),
        arguments("current", Messages.reservedWord()));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @MethodSource("invalidIds")
  void anInvalidId_failsAtTheId_sayingWhy(String id, String reason) {
    JavaFileObject bad = migration("com.example.db.Bad", "@Revision(\n    id = \"" + id + "\")");

    assertThat(compile(bad))
        .hadErrorContaining(Messages.invalidId(Messages.DEFAULT_COMMAND, id + " (Bad)", id, reason))
        .inFile(bad).onLineContaining("id = \"" + id + "\"");
  }

  @Test
  void aSecondBase_inPermissiveMode_isAWarningAndTheRegistryIsWritten() {
    JavaFileObject orphan = migration("com.example.db.CreateOrders", "@Revision(id = \"x1\")");
    JavaFileObject merge = migration("com.example.db.Merge",
        "@Revision(id = \"m1\", revises = {\"ae1027a6acf0\", \"x1\"})");

    Compilation compilation = Sources.javac()
        .withOptions("-A" + Messages.PERMISSIVE_OPTION + "=true")
        .compile(CREATE_USERS, orphan, merge);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Messages.multipleBases(Messages.DEFAULT_COMMAND, "x1 (CreateOrders)",
            List.of("ae1027a6acf0 (CreateUsers)", "x1 (CreateOrders)"), true))
        .inFile(orphan).onLineContaining("@Revision");
    assertThat(compilation).hadWarningContaining(Messages.MULTIPLE_BASES)
        .inFile(CREATE_USERS).onLineContaining("@Revision");
    assertThat(compilation).generatedSourceFile("com.example.db.Revisions");
  }

  @Test
  void aTruncatedParentId_suggestsTheIdsThatStartWithItsFirstFourCharacters() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae10\")");

    assertThat(compile(CREATE_USERS, child))
        .hadErrorContaining(Messages.unknownParent("27c6a30d7c24 (AddEmail)", "ae10",
            List.of("ae1027a6acf0 (CreateUsers)")))
        .inFile(child).onLineContaining("revises = \"ae10\"");
  }

  @Test
  void anIdThatSharesOnlyThreeCharacters_getsNoSuggestion() {
    JavaFileObject child = migration("com.example.db.AddEmail",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae1\")");

    assertThat(compile(CREATE_USERS, child))
        .hadErrorContaining(Messages.unknownParent("27c6a30d7c24 (AddEmail)", "ae1", List.of()))
        .inFile(child).onLineContaining("revises = \"ae1\"");
  }

  @Test
  void aRevisionDependingOnItself_failsAtDependsOn() {
    JavaFileObject loop = migration("com.example.db.AddEmail",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\",\n    dependsOn = \"b1\")");

    assertThat(compile(CREATE_USERS, loop))
        .hadErrorContaining(Messages.revisesItself("b1 (AddEmail)", "dependsOn"))
        .inFile(loop).onLineContaining("dependsOn = \"b1\"");
  }

  @Test
  void aCycleThroughDependsOn_failsAtEachMember_atTheValueThatClosesIt() {
    JavaFileObject b = migration("com.example.db.B",
        "@Revision(id = \"b\", revises = \"ae1027a6acf0\",\n    dependsOn = \"c\")");
    JavaFileObject c = migration("com.example.db.C", "@Revision(id = \"c\",\n    revises = \"b\")");

    Compilation compilation = compile(CREATE_USERS, b, c);

    assertThat(compilation).hadErrorContaining(Messages.CYCLE + " b (B) is part of a cycle:"
            + " b -> c -> b")
        .inFile(b).onLineContaining("dependsOn = \"c\"");
    assertThat(compilation).hadErrorContaining(Messages.CYCLE + " c (C) is part of a cycle:"
            + " c -> b -> c")
        .inFile(c).onLineContaining("revises = \"b\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aRevisionCompiledWithoutTheRuntime_isToldToAddIt() {
    File annotationsOnly = new File(
        Revision.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    JavaFileObject source = JavaFileObjects.forSourceLines("com.example.db.CreateUsers",
        "package com.example.db;",
        "@dev.retort.annotations.Revision(id = \"a1\")",
        "public class CreateUsers {}");

    Compilation compilation = Sources.javac().withClasspath(List.of(annotationsOnly))
        .compile(source);

    assertThat(compilation)
        .hadErrorContaining(Messages.runtimeMissing("dev.retort.runtime.Migration"))
        .inFile(source).onLineContaining("@dev.retort.annotations.Revision");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void severalRegistryNames_failAtEachPackage() {
    JavaFileObject orders = migration("com.example.db.orders.CreateOrders",
        "@Revision(id = \"b1\", revises = \"ae1027a6acf0\")");
    JavaFileObject db = JavaFileObjects.forSourceLines("com.example.db.package-info",
        "@dev.retort.annotations.RegistryName(\"ShopRevisions\")",
        "package com.example.db;");
    JavaFileObject ordersPackage = JavaFileObjects.forSourceLines(
        "com.example.db.orders.package-info",
        "@dev.retort.annotations.RegistryName(\"OrderRevisions\")",
        "package com.example.db.orders;");

    Compilation compilation = compile(CREATE_USERS, orders, db, ordersPackage);

    String message = Messages.severalRegistryNames(List.of("com.example.db", "com.example.db.orders"));
    assertThat(compilation).hadErrorContaining(message)
        .inFile(db).onLineContaining("ShopRevisions");
    assertThat(compilation).hadErrorContaining(message)
        .inFile(ordersPackage).onLineContaining("OrderRevisions");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aRegistryNameThatIsNotAClassName_failsAtTheAnnotation() {
    JavaFileObject packageInfo = JavaFileObjects.forSourceLines("com.example.db.package-info",
        "@dev.retort.annotations.RegistryName(\"1Revisions\")",
        "package com.example.db;");

    assertThat(compile(CREATE_USERS, packageInfo))
        .hadErrorContaining(Messages.invalidRegistryName("1Revisions"))
        .inFile(packageInfo).onLineContaining("@dev.retort.annotations.RegistryName");
  }

  @Test
  void aRevisionThatAnotherProcessorGeneratesAfterTheRegistry_isReportedAsLate() {
    Processor generator = OtherProcessors.writing("com.example.db.AddEmail", """
        package com.example.db;
        @dev.retort.annotations.Revision(id = "b1", revises = "ae1027a6acf0")
        public class AddEmail implements dev.retort.runtime.Migration {
          public void upgrade(org.jooq.DSLContext db) {}
          public void downgrade(org.jooq.DSLContext db) {}
        }
        """);

    Compilation compilation = Compiler.javac()
        .withProcessors(new RevisionProcessor(), generator)
        .compile(CREATE_USERS);

    assertThat(compilation).hadErrorContaining(
        Messages.lateRevision("com.example.db.AddEmail", "com.example.db.Revisions"));
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void theAnnotationIsNotClaimed_soAnotherProcessorStillSeesIt() {
    List<String> seen = new ArrayList<>();

    Compilation compilation = Compiler.javac()
        .withProcessors(new RevisionProcessor(),
            OtherProcessors.recording(Revision.class.getCanonicalName(), seen))
        .compile(CREATE_USERS);

    assertThat(compilation).succeeded();
    assertThat(seen).containsExactly("com.example.db.CreateUsers");
  }

  @Test
  void anIdWithACharacterUnsafeInJavaOrSql_fails() {
    JavaFileObject bad = migration("com.example.db.Bad", "@Revision(id = \"a*/b\")");

    assertThat(compile(bad))
        .hadErrorContaining(Messages.containsUnsafeCharacter('*'))
        .inFile(bad).onLineContaining("@Revision");
  }

  @Test
  void anInvalidBranchLabel_failsAtTheLabel() {
    JavaFileObject bad = migration("com.example.db.Bad",
        "@Revision(id = \"a1\",\n    branchLabels = \"billing@v2\")");

    assertThat(compile(bad))
        .hadErrorContaining(Messages.invalidBranchLabel(
            "a1 (Bad)", "billing@v2", Messages.containsTargetSyntax('@')))
        .inFile(bad).onLineContaining("branchLabels");
  }

  @Test
  void aCycleWithTwoWaysBack_isReportedAtEveryMember() {
    JavaFileObject a = migration("com.example.db.A", "@Revision(id = \"a\", revises = {\"b\", \"c\"})");
    JavaFileObject b = migration("com.example.db.B", "@Revision(id = \"b\", revises = \"a\")");
    JavaFileObject c = migration("com.example.db.C", "@Revision(id = \"c\", revises = \"a\")");

    Compilation compilation = compile(a, b, c);

    assertThat(compilation).hadErrorContaining("a (A) is part of a cycle").inFile(a)
        .onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("b (B) is part of a cycle").inFile(b)
        .onLineContaining("@Revision");
    assertThat(compilation).hadErrorContaining("c (C) is part of a cycle").inFile(c)
        .onLineContaining("@Revision");
  }
}
