/**
 * The annotations migrations carry: {@link dev.retort.annotations.Revision}, {@link
 * dev.retort.annotations.Irreversible}, {@link dev.retort.annotations.RegistryName}. The
 * {@code internal} package holds what Retort's processor generates into a project (its markers),
 * so it is exported for generated code, never for hand-written code.
 */
module dev.retort.annotations {
  exports dev.retort.annotations;
  exports dev.retort.annotations.internal;
}
