package dev.retort.runtime.internal.state;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Retort that ran a step, recorded in the history table. */
final class RetortVersion {

  static final String VALUE = read();

  private RetortVersion() {}

  private static String read() {
    try (InputStream in = RetortVersion.class.getResourceAsStream("retort.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
