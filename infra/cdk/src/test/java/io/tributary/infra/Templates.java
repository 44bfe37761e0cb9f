package io.tributary.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reading a synthesized template the way a reviewer would: resources by type, role policies as text. */
public final class Templates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Templates() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> resources(Template template, String type) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    template.findResources(type).forEach((id, r) -> out.put(id, (Map<String, Object>) r));
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  /** The one resource of {@code type} whose logical id starts with {@code prefix}. */
  public static Map<String, Object> one(Template template, String type, String prefix) {
    List<Map<String, Object>> found = new ArrayList<>();
    resources(template, type).forEach((id, r) -> {
      if (id.startsWith(prefix)) {
        found.add(r);
      }
    });
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + " with id " + prefix + "*, found " + found.size()
          + " among " + resources(template, type).keySet());
    }
    return found.get(0);
  }

  /**
   * Every statement of every IAM policy attached to the role whose logical id starts with
   * {@code rolePrefix}, each rendered as JSON text ({@code Action}, {@code Resource}).
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> statementsOfRole(Template template, String rolePrefix) {
    List<String> roles = new ArrayList<>(resources(template, "AWS::IAM::Role").keySet());
    roles.removeIf(id -> !id.startsWith(rolePrefix));
    if (roles.size() != 1) {
      throw new AssertionError("expected one role " + rolePrefix + "*, found " + roles);
    }
    List<Map<String, Object>> statements = new ArrayList<>();
    resources(template, "AWS::IAM::Policy").values().forEach(p -> {
      Map<String, Object> props = properties(p);
      String attached = text(props.get("Roles"));
      if (attached.contains("\"" + roles.get(0) + "\"")) {
        Map<String, Object> doc = (Map<String, Object>) props.get("PolicyDocument");
        statements.addAll((List<Map<String, Object>>) doc.get("Statement"));
      }
    });
    return statements;
  }

  /** Actions of a statement as a list, whether CloudFormation holds a string or an array. */
  @SuppressWarnings("unchecked")
  public static List<String> actions(Map<String, Object> statement) {
    Object a = statement.get("Action");
    return a instanceof List<?> l ? (List<String>) l : List.of((String) a);
  }

  public static String text(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
