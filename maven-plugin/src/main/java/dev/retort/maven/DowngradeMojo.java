package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort downgrade}: reverts the target's applied descendants, newest first. There is no
 * default target: {@code mvn retort:downgrade -Dretort.target=-1} goes one step back.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true, configurator = "retort")
public final class DowngradeMojo extends RetortMojo {

  /** What to downgrade to: {@code -N}, an id or unique prefix, {@code label@base}, {@code base}. */
  @Parameter(property = "retort.target")
  private String target;

  @Override
  String command() {
    return "downgrade";
  }

  @Override
  List<String> options() throws MojoExecutionException {
    String to = setting("target", target);
    if (to == null || to.isBlank()) {
      throw new MojoExecutionException(Messages.downgradeNeedsTarget());
    }
    return List.of("--", to);
  }
}
