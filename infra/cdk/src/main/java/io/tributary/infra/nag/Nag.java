package io.tributary.infra.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Records why a cdk-nag AwsSolutions rule does not apply to one resource (and its children).
 * Every call sits next to the resource it excuses, so the reason is read with the code; the nag
 * test fails on any finding without one.
 */
public final class Nag {
  private Nag() {}

  /**
   * The finding data cdk-nag reports for a wildcard under an L2 resource's ARN, e.g.
   * {@code Resource::<BucketsRaw686CB728.Arn>/chunks/*}, for {@code appliesTo}.
   */
  public static String arnResource(IConstruct resource, String suffix) {
    CfnElement element = (CfnElement) resource.getNode().getDefaultChild();
    return "Resource::<" + Stack.of(resource).getLogicalId(element) + ".Arn>" + suffix;
  }

  /**
   * @param rule e.g. {@code AwsSolutions-IAM5}
   * @param reason why the finding is accepted here (cdk-nag requires at least 10 characters)
   * @param appliesTo for findings with data (IAM4/IAM5), the exact items excused; empty excuses all
   */
  public static void suppress(IConstruct scope, String rule, String reason, String... appliesTo) {
    NagPackSuppression.Builder b = NagPackSuppression.builder().id(rule).reason(reason);
    if (appliesTo.length > 0) {
      b.appliesTo(List.of((Object[]) appliesTo));
    }
    NagSuppressions.addResourceSuppressions(scope, List.of(b.build()), true);
  }
}
