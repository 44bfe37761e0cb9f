package io.tributary.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfraConfigTest {

  @Test
  void defaultsDescribeASmallFargateDeployment() {
    InfraConfig c = InfraConfig.defaults();
    assertEquals("tributary", c.prefix());
    assertEquals(TranscodeMode.FARGATE, c.transcode());
    assertEquals(0, c.transcodeMinTasks());
    assertEquals(2, c.jobsPerTranscodeTask());
    assertEquals(1, c.ingestMinTasks());
    assertTrue(c.transcodeSpot());
    assertEquals(Optional.empty(), c.certificateArn());
    assertEquals(0, c.mediaRetentionDays());
    assertEquals("100", c.priceClass());
  }

  @Test
  void readsCommandLineStringsAndCdkJsonTypes() {
    Map<String, Object> ctx = Map.of(
        InfraConfig.TRANSCODE, "LAMBDA",
        InfraConfig.TRANSCODE_MIN_TASKS, "2",
        InfraConfig.TRANSCODE_MAX_TASKS, 20,
        InfraConfig.TRANSCODE_SPOT, false,
        InfraConfig.INGEST_DRAIN_SECONDS, 900.0,
        InfraConfig.MEDIA_RETENTION_DAYS, " 30 ");
    InfraConfig c = InfraConfig.fromContext(ctx::get);
    assertEquals(TranscodeMode.LAMBDA, c.transcode());
    assertEquals(2, c.transcodeMinTasks());
    assertEquals(20, c.transcodeMaxTasks());
    assertFalse(c.transcodeSpot());
    assertEquals(900, c.ingestDrainSeconds());
    assertEquals(30, c.mediaRetentionDays());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "prefix|Tributary",
      "prefix|x",
      "transcode|batch",
      "transcodeMinTasks|-1",
      "transcodeMinTasks|11",
      "transcodeMaxTasks|0",
      "transcodeSpot|yes",
      "transcodeLambdaConcurrency|1",
      "ingestMinTasks|0",
      "ingestMaxTasks|2.5",
      "ingestDrainSeconds|3601",
      "certificateArn|arn:aws:iam::123456789012:server-certificate/x",
      "ingestDomain|ingest.example.com",
      "mediaRetentionDays|-3",
      "manifestAgeAlarmSeconds|1",
      "alarmEmail|not-an-address",
      "priceClass|50",
      "apiBurstLimit|10",
  })
  void rejectsBadValuesNamingTheKey(String key, String value) {
    Map<String, Object> ctx = Map.of(key, value);
    InfraConfigException e = assertThrows(InfraConfigException.class, () -> InfraConfig.fromContext(ctx::get));
    // transcodeMinTasks=11 exceeds the default max (10): the message names both.
    assertEquals(key, e.key());
    assertTrue(e.getMessage().startsWith(key + "="), e.getMessage());
  }

  @Test
  void ingestDomainNeedsACertificate() {
    Map<String, Object> ctx = Map.of(InfraConfig.INGEST_DOMAIN, "ingest.example.com",
        InfraConfig.CERTIFICATE_ARN, "arn:aws:acm:us-east-1:123456789012:certificate/abc-123");
    InfraConfig c = InfraConfig.fromContext(ctx::get);
    assertEquals(Optional.of("ingest.example.com"), c.ingestDomain());
  }
}
