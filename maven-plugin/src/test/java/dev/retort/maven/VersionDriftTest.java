package dev.retort.maven;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class VersionDriftTest {

  private static Artifact artifact(String group, String name, String version) {
    return new DefaultArtifact(group, name, version, "runtime", "jar", null,
        new DefaultArtifactHandler("jar"));
  }

  @Test
  void anotherJooqInTheProject_isReported() {
    List<String> warnings = VersionDrift.between(
        List.of(artifact("org.jooq", "jooq", "3.19.10")),
        List.of(artifact("org.jooq", "jooq", "3.19.39")));

    assertThat(warnings).containsExactly(
        Messages.versionDrift("org.jooq:jooq", "3.19.10", "3.19.39"));
  }

  @Test
  void theSameVersions_andLibrariesTheMigrationsDoNotShare_areNot() {
    List<String> warnings = VersionDrift.between(
        List.of(artifact("dev.retort", "retort-runtime", "1.0"),
            artifact("org.slf4j", "slf4j-api", "1.7.36")),
        List.of(artifact("dev.retort", "retort-runtime", "1.0"),
            artifact("org.slf4j", "slf4j-api", "2.0.17")));

    assertThat(warnings).isEmpty();
  }
}
