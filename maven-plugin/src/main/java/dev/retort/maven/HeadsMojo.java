package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort heads}: shows the revisions nothing revises yet. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
    configurator = "retort")
public final class HeadsMojo extends RetortMojo {

  /** Shows every field of each revision. */
  @Parameter(property = "retort.verbose", defaultValue = "false")
  private boolean verbose;

  @Override
  String command() {
    return "heads";
  }

  @Override
  List<String> options() {
    return verbose ? List.of("--verbose") : List.of();
  }
}
