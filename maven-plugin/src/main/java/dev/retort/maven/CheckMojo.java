package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort check}: fails the build when revisions are pending, the database not on every
 * head. Changes nothing. Binds to the {@code verify} phase when listed in an execution.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
    configurator = "retort")
public final class CheckMojo extends RetortMojo {

  @Override
  String command() {
    return "check";
  }

  @Override
  List<String> options() {
    return List.of();
  }
}
