package dev.retort.runtime.internal.database;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This machine's host name, for the history rows and the lease lock's owner. Looked up on first
 * use, once per JVM, never when a class is initialised: a start-up with nothing to do does no DNS
 * lookup at all.
 */
public final class Host {

  private Host() {}

  /** The host name, or {@code unknown} when the lookup fails. */
  public static String name() {
    return Lookup.NAME;
  }

  /** Initialised, and so looked up, on the first call of {@link #name()}. */
  private static final class Lookup {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "unknown";
      }
    }
  }
}
