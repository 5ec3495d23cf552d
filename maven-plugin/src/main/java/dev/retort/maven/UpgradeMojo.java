package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort upgrade}: applies the target and everything it needs that is not applied yet.
 * {@code mvn compile retort:upgrade} in a module with migrations.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
    configurator = "retort")
public final class UpgradeMojo extends RetortMojo {

  /**
   * What to upgrade to: {@code head}, {@code heads}, an id or unique prefix,
   * {@code label@head}, {@code +N}, {@code rev+N}.
   */
  @Parameter(property = "retort.target", defaultValue = "head")
  private String target;

  @Override
  String command() {
    return "upgrade";
  }

  @Override
  List<String> options() {
    return List.of("--", setting("target", target));
  }
}
