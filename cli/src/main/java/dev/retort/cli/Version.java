package dev.retort.cli;

import dev.retort.runtime.Retort;
import picocli.CommandLine.IVersionProvider;

/** {@code retort --version}: the version recorded in the runtime's jar. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Retort.class.getPackage().getImplementationVersion();
    return new String[] {"retort " + (version == null ? "(development build)" : version)};
  }
}
