package dev.retort.runtime;

import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.graph.TargetResolver;
import dev.retort.runtime.messages.Messages;
import java.util.List;
import java.util.Objects;

/**
 * Alembic's target grammar resolved against a registry alone, without a database: a full id, a
 * unique prefix, a branch label, {@code head}, {@code heads}, {@code base}, {@code label@head},
 * {@code label@base}, {@code rev@ref}, {@code rev-N}, {@code base+N}. The same resolver {@link
 * Retort} uses; the command line's {@code create} and {@code merge} resolve their arguments with
 * it against the revisions they read from the sources.
 *
 * <pre>{@code
 * RevisionInfo head = Targets.of(Revisions.REGISTRY).resolveOne("billing@head");
 * }</pre>
 */
public final class Targets {

  private final RevisionRegistry registry;
  private final TargetResolver resolver;

  private Targets(RevisionRegistry registry) {
    this.registry = registry;
    this.resolver = new TargetResolver(new Graph(registry));
  }

  /** The targets of a registry. */
  public static Targets of(RevisionRegistry registry) {
    return new Targets(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * The revisions a target names; empty for base.
   *
   * @throws InvalidTargetException if it names no revision, is ambiguous where one is needed,
   *     or is relative to where a database is ({@code current}, {@code +1}, {@code label@-1}),
   *     which only a command on a database can answer
   */
  public List<RevisionInfo> resolve(String target) {
    Target parsed = Target.parse(target);
    if (parsed.needsCurrent()) {
      throw new InvalidTargetException(Messages.needsADatabase(target));
    }
    return resolver.resolve(parsed, List.of()).stream().map(registry.revisions()::get).toList();
  }

  /**
   * The one revision a target names.
   *
   * @throws InvalidTargetException if it names none (base) or several, or as {@link #resolve}
   */
  public RevisionInfo resolveOne(String target) {
    List<RevisionInfo> found = resolve(target);
    if (found.size() != 1) {
      throw new InvalidTargetException(Messages.showTakesOne(target, found.size()));
    }
    return found.get(0);
  }
}
