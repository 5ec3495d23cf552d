/**
 * The {@code retort} command line: Alembic's commands for a project whose generated registry is
 * on the classpath, run through {@link dev.retort.cli.RetortCli}. It reaches the runtime only
 * through its exported API, as any application does.
 */
module dev.retort.cli {
  requires dev.retort.runtime;
  requires info.picocli;
  requires java.compiler;
  requires jdk.compiler;

  exports dev.retort.cli;
  opens dev.retort.cli to info.picocli;

  uses dev.retort.runtime.RevisionRegistry;
}
