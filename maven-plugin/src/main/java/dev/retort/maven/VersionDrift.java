package dev.retort.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;

/**
 * Where the project and the plugin disagree on the version of a library they share. The
 * project's registry runs on the plugin's Retort runtime and jOOQ (see {@link ProjectRealm}),
 * so a project built against other versions may not link, or may behave differently.
 */
final class VersionDrift {

  /** The groups whose classes the project's migrations link against and the plugin supplies. */
  private static final Set<String> SHARED_GROUPS = Set.of("dev.retort", "org.jooq");

  private VersionDrift() {}

  /** One warning per shared artifact whose versions differ, sorted. */
  static List<String> between(Collection<Artifact> project, Collection<Artifact> plugin) {
    Map<String, Artifact> plugins = plugin.stream()
        .collect(Collectors.toMap(VersionDrift::key, Function.identity(), (a, b) -> a));
    List<String> warnings = new ArrayList<>();
    for (Artifact dependency : project) {
      Artifact ours = plugins.get(key(dependency));
      if (ours != null && SHARED_GROUPS.contains(dependency.getGroupId())
          && !ours.getBaseVersion().equals(dependency.getBaseVersion())) {
        warnings.add(Messages.versionDrift(key(dependency), dependency.getBaseVersion(),
            ours.getBaseVersion()));
      }
    }
    warnings.sort(null);
    return warnings;
  }

  private static String key(Artifact artifact) {
    return artifact.getGroupId() + ":" + artifact.getArtifactId();
  }
}
