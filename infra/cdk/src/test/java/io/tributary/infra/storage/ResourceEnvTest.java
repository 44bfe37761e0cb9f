package io.tributary.infra.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.resources.ResourceNames;
import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class ResourceEnvTest {

  @Test
  void everyResourceNameHasItsVariable() {
    ResourceEnv env = ResourceEnv.of(ResourceNames.withPrefix("x-y"));
    assertEquals(Set.copyOf(ResourceNames.ENV.values()), env.variables().keySet());
    assertEquals("x-y-segments", env.variables().get("TRIBUTARY_SEGMENTS_TABLE"));
    assertEquals(ResourceNames.withPrefix("x-y"), ResourceNames.fromEnv(env.variables()));
  }

  @Test
  void everyServiceGetsEveryGeneratedName() {
    // Functions: API, playlist, change handler, media sweep, WebSocket authorizer and routes, lease
    // reaper (+ transcode in the variant).
    assertServicesSeeAllNames(Synth.defaults().template(), 2, 7);
    assertServicesSeeAllNames(Synth.variant().template(), 1, 8);
  }

  @SuppressWarnings("unchecked")
  private static void assertServicesSeeAllNames(Template t, int containers, int functions) {
    int seen = 0;
    for (Map<String, Object> task : Templates.resources(t, "AWS::ECS::TaskDefinition").values()) {
      for (Object c : (Iterable<Object>) Templates.properties(task).get("ContainerDefinitions")) {
        Set<String> names = new HashSet<>();
        for (Object e : (Iterable<Object>) ((Map<String, Object>) c).get("Environment")) {
          names.add((String) ((Map<String, Object>) e).get("Name"));
        }
        assertTrue(names.containsAll(ResourceNames.ENV.values()), names.toString());
        seen++;
      }
    }
    assertEquals(containers, seen);
    seen = 0;
    for (Map<String, Object> fn : Templates.resources(t, "AWS::Lambda::Function").values()) {
      Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) Templates.properties(fn)
          .get("Environment")).get("Variables");
      assertTrue(vars.keySet().containsAll(ResourceNames.ENV.values()), vars.keySet().toString());
      // Generated names, never guessed: each value is a reference to the resource.
      String segments = Templates.text(vars.get("TRIBUTARY_SEGMENTS_TABLE"));
      assertTrue(segments.contains("\"Ref\":\"TablesSegments"), segments);
      seen++;
    }
    assertEquals(functions, seen);
  }
}
