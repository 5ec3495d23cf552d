package dev.retort.maven;

import javax.inject.Named;
import javax.inject.Singleton;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Maven's standard configurator, except that {@code -X} does not print the value of a {@link
 * Sensitive} parameter. Every goal names it ({@code @Mojo(configurator = "retort")}).
 */
@Named("retort")
@Singleton
public final class MaskingConfigurator extends BasicComponentConfigurator {

  /**
   * Configures a goal as Maven does, printing a mask for its sensitive parameters.
   *
   * @throws ComponentConfigurationException if a value does not fit its parameter's type
   */
  @Override
  public void configureComponent(Object component, PlexusConfiguration configuration,
      ExpressionEvaluator evaluator, ClassRealm realm, ConfigurationListener listener)
      throws ComponentConfigurationException {
    super.configureComponent(component, configuration, evaluator, realm,
        listener == null ? null : new MaskingListener(listener));
  }
}
