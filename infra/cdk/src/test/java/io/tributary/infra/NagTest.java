package io.tributary.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag AwsSolutions: zero unsuppressed errors or warnings in every configuration. */
class NagTest {
  static Stream<Synth> configurations() {
    return Stream.of(Synth.defaults(), Synth.variant());
  }

  @ParameterizedTest
  @MethodSource("configurations")
  void noUnsuppressedFindings(Synth synth) {
    Annotations annotations = Annotations.fromStack(synth.stack());
    List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    List<SynthesisMessage> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    assertEquals(List.of(), Stream.concat(errors.stream(), warnings.stream())
        .map(m -> m.getId() + ": " + m.getEntry().getData()).toList());
  }

  /** A suppression no finding needs is a stale excuse: every suppressed rule is used somewhere. */
  @ParameterizedTest
  @MethodSource("configurations")
  @SuppressWarnings("unchecked")
  void everySuppressedRuleSuppressesAFinding(Synth synth) throws IOException {
    Set<String> declared = new TreeSet<>();
    Map<String, Object> resources = (Map<String, Object>) synth.template().toJSON().get("Resources");
    for (Object r : resources.values()) {
      Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) r).get("Metadata");
      if (metadata != null && metadata.get("cdk_nag") instanceof Map<?, ?> nag) {
        for (Object rule : (List<Object>) nag.get("rules_to_suppress")) {
          declared.add((String) ((Map<String, Object>) rule).get("id"));
        }
      }
    }
    Path report = Path.of(synth.app().getOutdir(), "AwsSolutions-" + synth.stack().getStackName() + "-NagReport.csv");
    Set<String> used = new TreeSet<>();
    for (String line : Files.readAllLines(report)) {
      String[] cells = line.split("\",\"", 4);
      if (cells.length == 4 && cells[2].equals("Suppressed")) {
        used.add(cells[0].replace("\"", ""));
      }
    }
    assertFalse(declared.isEmpty());
    assertEquals(declared, used);
  }
}
