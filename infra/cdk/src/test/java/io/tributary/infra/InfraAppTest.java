package io.tributary.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.config.InfraConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraAppTest {

  @Test
  void findsTheCheckoutAboveTheWorkingDirectory() {
    // Surefire runs in infra/cdk, as `cdk synth` does.
    Path root = InfraApp.repoRoot(null);
    assertTrue(root.resolve("core").toFile().isDirectory(), root.toString());
    assertEquals(root, InfraApp.repoRoot(root.toString()));
  }

  @Test
  void aConfiguredRootMustBeTheCheckout(@TempDir Path elsewhere) {
    InfraConfigException e = assertThrows(InfraConfigException.class, () -> InfraApp.repoRoot(elsewhere.toString()));
    assertEquals(InfraApp.REPO_ROOT, e.key());
  }

  @Test
  void stackIsEnvironmentAgnosticUnlessTheCliProvidesAnAccount() {
    assertTrue(Synth.defaults().stack().getAccount().startsWith("${Token["));
    assertTrue(Synth.defaults().stack().getRegion().startsWith("${Token["));
  }
}
