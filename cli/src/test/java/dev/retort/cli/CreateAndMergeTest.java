package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.runtime.messages.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** create and merge write sources that chain correctly and compile through the processor. */
class CreateAndMergeTest {

  @TempDir Path project;
  private Path versions;
  private Path config;

  @BeforeEach
  void writeProject() throws Exception {
    versions = Files.createDirectories(project.resolve("src/com/example/db"));
    config = project.resolve("retort.properties");
    Files.writeString(config, "migrations.source=src/com/example/db\n"
        + "migrations.package=com.example.db\n");
    Files.writeString(versions.resolve("M0001_CreateUsers.java"), """
        package com.example.db;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "ae1027a6acf0", message = "Create users")
        public final class M0001_CreateUsers implements Migration {
          public void upgrade(DSLContext db) {}
          public void downgrade(DSLContext db) {}
        }
        """);
  }

  private String retort(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(config.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = RetortCli.run(all.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return status + "|" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void twoCreatesInARow_chain_andCompile() throws Exception {
    String first = retort("create", "Add phone to users");
    String second = retort("create", "Index users by phone");

    assertThat(first).startsWith("0|Generating " + versions.resolve("M0002_AddPhoneToUsers.java"));
    assertThat(second).startsWith("0|Generating "
        + versions.resolve("M0003_IndexUsersByPhone.java"));
    String phone = Files.readString(versions.resolve("M0002_AddPhoneToUsers.java"));
    String index = Files.readString(versions.resolve("M0003_IndexUsersByPhone.java"));
    assertThat(phone).contains("revises = \"ae1027a6acf0\"");
    assertThat(phone).contains("message = \"Add phone to users\"");
    String phoneId = phone.replaceAll("(?s).*id = \"([0-9a-f]{12})\".*", "$1");
    assertThat(index).contains("revises = \"" + phoneId + "\"");
    assertThat(compile()).isEmpty();
  }

  /**
   * The root README's workflow tells the user to fill in these two lines; with either template
   * (the built-in one, or the sample's) the result must compile without adding an import.
   */
  @ParameterizedTest
  @ValueSource(strings = {"built-in", "../sample/migration.java.template"})
  void create_filledInWithTheReadmesLines_compiles(String template) throws Exception {
    if (!template.equals("built-in")) {
      Files.writeString(config, Files.readString(config) + "template="
          + Path.of(template).toAbsolutePath() + "\n");
    }
    List<String> readme = readmeFillInLines();
    assertThat(readme).hasSize(2);
    assertThat(readme.get(0)).contains("SQLDataType.VARCHAR(30)");

    assertThat(retort("create", "Add phone to users")).startsWith("0|");
    Path created = versions.resolve("M0002_AddPhoneToUsers.java");
    String source = Files.readString(created);
    assertThat(source).contains(CreateCommand.UPGRADE_HINT);
    assertThat(source).contains(CreateCommand.DOWNGRADE_HINT);
    Files.writeString(created, source
        .replace(CreateCommand.UPGRADE_HINT, "    " + readme.get(0))
        .replace(CreateCommand.DOWNGRADE_HINT, "    " + readme.get(1)));

    assertThat(compile()).isEmpty();
  }

  /** The statements the root README's daily workflow says to fill in, without their "#". */
  static List<String> readmeFillInLines() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../README.md"));
    int start = lines.indexOf("# fill in its upgrade and downgrade, e.g.");
    assertWithMessage("README.md's daily workflow names the lines to fill in").that(start)
        .isAtLeast(0);
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(line -> line.startsWith("#   "))
        .map(line -> line.substring("#   ".length()))
        .toList();
  }

  @Test
  void withTwoHeads_createRefusesAsAlembicDoes_andMergeJoinsThem() throws Exception {
    retort("create", "Add phone");
    retort("create", "Add fax", "--head", "ae1027a6acf0", "--splice");

    String refused = retort("create", "Add email");
    String merged = retort("merge", "heads", "-m", "Merge phone and fax");

    assertThat(refused).startsWith("1|ERROR: Multiple heads are present; please specify the head"
        + " revision on which the new revision should be based, or perform a merge.");
    assertThat(merged).startsWith("0|Generating " + versions.resolve("M0004_MergePhoneAndFax.java"));
    assertThat(Files.readString(versions.resolve("M0004_MergePhoneAndFax.java")))
        .containsMatch("revises = \\{\"[0-9a-f]{12}\", \"[0-9a-f]{12}\"\\}");
    assertThat(compile()).isEmpty();
  }

  @Test
  void aDateTemplate_namesTwoCreatesInARow_whichChain_andCompile() throws Exception {
    Files.writeString(config, Files.readString(config) + "class_name_template=M{date}_{Message}\n");

    String first = retort("create", "Add phone");
    String second = retort("create", "Add fax");

    assertThat(first).containsMatch("^0\\|Generating \\S+/M\\d{14}_AddPhone\\.java \\.\\.\\.  done");
    assertThat(second).containsMatch("^0\\|Generating \\S+/M\\d{14}_AddFax\\.java \\.\\.\\.  done");
    String phone = readOnly("_AddPhone.java");
    String phoneId = phone.replaceAll("(?s).*id = \"([0-9a-f]{12})\".*", "$1");
    assertThat(readOnly("_AddFax.java")).contains("revises = \"" + phoneId + "\"");
    assertThat(compile()).isEmpty();
  }

  @Test
  void aSequenceTemplate_afterDateNamedFiles_keepsTheFilesInCreationOrder() throws Exception {
    retort("create", "Add phone");
    Files.move(versions.resolve("M0002_AddPhone.java"),
        versions.resolve("M20261124030547_AddPhone.java"));

    String created = retort("create", "Add fax");

    assertThat(created).startsWith("0|Generating "
        + versions.resolve("M20261124030548_AddFax.java"));
  }

  @Test
  void theSequence_countsOnlyFilesTheTemplateNamed() {
    Pattern named = MigrationWriter.namedByTemplate("V{seq}__{Message}");

    assertThat(named.matcher("V0012__AddPhone").matches()).isTrue();
    assertThat(named.matcher("M0099_AddPhone").matches()).isFalse();
    assertThat(named.matcher("V20261124030547__AddPhone").matches()).isTrue();
  }

  @Test
  void aTemplateWithTheSequenceRightAfterTheMessage_readsTheWholeSequence() throws Exception {
    Files.writeString(config, Files.readString(config) + "class_name_template={Message}{seq}\n");
    Files.writeString(versions.resolve("AddPhone0010.java"), """
        package com.example.db;

        @dev.retort.annotations.Revision(id = "c0ffee000010", revises = "ae1027a6acf0",
            message = "Add phone")
        public final class AddPhone0010 {}
        """);

    String created = retort("create", "Add fax");

    assertThat(MigrationWriter.namedByTemplate("{Message}{seq}").matcher("AddPhone0010")
        .replaceAll("${seq}")).isEqualTo("0010");
    assertThat(created).startsWith("0|Generating " + versions.resolve("AddFax0011.java"));
  }

  /** The content of the one migration whose file name ends so. */
  private String readOnly(String suffix) throws Exception {
    try (Stream<Path> files = Files.list(versions)) {
      List<Path> matching = files.filter(f -> f.toString().endsWith(suffix)).toList();
      assertThat(matching).hasSize(1);
      return Files.readString(matching.get(0));
    }
  }

  @Test
  void aHeadThatIsNotAHead_needsSplice() {
    retort("create", "Add phone");

    assertThat(retort("create", "Add fax", "--head", "ae1027a6acf0"))
        .startsWith("1|ERROR: Revision ae1027a6acf0 is not a head revision; use --splice");
  }

  @Test
  void create_headByAUniquePrefix_isThatRevision() throws Exception {
    retort("create", "Add phone");
    String phoneId = idOf("M0002_AddPhone.java");

    String fax = retort("create", "Add fax", "--head", phoneId.substring(0, 5));
    String spliced = retort("create", "Add email", "--head", "ae10", "--splice");

    assertThat(fax).startsWith("0|Generating " + versions.resolve("M0003_AddFax.java"));
    assertThat(Files.readString(versions.resolve("M0003_AddFax.java")))
        .contains("revises = \"" + phoneId + "\"");
    assertThat(spliced).startsWith("0|");
    assertThat(Files.readString(versions.resolve("M0004_AddEmail.java")))
        .contains("revises = \"ae1027a6acf0\"");
  }

  @Test
  void create_headByAnAmbiguousOrUnknownPrefix_isRefused_andWritesNothing() throws Exception {
    Files.writeString(versions.resolve("M0002_AddPhone.java"), """
        package com.example.db;

        @dev.retort.annotations.Revision(id = "ae10ffffffff", revises = "ae1027a6acf0",
            message = "Add phone")
        public final class M0002_AddPhone {}
        """);

    assertThat(retort("create", "Add fax", "--head", "ae10")).isEqualTo("1|ERROR: "
        + Messages.inSources(Messages.ambiguousPrefix("ae10",
            List.of("ae1027a6acf0", "ae10ffffffff")), versions.toString()) + "\n");
    assertThat(retort("create", "Add fax", "--head", "bee")).isEqualTo("1|ERROR: "
        + Messages.inSources(Messages.noSuchRevision("bee"), versions.toString()) + "\n");
    assertThat(Files.exists(versions.resolve("M0003_AddFax.java"))).isFalse();
  }

  /**
   * An independent labelled branch, grown with --head label@head while the main line has a head
   * of its own, and a revision on it that depends on the main line: the processor accepts it.
   */
  @Test
  void create_branchLabel_headLabelAtHead_andDependsOn_compile() throws Exception {
    // Two independent lines may each keep a head only when both are labelled.
    Path users = versions.resolve("M0001_CreateUsers.java");
    Files.writeString(users, Files.readString(users).replace("message = \"Create users\"",
        "message = \"Create users\", branchLabels = \"shop\""));
    String invoices = retort("create", "Create invoices", "--head", "base",
        "--branch-label", "billing");
    String total = retort("create", "Add invoice total", "--head", "billing@head",
        "--depends-on", "ae1027a6acf0");
    String tax = retort("create", "Add invoice tax", "--head", "billing@head");
    String refused = retort("create", "Add email");

    assertThat(invoices).startsWith("0|");
    String invoicesSource = Files.readString(versions.resolve("M0002_CreateInvoices.java"));
    assertThat(invoicesSource).contains("revises = {},\n");
    assertThat(invoicesSource).contains("message = \"Create invoices\",\n    branchLabels = \"billing\")");
    assertThat(total).startsWith("0|");
    String totalSource = Files.readString(versions.resolve("M0003_AddInvoiceTotal.java"));
    assertThat(totalSource).contains("revises = \"" + idOf("M0002_CreateInvoices.java") + "\"");
    assertThat(totalSource).contains("dependsOn = \"ae1027a6acf0\")");
    assertThat(tax).startsWith("0|");
    assertThat(Files.readString(versions.resolve("M0004_AddInvoiceTax.java")))
        .contains("revises = \"" + idOf("M0003_AddInvoiceTotal.java") + "\"");
    assertThat(refused).startsWith("1|ERROR: Multiple heads are present");
    assertThat(retort("create", "Add fax", "--head", "payroll@head")).isEqualTo("1|ERROR: "
        + Messages.inSources(Messages.noSuchBranch("payroll"), versions.toString()) + "\n");
    assertThat(compile()).isEmpty();
  }

  /**
   * A label given as a constant is read only by javac; create and merge parse the sources, so
   * they go on without it until a reference could name that label.
   */
  @Test
  void aConstantBranchLabel_stopsOnlyTheReferencesThatCouldNameIt() throws Exception {
    Files.writeString(versions.resolve("M0002_CreateInvoices.java"), """
        package com.example.db;

        @dev.retort.annotations.Revision(id = "b1c2d3e4f5a6", revises = "ae1027a6acf0",
            message = "Create invoices", branchLabels = Labels.BILLING)
        public final class M0002_CreateInvoices {}
        """);

    String phone = retort("create", "Add phone");
    String fax = retort("create", "Add fax", "--head", "b1c2d3e4f5a6", "--splice");
    String merged = retort("merge", "heads", "-m", "Merge phone and fax");
    String byLabel = retort("create", "Add tax", "--head", "billing@head");
    String byPrefix = retort("create", "Add tax", "--head", "b1c2", "--splice");

    assertThat(phone).startsWith("0|");
    assertThat(Files.readString(versions.resolve("M0003_AddPhone.java")))
        .contains("revises = \"b1c2d3e4f5a6\"");
    assertThat(fax).startsWith("0|");
    assertThat(merged).startsWith("0|");
    List<String> unread = List.of("M0002_CreateInvoices.java (Labels.BILLING)");
    assertThat(byLabel).isEqualTo("1|" + CliMessages.ERROR_PREFIX
        + CliMessages.labelsUnread("billing", unread) + "\n");
    assertThat(byPrefix).isEqualTo("1|" + CliMessages.ERROR_PREFIX
        + CliMessages.labelsUnread("b1c2", unread) + "\n");
    assertThat(Files.exists(versions.resolve("M0006_AddTax.java"))).isFalse();
  }

  @Test
  void create_dependsOnAPrefixOrALabel_writesTheFullId_andCompiles() throws Exception {
    Path users = versions.resolve("M0001_CreateUsers.java");
    Files.writeString(users, Files.readString(users).replace("message = \"Create users\"",
        "message = \"Create users\", branchLabels = \"shop\""));
    retort("create", "Create invoices", "--head", "base", "--branch-label", "billing");

    String byLabel = retort("create", "Add invoice total", "--head", "billing@head",
        "--depends-on", "shop");
    String byPrefix = retort("create", "Add invoice tax", "--head", "billing@head",
        "--depends-on", "ae10");
    String unknown = retort("create", "Add invoice fee", "--head", "billing@head",
        "--depends-on", "payroll");

    assertThat(byLabel).startsWith("0|");
    assertThat(Files.readString(versions.resolve("M0003_AddInvoiceTotal.java")))
        .contains("dependsOn = \"ae1027a6acf0\")");
    assertThat(byPrefix).startsWith("0|");
    assertThat(Files.readString(versions.resolve("M0004_AddInvoiceTax.java")))
        .contains("dependsOn = \"ae1027a6acf0\")");
    assertThat(unknown).isEqualTo("1|ERROR: "
        + Messages.inSources(Messages.noSuchRevision("payroll"), versions.toString()) + "\n");
    assertThat(Files.exists(versions.resolve("M0005_AddInvoiceFee.java"))).isFalse();
    assertThat(compile()).isEmpty();
  }

  @Test
  void merge_ofRevisionsNamedByPrefix_revisesExactlyThose_andCompiles() throws Exception {
    retort("create", "Add phone");
    retort("create", "Add fax", "--head", "ae1027a6acf0", "--splice");
    String phone = idOf("M0002_AddPhone.java");
    String fax = idOf("M0003_AddFax.java");

    String merged = retort("merge", phone.substring(0, 6), fax, "-m", "Merge phone and fax");

    assertThat(merged).startsWith("0|Generating " + versions.resolve("M0004_MergePhoneAndFax.java"));
    assertThat(Files.readString(versions.resolve("M0004_MergePhoneAndFax.java")))
        .contains("revises = {\"" + phone + "\", \"" + fax + "\"}");
    assertThat(compile()).isEmpty();
    assertThat(retort("merge", phone, "-m", "Merge one")).isEqualTo("1|ERROR: Nothing to merge:"
        + " only " + phone + ". A merge joins two or more heads.\n");
  }

  private String idOf(String file) throws Exception {
    return Files.readString(versions.resolve(file))
        .replaceAll("(?s).*id = \"([0-9a-f]{12})\".*", "$1");
  }

  @Test
  void theProjectsOwnTemplate_isUsed() throws Exception {
    Files.writeString(project.resolve("tpl.java"), "package ${package};\n// ${message} ${id}\n"
        + "// revises ${revises}\nclass ${className} {}\n");
    Files.writeString(config, Files.readString(config) + "template=tpl.java\n");

    retort("create", "Add phone");

    assertThat(Files.readString(versions.resolve("M0002_AddPhone.java")))
        .containsMatch("^package com.example.db;\n// Add phone [0-9a-f]{12}\n"
            + "// revises \"ae1027a6acf0\"\nclass M0002_AddPhone \\{\\}\n$");
  }

  @Test
  void withoutAMigrationsFolder_createSaysWhatToConfigure() throws Exception {
    Files.writeString(config, "url=jdbc:h2:mem:x\n");

    assertThat(retort("create", "Add phone")).contains("create and merge need migrations.source");
  }

  /** Compiles the folder with the processor; returns the errors. */
  private List<String> compile() throws Exception {
    return Sources.compile(versions, project.resolve("classes"));
  }
}
