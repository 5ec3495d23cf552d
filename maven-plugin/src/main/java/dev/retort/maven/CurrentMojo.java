package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort current}: shows the revision(s) the database is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true, configurator = "retort")
public final class CurrentMojo extends RetortMojo {

  /** Shows every field of each revision. */
  @Parameter(property = "retort.verbose", defaultValue = "false")
  private boolean verbose;

  @Override
  String command() {
    return "current";
  }

  @Override
  List<String> options() {
    return verbose ? List.of("--verbose") : List.of();
  }
}
