package dev.retort.runtime;

/**
 * A registry that only a class loader naming it as a service finds, as an application's
 * generated registry is found through the context class loader: two revisions, a1 and b1.
 */
public final class ContextOnlyRegistry extends ForwardingRegistry {

  /** The registry, as ServiceLoader makes it. */
  public ContextOnlyRegistry() {
    super(TestRegistry.builder().revision("a1").revision("b1", "a1").build());
  }
}
