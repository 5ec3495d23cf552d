package dev.retort.runtime;

import dev.retort.runtime.internal.fleet.FleetRun;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.messages.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One registry's revisions on many databases at once: a schema per tenant on one server, or a
 * database per tenant. Each member is a {@link Retort} of its own, with its own lock and its own
 * state tables, so a member's upgrade is exactly a single database's: of two fleets started at
 * once over the same members nothing is applied twice, and a rerun after a crash or a failure
 * applies only what is left.
 *
 * <pre>{@code
 * Fleet.Result result = Fleet.ofSchemas(dataSource, Revisions.REGISTRY, tenants)
 *     .withParallelism(8)
 *     .withListener((member, progress) -> log.info("{}/{} at head", progress.atHead(),
 *         progress.total()))
 *     .upgrade("heads");
 * result.failed().forEach(member -> log.error(member.name(), member.error()));
 * }</pre>
 *
 * <p>A schema member keeps its state tables in its schema and runs the migrations with that
 * schema as the connection's current one ({@code search_path} on PostgreSQL), so the same
 * revision classes, with unqualified names, build each tenant's tables in its own schema; see
 * {@link RetortSettings#withMigrationSchema(String)}. One member failing does not stop the others
 * unless the fleet {@link #withFailFast fails fast}; every member's outcome is in the {@link
 * Result}. Instances are immutable and thread-safe.
 */
public final class Fleet {

  /** How one member's command ended. */
  public enum Outcome {
    /** The command ran: see the member's {@link Member#status() status}. */
    DONE,
    /** The command failed: see the member's {@link Member#error() error}. */
    FAILED,
    /** Not started, because another member failed and the fleet fails fast. */
    SKIPPED
  }

  /**
   * One member's outcome.
   *
   * @param name the schema, or the name the database was given
   * @param outcome how the command ended
   * @param applied the steps an upgrade ran, in order; empty for the reading commands, for a
   *     member already at the target, and for a failure (its exception lists the steps that
   *     completed before it)
   * @param status where the member is after the command; {@code null} unless {@link
   *     Outcome#DONE}
   * @param duration how long the member's command took
   * @param error why it failed or was skipped; {@code null} when done
   */
  public record Member(String name, Outcome outcome, List<MigrationStep> applied, Status status,
      Duration duration, RuntimeException error) {

    /** A member's outcome, the list copied. */
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(outcome, "outcome");
      applied = List.copyOf(applied);
    }

    /** Whether the member is on every head of the registry. */
    public boolean atHead() {
      return status != null && status.upToDate();
    }
  }

  /**
   * Every member's outcome, in the fleet's order.
   *
   * @param members one per member
   * @param elapsed how long the whole run took
   */
  public record Result(List<Member> members, Duration elapsed) {

    /** A result, the list copied. */
    public Result {
      members = List.copyOf(members);
    }

    /** The members that failed. */
    public List<Member> failed() {
      return members.stream().filter(m -> m.outcome() == Outcome.FAILED).toList();
    }

    /** The members skipped because another failed first. */
    public List<Member> skipped() {
      return members.stream().filter(m -> m.outcome() == Outcome.SKIPPED).toList();
    }

    /** The members that are not on every head: failed, skipped, or behind. */
    public List<Member> notAtHead() {
      return members.stream().filter(m -> !m.atHead()).toList();
    }

    /** Whether no member failed or was skipped. */
    public boolean succeeded() {
      return members.stream().allMatch(m -> m.outcome() == Outcome.DONE);
    }
  }

  /**
   * How far a run is, after a member finished.
   *
   * @param total the fleet's members
   * @param finished the members finished so far (done, failed or skipped)
   * @param atHead of them, those on every head
   * @param failed of them, those that failed
   * @param elapsed since the run started
   */
  public record Progress(int total, int finished, int atHead, int failed, Duration elapsed) {}

  /** Told of each member as it finishes, one call at a time, on the thread that runs the fleet. */
  @FunctionalInterface
  public interface Listener {
    /** A member finished; {@code progress} counts it. */
    void finished(Member member, Progress progress);
  }

  private record Source(String name, DataSource dataSource, boolean schema) {}

  private final List<Source> members;
  private final RevisionRegistry registry;
  private final RetortSettings settings;
  private final int parallelism;
  private final boolean failFast;
  private final Listener listener;

  private Fleet(List<Source> members, RevisionRegistry registry, RetortSettings settings,
      int parallelism, boolean failFast, Listener listener) {
    this.members = members;
    this.registry = registry;
    this.settings = settings;
    this.parallelism = parallelism;
    this.failFast = failFast;
    this.listener = listener;
  }

  /**
   * A fleet of schemas on one database: each holds its own state tables, and the migrations'
   * unqualified names land in it. The schemas must exist.
   *
   * @throws IllegalArgumentException if the list is empty, names a schema twice, or names one
   *     that is not a plain SQL identifier or is an SQL keyword
   */
  public static Fleet ofSchemas(DataSource dataSource, RevisionRegistry registry,
      List<String> schemas) {
    Objects.requireNonNull(dataSource, "dataSource");
    List<Source> members = new ArrayList<>();
    for (String schema : distinct(schemas)) {
      try {
        RetortSettings.defaults().withSchema(schema);
      } catch (IllegalArgumentException invalid) {
        throw new IllegalArgumentException(Messages.fleetMemberNotASchema(schema), invalid);
      }
      members.add(new Source(schema, dataSource, true));
    }
    return new Fleet(List.copyOf(members), Objects.requireNonNull(registry, "registry"),
        RetortSettings.defaults(), defaultParallelism(), false, null);
  }

  /**
   * A fleet of databases, by name (a map that keeps its order, such as a {@link LinkedHashMap},
   * keeps the fleet's): each with the state tables where the settings say.
   *
   * @throws IllegalArgumentException if the map is empty
   */
  public static Fleet ofDatabases(Map<String, DataSource> databases, RevisionRegistry registry) {
    List<Source> members = new ArrayList<>();
    for (String name : distinct(new ArrayList<>(databases.keySet()))) {
      members.add(new Source(name, Objects.requireNonNull(databases.get(name), name), false));
    }
    return new Fleet(List.copyOf(members), Objects.requireNonNull(registry, "registry"),
        RetortSettings.defaults(), defaultParallelism(), false, null);
  }

  private static List<String> distinct(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException(Messages.fleetWithoutMembers());
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(Objects.requireNonNull(name, "member name"))) {
        throw new IllegalArgumentException(Messages.fleetMemberTwice(name));
      }
    }
    return names;
  }

  /**
   * How many members a fleet works on at once unless told: twice the processors, at most 8. A
   * member's time goes mostly to waiting for the server (round trips, commits), so more members
   * than processors keep both busy; each holds two connections (its session and its lock), so 8
   * stay far below PostgreSQL's default of 100, and beyond the server's own cores more members
   * at once only queue on it (BENCHMARKS.md has the curve).
   */
  public static int defaultParallelism() {
    return Math.min(8, 2 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * A copy whose members use these settings: for a schema fleet, with each member's schema as
   * {@link RetortSettings#withSchema state schema} and {@link RetortSettings#withMigrationSchema
   * migration schema}.
   */
  public Fleet withSettings(RetortSettings settings) {
    return new Fleet(members, registry, Objects.requireNonNull(settings, "settings"),
        parallelism, failFast, listener);
  }

  /**
   * A copy that works on this many members at once.
   *
   * @throws IllegalArgumentException if it is below 1
   */
  public Fleet withParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(Messages.fleetParallelism(parallelism));
    }
    return new Fleet(members, registry, settings, parallelism, failFast, listener);
  }

  /**
   * A copy that, once a member fails, starts no other (those running finish) and reports them
   * {@link Outcome#SKIPPED}. By default every member runs whatever the others do.
   */
  public Fleet withFailFast(boolean failFast) {
    return new Fleet(members, registry, settings, parallelism, failFast, listener);
  }

  /** A copy that tells this listener of each member as it finishes; {@code null} for none. */
  public Fleet withListener(Listener listener) {
    return new Fleet(members, registry, settings, parallelism, failFast, listener);
  }

  /** The members' names, in order. */
  public List<String> members() {
    return members.stream().map(Source::name).toList();
  }

  /** How many members this fleet works on at once. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * The Retort of one member, for any single-database command: {@code
   * fleet.retort("tenant_a").sql("base", "heads", SQLDialect.POSTGRES)} renders that tenant's
   * script.
   *
   * @throws IllegalArgumentException if the fleet has no such member
   */
  public Retort retort(String member) {
    return members.stream().filter(m -> m.name().equals(member)).findFirst()
        .map(this::retort)
        .orElseThrow(() -> new IllegalArgumentException(
            Messages.noSuchFleetMember(member, members.size())));
  }

  private Retort retort(Source member) {
    return retort(member, member.dataSource());
  }

  private Retort retort(Source member, DataSource dataSource) {
    RetortSettings own = member.schema()
        ? settings.withSchema(member.name()).withMigrationSchema(member.name())
        : settings;
    return Retort.using(dataSource, registry).withSettings(own);
  }

  /**
   * The connections a run's members share: a schema fleet's members are on one server, so a
   * member's connections serve the next one; a database fleet's are each its own.
   */
  private FleetConnections connections() {
    boolean oneServer = members.stream().allMatch(
        m -> m.schema() && m.dataSource() == members.get(0).dataSource());
    return oneServer
        ? new FleetConnections(members.get(0).dataSource(),
            Math.min(parallelism, members.size()) * FleetConnections.PER_MEMBER)
        : null;
  }

  /** Upgrades every member to every head ({@code heads}). */
  public Result upgrade() {
    return upgrade("heads");
  }

  /**
   * Upgrades every member to the target, as {@link Retort#upgrade(String)} does.
   *
   * @return every member's outcome: the steps it ran and where it is after them, or its error
   * @throws InvalidTargetException if the target cannot name a revision (nothing ran)
   * @throws RetortException if the calling thread is interrupted (running members are
   *     interrupted, none more starts)
   */
  public Result upgrade(String target) {
    Target parsed = Target.parse(target);
    if (!parsed.needsCurrent()) {
      // A target that names nothing is refused once, before any member runs.
      new Planner(new Graph(registry)).resolver().resolve(parsed, List.of());
    }
    boolean toEveryHead = target.equals("heads")
        || target.equals("head") && registry.heads().size() == 1;
    Status atEveryHead = new Status(registry.heads(), List.of());
    return run(retort -> {
      List<MigrationStep> applied = retort.upgrade(target);
      // An upgrade to every head that returned has left the member on them: reading its state
      // back would only repeat that, at a round trip (and a connection) per member.
      return new Done(applied, toEveryHead ? atEveryHead : retort.check());
    });
  }

  /**
   * Where every member is and what {@code upgrade heads} would apply to it, refusing (as a
   * failure of that member) what every changing command refuses: see {@link Retort#validate()}.
   * Reads only; takes no lock.
   *
   * @throws RetortException if the calling thread is interrupted
   */
  public Result check() {
    return run(retort -> {
      retort.validate();
      return new Done(List.of(), retort.check());
    });
  }

  /**
   * The revisions every member is at, and what is pending there ({@link Status}). Reads only;
   * takes no lock.
   *
   * @throws RetortException if the calling thread is interrupted
   */
  public Result current() {
    return run(retort -> new Done(List.of(), retort.check()));
  }

  private record Done(List<MigrationStep> applied, Status status) {}

  private Result run(Function<Retort, Done> command) {
    long start = System.nanoTime();
    int[] counts = new int[3];
    FleetRun<Source, Member> run = new FleetRun<>(parallelism, failFast,
        member -> member.outcome() == Outcome.FAILED);
    String[] firstFailure = new String[1];
    FleetConnections connections = connections();
    try {
      List<Member> results = run.run(members, (member, stopped) -> {
        long began = System.nanoTime();
        if (stopped) {
          return new Member(member.name(), Outcome.SKIPPED, List.of(), null, Duration.ZERO,
              new RetortException(Messages.fleetSkipped(firstFailure(firstFailure))));
        }
        // The member's name in its thread's name while it runs, so that the log lines Retort
        // writes for it (a failed revision's ERROR) say which member they are about.
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName(threadName + " " + member.name());
        try {
          Done done = command.apply(
              retort(member, connections == null ? member.dataSource() : connections));
          return new Member(member.name(), Outcome.DONE, done.applied(), done.status(),
              Duration.ofNanos(System.nanoTime() - began), null);
        } catch (RuntimeException e) {
          synchronized (firstFailure) {
            if (firstFailure[0] == null) {
              firstFailure[0] = member.name();
            }
          }
          return new Member(member.name(), Outcome.FAILED, List.of(), null,
              Duration.ofNanos(System.nanoTime() - began), e);
        } finally {
          thread.setName(threadName);
        }
      }, member -> {
        counts[0]++;
        counts[1] += member.atHead() ? 1 : 0;
        counts[2] += member.outcome() == Outcome.FAILED ? 1 : 0;
        if (listener != null) {
          listener.finished(member, new Progress(members.size(), counts[0], counts[1],
              counts[2], Duration.ofNanos(System.nanoTime() - start)));
        }
      });
      return new Result(results, Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(Messages.fleetInterrupted(), e);
    } finally {
      if (connections != null) {
        connections.close();
      }
    }
  }

  private static String firstFailure(String[] firstFailure) {
    synchronized (firstFailure) {
      return firstFailure[0];
    }
  }
}
