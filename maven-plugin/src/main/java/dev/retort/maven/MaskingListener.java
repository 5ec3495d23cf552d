package dev.retort.maven;

import java.lang.reflect.Field;
import org.codehaus.plexus.component.configurator.ConfigurationListener;

/**
 * Passes each configured parameter on to Maven's own listener (which prints it under {@code -X}
 * and tracks required parameters), with the value of a {@link Sensitive} field replaced by a
 * mask. A parameter that is set stays set, so Maven's check of required parameters still works.
 */
final class MaskingListener implements ConfigurationListener {

  private final ConfigurationListener delegate;

  MaskingListener(ConfigurationListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
    delegate.notifyFieldChangeUsingReflection(fieldName, masked(fieldName, value, target), target);
  }

  @Override
  public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
    delegate.notifyFieldChangeUsingSetter(fieldName, masked(fieldName, value, target), target);
  }

  private static Object masked(String fieldName, Object value, Object target) {
    return value != null && isSensitive(target.getClass(), fieldName) ? Messages.MASK : value;
  }

  /** Whether the class or one of its superclasses declares the field, marked sensitive. */
  static boolean isSensitive(Class<?> type, String fieldName) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(fieldName)) {
          return field.isAnnotationPresent(Sensitive.class);
        }
      }
    }
    return false;
  }
}
