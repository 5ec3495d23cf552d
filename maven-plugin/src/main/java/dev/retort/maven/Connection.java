package dev.retort.maven;

import java.nio.file.Path;

/**
 * How the command line reaches the database, as the plugin was configured: each value becomes a
 * flag, and the command line fills what is {@code null} from {@code RETORT_*} in the environment
 * and then from the configuration file. {@link #toString()} never shows the password.
 *
 * @param configFile the {@code retort.properties} to read, or {@code null} for none
 */
record Connection(String url, String user, String password, Path configFile) {

  @Override
  public String toString() {
    return "Connection[url=" + url + ", user=" + user + ", password="
        + (password == null ? "" : Messages.MASK) + ", configFile=" + configFile + "]";
  }
}
