package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AwslocalScriptTest {
  private static final Path COMMITTED = Path.of(System.getProperty("basedir", "."))
      .resolve("../init/ready.d/10-tributary.sh").normalize();

  /** The committed LocalStack init script can never drift from the schema. */
  @Test
  void committedScriptIsExactlyTheGeneratedOne() throws Exception {
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertEquals(AwslocalScriptMain.render(), committed, COMMITTED + " is stale: regenerate it with "
        + "mvn -q -pl localstack/aws exec:java -Dexec.mainClass=io.tributary.local.aws.AwslocalScriptMain");
    assertTrue(Files.isExecutable(COMMITTED), COMMITTED + " must be executable for LocalStack's init hooks");
  }

  @Test
  void scriptCreatesEveryResourceOfTheSchema() {
    Schema schema = new Schema(ResourceNames.withPrefix("tributary"));
    String script = AwslocalScript.render(schema);
    for (TableSpec t : schema.tables()) {
      assertTrue(script.contains("create-table --table-name " + t.name() + " "), t.name());
      t.indexes().forEach(i -> assertTrue(script.contains("\"IndexName\":\"" + i.name() + "\""), i.name()));
      t.ttlAttribute().ifPresent(a -> assertTrue(script.contains("update-time-to-live --table-name " + t.name()
          + " --time-to-live-specification Enabled=true,AttributeName=" + a), t.name()));
    }
    schema.buckets().forEach(b -> assertTrue(script.contains("create-bucket --bucket " + b.name() + " "), b.name()));
    assertTrue(script.contains("put-bucket-cors --bucket " + schema.mediaBucket().name()));
    assertTrue(script.contains("create-queue --queue-name " + schema.jobQueue().name() + " "));
    assertTrue(script.contains("create-queue --queue-name " + schema.jobQueue().dlqName() + " "));
    assertTrue(script.contains("maxReceiveCount\\\\\":\\\\\"" + schema.jobQueue().maxReceiveCount()));
    assertTrue(script.contains("\"VisibilityTimeout\":\"" + schema.jobQueue().visibilityTimeout().toSeconds()));
  }
}
