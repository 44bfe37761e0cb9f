package io.tributary.infra.functions;

import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.secrets.Secrets;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.InvokeMode;
import software.constructs.Construct;

/**
 * The management API and the playlist functions, each with exactly the data access it uses:
 * the API owns streams, keys, sessions, tokens and idempotency records and reads metrics; the
 * playlist function only reads streams, sessions and the segment index. Neither touches S3 or SQS.
 *
 * <p>The playback HMAC key reaches both as {@code TRIBUTARY_PLAYBACK_SECRET} through a
 * CloudFormation dynamic reference resolved at deploy: it never sits in the template, but anyone
 * allowed {@code lambda:GetFunctionConfiguration} can read it, which is why only the two
 * functions that need it get it. The admin token is read at run time by ARN instead, since the
 * API needs it once per cold start and it is an account-level credential.
 */
public final class Functions extends Construct {
  private final JavaFunction api;
  private final JavaFunction playlist;
  private final FunctionUrl playlistUrl;

  public Functions(Construct scope, String id, Path apiJar, Path playlistJar, ResourceEnv env, Tables tables,
                   Secrets secrets) {
    super(scope, id);
    String playbackKey = secrets.playbackKey().getSecretValue().unsafeUnwrap();

    Map<String, String> apiEnv = new LinkedHashMap<>(env.variables());
    apiEnv.put(ServiceContract.ADMIN_TOKEN_SECRET_ARN, secrets.adminToken().getSecretArn());
    apiEnv.put(ServiceContract.PLAYBACK_SECRET, playbackKey);
    api = new JavaFunction(this, "Api", apiJar, ServiceContract.API_HANDLER, 1024, Duration.seconds(15), apiEnv,
        "Tributary management API (HTTP API payload 2.0)");
    Tables.allow(api.function(), tables.streams(), Tables.readWrite(), StreamsTable.BY_TENANT);
    Tables.allow(api.function(), tables.keys(), Tables.readWrite(), KeysTable.BY_STREAM);
    Tables.allow(api.function(), tables.sessions(), Tables.readWrite());
    Tables.allow(api.function(), tables.tokens(), Tables.readWrite());
    Tables.allow(api.function(), tables.idempotency(), Tables.readWrite());
    Tables.allow(api.function(), tables.metrics(), Tables.READ);
    secrets.adminToken().grantRead(api.function());

    Map<String, String> playlistEnv = new LinkedHashMap<>(env.variables());
    playlistEnv.put(ServiceContract.PLAYBACK_SECRET, playbackKey);
    playlistEnv.put(ServiceContract.PLAYLIST_SERVE_MEDIA, "false");
    playlist = new JavaFunction(this, "Playlist", playlistJar, ServiceContract.PLAYLIST_HANDLER, 1024,
        Duration.seconds(10), playlistEnv, "Tributary HLS/DASH manifests and watch page (CloudFront origin)");
    Tables.allow(playlist.function(), tables.streams(), Tables.READ);
    Tables.allow(playlist.function(), tables.sessions(), Tables.READ);
    Tables.allow(playlist.function(), tables.segments(), Tables.READ);
    // IAM-authenticated: only CloudFront (origin access control, signing with SigV4) can call it,
    // so the cache cannot be bypassed.
    playlistUrl = playlist.alias().addFunctionUrl(FunctionUrlOptions.builder()
        .authType(FunctionUrlAuthType.AWS_IAM).invokeMode(InvokeMode.BUFFERED).build());
  }

  /** Tells the API where viewers and encoders connect, for the URLs it returns. */
  public void setPublicUrls(String playbackBaseUrl, String rtmpBaseUrl) {
    api.function().addEnvironment(ServiceContract.PLAYBACK_BASE_URL, playbackBaseUrl);
    api.function().addEnvironment(ServiceContract.RTMP_BASE_URL, rtmpBaseUrl);
  }

  public JavaFunction api() {
    return api;
  }

  public JavaFunction playlist() {
    return playlist;
  }

  public FunctionUrl playlistUrl() {
    return playlistUrl;
  }
}
