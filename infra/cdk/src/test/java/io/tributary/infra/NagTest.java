package io.tributary.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
