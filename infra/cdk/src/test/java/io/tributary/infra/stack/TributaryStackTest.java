package io.tributary.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import io.tributary.infra.config.Naming;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TributaryStackTest {

  @Test
  @SuppressWarnings("unchecked")
  void outputsTellOperatorsWhereEverythingIs() {
    Template t = Synth.defaults().template();
    Map<String, Object> outputs = (Map<String, Object>) t.toJSON().get("Outputs");
    assertEquals(Set.of(TributaryStack.OUTPUT_RTMP_URL, TributaryStack.OUTPUT_API_URL,
        TributaryStack.OUTPUT_PLAYBACK_BASE_URL, TributaryStack.OUTPUT_ADMIN_TOKEN_SECRET,
        TributaryStack.OUTPUT_ADMIN_TOKEN_COMMAND, TributaryStack.OUTPUT_EVENT_BUS, TributaryStack.OUTPUT_WEBSOCKET_URL),
        outputs.keySet());
    String ws = Templates.text(outputs.get(TributaryStack.OUTPUT_WEBSOCKET_URL));
    assertTrue(ws.contains("wss://") && ws.contains("LiveSocketsApi") && ws.contains("/live"), ws);
    assertTrue(Templates.text(outputs.get(TributaryStack.OUTPUT_EVENT_BUS)).contains("StreamChangesBus"));
    String rtmp = Templates.text(outputs.get(TributaryStack.OUTPUT_RTMP_URL));
    assertTrue(rtmp.contains("\"rtmp://\",{\"Fn::GetAtt\":[\"IngestNlb") && rtmp.contains(":1935/live"), rtmp);
    assertTrue(Templates.text(outputs.get(TributaryStack.OUTPUT_PLAYBACK_BASE_URL)).contains("CdnDistribution"));
    assertTrue(Templates.text(outputs.get(TributaryStack.OUTPUT_ADMIN_TOKEN_SECRET)).contains("SecretsAdminToken"));
    t.hasOutput(TributaryStack.OUTPUT_API_URL, Match.objectLike(Map.of("Value", Match.objectLike(Map.of()))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void rtmpsOutputUsesTheCertificateDomain() {
    Map<String, Object> outputs = (Map<String, Object>) Synth.variant().template().toJSON().get("Outputs");
    assertEquals("rtmps://ingest.example.com:443/live",
        ((Map<String, Object>) outputs.get(TributaryStack.OUTPUT_RTMPS_URL)).get("Value"));
  }

  @Test
  void stackIsNamedAndEverythingTaggedByPrefix() {
    assertEquals("Tributary-tributary", Synth.defaults().stack().getStackName());
    assertEquals("Tributary-tributary-test", Synth.variant().stack().getStackName());
    Template t = Synth.variant().template();
    for (String type : new String[] {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue",
        "AWS::ECS::Service", "AWS::Lambda::Function", "AWS::EC2::VPC"}) {
      t.allResourcesProperties(type, Match.objectLike(Map.of("Tags", Match.arrayWith(java.util.List.of(
          Map.of("Key", Naming.DEPLOYMENT_TAG, "Value", "tributary-test"))))));
    }
  }

  @Test
  void twoSecretsGeneratedAtDeployNeverInTheTemplate() {
    Template t = Synth.defaults().template();
    t.resourceCountIs("AWS::SecretsManager::Secret", 2);
    t.allResourcesProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
        "GenerateSecretString", Match.objectLike(Map.of("ExcludePunctuation", true)),
        "SecretString", Match.absent())));
  }
}
