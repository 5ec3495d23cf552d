package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort validate}: checks that the applied revisions match this build: no edits since
 * they ran, no unknown revision, no unresolved failure.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true, configurator = "retort")
public final class ValidateMojo extends RetortMojo {

  @Override
  String command() {
    return "validate";
  }

  @Override
  List<String> options() {
    return List.of();
  }
}
