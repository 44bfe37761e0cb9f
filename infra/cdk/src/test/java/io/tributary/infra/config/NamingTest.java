package io.tributary.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.resources.ResourceNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void prefixNamesTheStackTagsAndSpecs() {
    Naming n = new Naming("acme-live");
    assertEquals("Tributary-acme-live", n.stackName());
    assertEquals(Map.of(Naming.PROJECT_TAG, "tributary", Naming.DEPLOYMENT_TAG, "acme-live"), n.tags());
    assertEquals(ResourceNames.withPrefix("acme-live"), n.schema().names());
  }

  @Test
  void rejectsWhatResourceNamesRejects() {
    assertThrows(IllegalArgumentException.class, () -> new Naming("Acme"));
  }
}
