package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort history}: lists revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true, configurator = "retort")
public final class HistoryMojo extends RetortMojo {

  /** The range, as {@code start:end}, {@code start:} or {@code :end} (e.g. {@code -3:current}). */
  @Parameter(property = "retort.range", defaultValue = ":")
  private String range;

  /** Shows every field of each revision. */
  @Parameter(property = "retort.verbose", defaultValue = "false")
  private boolean verbose;

  /** Marks the revisions the database is at (needs the database). */
  @Parameter(property = "retort.indicateCurrent", defaultValue = "false")
  private boolean indicateCurrent;

  @Override
  String command() {
    return "history";
  }

  @Override
  List<String> options() {
    List<String> options = new ArrayList<>();
    CliArguments.add(options, "--rev-range", setting("range", range));
    if (verbose) {
      options.add("--verbose");
    }
    if (indicateCurrent) {
      options.add("--indicate-current");
    }
    return options;
  }
}
