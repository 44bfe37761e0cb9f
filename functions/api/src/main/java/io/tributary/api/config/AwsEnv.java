package io.tributary.api.config;

import java.util.Map;

/**
 * The environment that {@code AwsSettings.fromEnv} and {@code ResourceNames.fromEnv} read. The
 * process environment by default; tests register their own instance (the emulators' variables)
 * before the context starts, so no test has to mutate the process environment.
 */
public record AwsEnv(Map<String, String> vars) {
  public AwsEnv {
    vars = Map.copyOf(vars);
  }
}
