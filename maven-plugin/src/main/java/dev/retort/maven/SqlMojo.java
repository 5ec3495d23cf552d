package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort sql}: writes the SQL an upgrade or downgrade would run to a file, for review,
 * without connecting to the database.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
    configurator = "retort")
public final class SqlMojo extends RetortMojo {

  /**
   * The range, {@code [from:]to}; {@code from} defaults to base, and a {@code from} above
   * {@code to} is a downgrade.
   */
  @Parameter(property = "retort.range", defaultValue = "head")
  private String range;

  /** The jOOQ dialect, e.g. {@code POSTGRES}, {@code MARIADB} (default: from the URL). */
  @Parameter(property = "retort.dialect")
  private String dialect;

  /** Where the script goes. */
  @Parameter(property = "retort.outputFile",
      defaultValue = "${project.build.directory}/retort/migration.sql")
  private File outputFile;

  @Override
  String command() {
    return "sql";
  }

  @Override
  List<String> options() {
    List<String> options = new ArrayList<>();
    CliArguments.add(options, "--dialect", setting("dialect", dialect));
    options.add("--");
    options.add(setting("range", range));
    return options;
  }

  @Override
  void results(CliOutcome outcome) throws MojoExecutionException {
    if (outcome.status() != 0) {
      return; // the command failed, and its message says why: no script to keep
    }
    String file = setting("outputFile", outputFile.getPath());
    Path script = project().getBasedir().toPath().resolve(file);
    try {
      Files.createDirectories(script.toAbsolutePath().getParent());
      Files.writeString(script, outcome.output(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException(Messages.cannotWriteScript(script, e.toString()), e);
    }
    String written = setting("range", range);
    getLog().info(Messages.wroteScript(written.contains(":") ? written : "base:" + written,
        script));
  }
}
