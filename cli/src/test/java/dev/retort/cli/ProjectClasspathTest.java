package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose classes are not on the command line's classpath, named by {@code classpath=},
 * {@code RETORT_CLASSPATH} or {@code --classpath}, as the {@code retort} launcher runs it: an
 * unlabelled trunk beside a labelled independent branch, whose labels {@code heads} and
 * {@code current} show.
 */
class ProjectClasspathTest {

  @TempDir static Path project;
  private static Path classes;

  @TempDir Path folder;

  @BeforeAll
  static void compileTheProject() throws Exception {
    Path sources = Files.createDirectories(project.resolve("src"));
    migration(sources, "CreateUsers", "id = \"t1\", message = \"Create users\"", "t_users");
    migration(sources, "AddEmail", "id = \"t2\", revises = \"t1\", message = \"Add email\"",
        "t_email");
    migration(sources, "CreateInvoices",
        "id = \"x1\", branchLabels = \"billing\", message = \"Create invoices\"", "t_invoices");
    migration(sources, "AddTax", "id = \"x2\", revises = \"x1\", message = \"Add tax\"",
        "t_tax");
    classes = project.resolve("classes");
    assertThat(Sources.compile(sources, classes)).isEmpty();
  }

  private static void migration(Path folder, String name, String revision, String table)
      throws Exception {
    Files.writeString(folder.resolve(name + ".java"), "package shop.db;\n"
        + "import dev.retort.annotations.Revision;\n"
        + "import dev.retort.runtime.Migration;\n"
        + "import org.jooq.DSLContext;\n"
        + "@Revision(" + revision + ")\n"
        + "public final class " + name + " implements Migration {\n"
        + "  @Override public void upgrade(DSLContext db) { db.execute(\"create table " + table
        + " (id int)\"); }\n"
        + "  @Override public void downgrade(DSLContext db) { db.execute(\"drop table " + table
        + "\"); }\n"
        + "}\n");
  }

  private Path config(String extra) throws Exception {
    Path config = folder.resolve("retort.properties");
    Files.writeString(config, "url=jdbc:h2:file:" + folder.resolve("db") + "\nuser=sa\n"
        + "registry=shop.db.Revisions\n" + extra);
    return config;
  }

  @Test
  void theClasspathFlag_findsTheProjectsRegistry_andHeadsShowTheBranchLabels() throws Exception {
    Path config = config("");

    Run heads = CliRunner.run("heads", "--config", config.toString(), "--classpath",
        classes.toString());

    assertWithMessage(heads.printed()).that(heads.status()).isEqualTo(0);
    assertThat(heads.out()).isEqualTo("t1 -> t2 (head), Add email\n"
        + "x1 -> x2 (billing) (head), Add tax\n");
  }

  @Test
  void currentShowsTheBranchLabels_withTheClasspathFromTheEnvironment() throws Exception {
    Path config = config("");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("RETORT_CLASSPATH", classes.toString());

    Run upgrade = CliRunner.runWithEnvironment(environment, "upgrade", "heads", "--config",
        config.toString());
    Run current = CliRunner.runWithEnvironment(environment, "current", "--config",
        config.toString());

    assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(0);
    assertThat(current.out().lines().sorted().toList())
        .containsExactly("t2 (head)", "x2 (billing) (head)");
  }

  @Test
  void theFilesClasspath_isReadFromTheFilesFolder_andAFolderStarIsItsJars() throws Exception {
    Path jars = Files.createDirectories(folder.resolve("lib"));
    Path relative = folder.relativize(classes);
    Path config = config("classpath=" + relative + File.pathSeparator + "lib/*\n");

    Run history = CliRunner.run("history", "--config", config.toString());

    assertWithMessage(history.printed()).that(history.status()).isEqualTo(0);
    assertThat(history.out()).contains("<base> -> x1 (billing), Create invoices");
    assertThat(Files.isDirectory(jars)).isTrue();
  }

  @Test
  void aMissingClasspathEntry_isOneLineNamingIt() throws Exception {
    Path config = config("classpath=target/nothing-here\n");

    Run run = CliRunner.run("heads", "--config", config.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(CliMessages.ERROR_PREFIX + CliMessages.classpathEntryMissing(
        folder.resolve("target/nothing-here").toString(),
        "classpath, RETORT_CLASSPATH or --classpath") + "\n");
  }

  @Test
  void withoutTheClasspath_theRegistryIsNotFound_andTheErrorSaysWhichOnesAre() throws Exception {
    Path config = config("");

    Run run = CliRunner.run("heads", "--config", config.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX + "No registry shop.db.Revisions");
  }
}
