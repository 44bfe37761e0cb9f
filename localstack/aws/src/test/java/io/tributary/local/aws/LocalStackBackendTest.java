package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/** What -Dtributary.aws=localstack does on a machine without Docker: skip, with the reason. */
class LocalStackBackendTest {

  @Test
  void withoutDockerTheTestsAreAbortedWithTheReason() throws Exception {
    // With Docker this would pull and start LocalStack: only the no-Docker path is checked here.
    Assumptions.assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available");
    RunningAws running = LocalStackBackend.start();
    assertTrue(running.abortReason().contains("no Docker engine"), running.abortReason());
    TestAbortedException e = assertThrows(TestAbortedException.class, running::aws);
    assertTrue(e.getMessage().contains("LocalStack tests skipped"), e.getMessage());
    running.close();
  }
}
