package dev.retort.spring.boot.actuate;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.Status;
import dev.retort.runtime.UnknownRevisionException;
import dev.retort.runtime.UnresolvedFailureException;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code retort} health contributor: DOWN while a failed revision awaits repair, since the
 * schema may be partly changed; DOWN too when the state cannot be read. Pending revisions, an
 * edited applied revision and a database at a revision this build does not know leave it UP
 * (an instance of the previous build keeps serving while the next one migrates); the details
 * say so.
 */
public final class RetortHealthIndicator extends AbstractHealthIndicator {

  private final Retort retort;

  /** @param retort the Retort bean whose database to report on */
  public RetortHealthIndicator(Retort retort) {
    super("Retort could not read its state tables");
    this.retort = retort;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      retort.validate();
    } catch (UnresolvedFailureException unresolved) {
      builder.down().withDetail("unresolvedFailure", unresolved.getMessage());
      return;
    } catch (UnknownRevisionException unknown) {
      builder.up().withDetail("warning", unknown.getMessage());
      return;
    } catch (ChecksumMismatchException edited) {
      builder.withDetail("warning", edited.getMessage());
    }
    Status status = retort.check();
    builder.up()
        .withDetail("current", ids(status.current()))
        .withDetail("pending", ids(status.pending()));
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }
}
