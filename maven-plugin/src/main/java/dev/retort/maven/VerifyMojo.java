package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort verify}: proves without a database that every downgrade undoes its upgrade and
 * that every merge's branches give the same schema in either order; fails the build if a proof
 * fails. Binds to the {@code verify} phase when listed in an execution.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
    configurator = "retort")
public final class VerifyMojo extends RetortMojo {

  /** The jOOQ dialect the migrations are rendered in (default: from the URL, or H2). */
  @Parameter(property = "retort.dialect")
  private String dialect;

  @Override
  String command() {
    return "verify";
  }

  @Override
  List<String> options() {
    List<String> options = new ArrayList<>();
    CliArguments.add(options, "--dialect", setting("dialect", dialect));
    return options;
  }
}
