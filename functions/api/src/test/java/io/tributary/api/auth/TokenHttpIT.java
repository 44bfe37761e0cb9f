package io.tributary.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.TestApi;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The configured admin token works; only it mints tokens for other tenants; those are isolated. */
@ExtendWith(LocalAwsExtension.class)
class TokenHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void adminMintsTenantTokensOthersOnlyTheirOwn(LocalAws aws) throws Exception {
    EmbeddedServer server = TestApi.server(aws, Map.of());
    try {
      Http admin = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"), TestApi.ADMIN_TOKEN);
      String tenant = "team-" + System.nanoTime();
      var created = admin.post("tokens", "{\"name\":\"ci\",\"tenantId\":\"" + tenant + "\"}");
      assertEquals(201, created.statusCode(), created.body());
      String token = JSON.readTree(created.body()).get("token").asText();
      Http team = admin.as(token);
      String id = JSON.readTree(team.post("streams", "{\"name\":\"team stream\"}").body()).get("id").asText();
      assertEquals(404, admin.get("streams/" + id).statusCode(), "admin is a tenant too, not a superuser of streams");
      assertEquals(403, team.post("tokens", "{\"name\":\"x\",\"tenantId\":\"someone-else\"}").statusCode());
      var own = team.post("tokens", "{\"name\":\"second\"}");
      assertEquals(201, own.statusCode());
      assertEquals(200, admin.as(JSON.readTree(own.body()).get("token").asText()).get("streams/" + id).statusCode());
      assertEquals(422, admin.post("tokens", "{\"name\":\"x\",\"tenantId\":\"Bad Tenant\"}").statusCode());
    } finally {
      server.getApplicationContext().close();
    }
  }

  @Test
  void webhookUrlsWithoutSecretRefuseToStart(LocalAws aws) {
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> TestApi.context(aws, Map.of("tributary.webhook-urls", "http://127.0.0.1:9/hook")));
    assertTrue(String.valueOf(e.getMessage()).contains("TRIBUTARY_WEBHOOK_SECRET"), e.getMessage());
  }
}
