/**
 * The {@code retort} command line: Alembic's commands for a project whose generated registry is
 * on the classpath, run through {@link dev.retort.cli.RetortCli}. It reaches the runtime only
 * through its exported API, as any application does.
 */
module dev.retort.cli {
  // The registries it uses are the runtime's type: a project providing one reads the runtime.
  requires transitive dev.retort.runtime;
  requires dev.retort.autogenerate;
  requires dev.retort.review;
  requires info.picocli;
  // CommandLineLogging, the SLF4J provider in the exported package, implements SLF4J's types.
  requires transitive org.slf4j;
  requires java.compiler;
  requires jdk.compiler;
  // Only so that javac can read the JAXB annotations on jOOQ's Settings; jOOQ runs without it.
  requires static jakarta.xml.bind;

  exports dev.retort.cli;
  opens dev.retort.cli to info.picocli;

  uses dev.retort.runtime.RevisionRegistry;
  // The runtime's log lines, printed one each with passwords masked (CommandLineLogging).
  provides org.slf4j.spi.SLF4JServiceProvider with dev.retort.cli.CommandLineLogging;
}
