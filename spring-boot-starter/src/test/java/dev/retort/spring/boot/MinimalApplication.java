package dev.retort.spring.boot;

import dev.retort.spring.boot.autoconfigure.RetortAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The smallest application that migrates: a data source and Retort, started the way {@code
 * main} starts one, so that a failure goes through Spring Boot's failure analyzers and logging.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, RetortAutoConfiguration.class})
public class MinimalApplication {

  /** Starts it with these properties ({@code name=value}) and extra sources. */
  public static ConfigurableApplicationContext start(List<String> properties, Class<?>... more) {
    List<Class<?>> sources = new ArrayList<>(List.of(MinimalApplication.class));
    sources.addAll(List.of(more));
    List<String> arguments = new ArrayList<>();
    properties.forEach(property -> arguments.add("--" + property));
    arguments.add("--spring.main.banner-mode=off");
    arguments.add("--spring.datasource.hikari.maximum-pool-size=3");
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .web(WebApplicationType.NONE)
        .run(arguments.toArray(String[]::new));
  }
}
