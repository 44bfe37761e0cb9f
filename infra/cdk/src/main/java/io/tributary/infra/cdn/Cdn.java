package io.tributary.infra.cdn;

import io.tributary.infra.nag.Nag;
import io.tributary.infra.storage.AccessLogs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersCorsBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.FunctionUrlOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * CloudFront in front of everything viewers fetch. Segments and init segments come straight from
 * the media bucket (origin access control; the bucket stays private) and never change once
 * written, so they are cached long and keyed on the path alone (a {@code ?token=} does not split
 * the cache). Manifests and the watch page come from the playlist function's URL (origin access
 * control for Lambda, SigV4), cached as briefly as its Cache-Control says — at most half a
 * segment for a live playlist (RFC 8216 §6.2.2 reloads), up to a day for VOD — and 1 s when it
 * sends none. Errors are cached at most 1 s, so a segment requested a moment before it exists
 * (S3 answers 403 for a missing key without ListBucket) is fetched again on the next reload.
 *
 * <p>Media of private streams needs a playback token like their manifests: a CloudFront Function
 * ({@link MediaTokenCheck}) checks one on the viewer request of every segment and init segment,
 * of every stream, and the playlist function puts one on every media URI
 * ({@link #EDGE_TOKENS_ENV}). No per-stream state reaches the edge, so making a stream private
 * takes effect with its next manifest; tokens the playlist issued for it while it was public stay
 * valid until they expire (at most a day and a few hours). Thumbnails are not checked.
 */
public final class Cdn extends Construct {
  public static final List<String> MANIFEST_PATHS = List.of("*.m3u8", "*.mpd", "/watch/*");
  public static final String THUMBNAIL_PATH = "*/thumb.jpg";
  /** Statuses whose error caching is lowered to {@link #ERROR_CACHE_SECONDS}. */
  public static final List<Integer> SHORT_CACHED_ERRORS = List.of(403, 404, 500, 502, 503, 504);
  public static final int ERROR_CACHE_SECONDS = 1;
  /**
   * The playlist function's switch ({@code PlaylistConfig.ENV_EDGE_TOKENS}) that puts a token on
   * every media URI, public streams included; set on the function by the stack with this CDN.
   */
  public static final String EDGE_TOKENS_ENV = "TRIBUTARY_PLAYLIST_EDGE_TOKENS";

  private final Distribution distribution;

  public Cdn(Construct scope, String id, Bucket media, FunctionUrl playlistUrl, IFunction playlist, AccessLogs logs,
             String priceClass, ISecret playbackKey) {
    super(scope, id);
    // The key enters the function code as a dynamic reference resolved at deploy: never in the
    // template or the cloud assembly. Like the playlist's environment, the deployed code is
    // readable by whoever may call cloudfront:GetFunction.
    Function mediaTokens = Function.Builder.create(this, "MediaTokens")
        .comment("Tributary: playback token on every segment and init segment")
        .runtime(FunctionRuntime.JS_2_0)
        .code(FunctionCode.fromInline(MediaTokenCheck.code(playbackKey.getSecretValue().unsafeUnwrap())))
        .build();
    ResponseHeadersPolicy cors = ResponseHeadersPolicy.Builder.create(this, "Cors")
        .comment("Players on any origin may fetch manifests and segments")
        .corsBehavior(ResponseHeadersCorsBehavior.builder()
            .accessControlAllowOrigins(List.of("*"))
            .accessControlAllowMethods(List.of("GET", "HEAD", "OPTIONS"))
            .accessControlAllowHeaders(List.of("*"))
            .accessControlExposeHeaders(List.of("Content-Length", "Content-Range", "Date", "Age"))
            .accessControlAllowCredentials(false)
            .accessControlMaxAge(Duration.days(1))
            .originOverride(true)
            .build())
        .build();

    CachePolicy segments = CachePolicy.Builder.create(this, "Segments")
        .comment("CMAF segments and init segments: immutable once written")
        .minTtl(Duration.days(1)).defaultTtl(Duration.days(365)).maxTtl(Duration.days(365))
        .queryStringBehavior(CacheQueryStringBehavior.none())
        .headerBehavior(CacheHeaderBehavior.none())
        .cookieBehavior(CacheCookieBehavior.none())
        .build();
    CachePolicy thumbnails = CachePolicy.Builder.create(this, "Thumbnails")
        .comment("Stream thumbnail: overwritten while live")
        .minTtl(Duration.seconds(0)).defaultTtl(Duration.seconds(5)).maxTtl(Duration.minutes(1))
        .queryStringBehavior(CacheQueryStringBehavior.none())
        .build();
    CachePolicy manifests = CachePolicy.Builder.create(this, "Manifests")
        .comment("HLS/DASH manifests: the origin's Cache-Control rules, 1 s without one")
        .minTtl(Duration.seconds(0)).defaultTtl(Duration.seconds(1)).maxTtl(Duration.days(1))
        // token: private streams; start/end: DVR clip playlists. Anything else must not split the cache.
        .queryStringBehavior(CacheQueryStringBehavior.allowList("token", "start", "end"))
        .headerBehavior(CacheHeaderBehavior.none())
        .cookieBehavior(CacheCookieBehavior.none())
        .enableAcceptEncodingGzip(true)
        .enableAcceptEncodingBrotli(true)
        .build();

    IOrigin mediaOrigin = S3BucketOrigin.withOriginAccessControl(media);
    IOrigin playlistOrigin = FunctionUrlOrigin.withOriginAccessControl(playlistUrl);
    Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
    BehaviorOptions manifestBehavior = BehaviorOptions.builder()
        .origin(playlistOrigin)
        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD_OPTIONS)
        .cachedMethods(CachedMethods.CACHE_GET_HEAD_OPTIONS)
        .cachePolicy(manifests)
        // A Function URL rejects a forwarded viewer Host header.
        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
        .responseHeadersPolicy(cors)
        .compress(true)
        .build();
    MANIFEST_PATHS.forEach(p -> behaviors.put(p, manifestBehavior));
    behaviors.put(THUMBNAIL_PATH, BehaviorOptions.builder()
        .origin(mediaOrigin)
        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD_OPTIONS)
        .cachedMethods(CachedMethods.CACHE_GET_HEAD_OPTIONS)
        .cachePolicy(thumbnails)
        .responseHeadersPolicy(cors)
        .build());

    distribution = Distribution.Builder.create(this, "Distribution")
        .comment("Tributary playback")
        .defaultBehavior(BehaviorOptions.builder()
            .origin(mediaOrigin)
            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
            .allowedMethods(AllowedMethods.ALLOW_GET_HEAD_OPTIONS)
            .cachedMethods(CachedMethods.CACHE_GET_HEAD_OPTIONS)
            .cachePolicy(segments)
            .responseHeadersPolicy(cors)
            // Before the cache: a cached segment is only served to a request with a valid token.
            .functionAssociations(List.of(FunctionAssociation.builder()
                .function(mediaTokens).eventType(FunctionEventType.VIEWER_REQUEST).build()))
            // fMP4 does not compress; skipping it saves edge CPU and keeps byte ranges exact.
            .compress(false)
            .build())
        .additionalBehaviors(behaviors)
        .errorResponses(SHORT_CACHED_ERRORS.stream()
            .map(s -> ErrorResponse.builder().httpStatus(s).ttl(Duration.seconds(ERROR_CACHE_SECONDS)).build())
            .toList())
        .httpVersion(HttpVersion.HTTP2_AND_3)
        .enableIpv6(true)
        .priceClass(priceClass(priceClass))
        .enableLogging(true)
        .logBucket(logs.bucket())
        .logFilePrefix("cloudfront/")
        .build();
    // Function URLs created since October 2025 also need lambda:InvokeFunction (invoked via the
    // URL) besides the lambda:InvokeFunctionUrl permission the OAC origin adds.
    playlist.addPermission("InvokeViaUrlFromCloudFront", Permission.builder()
        .principal(new ServicePrincipal("cloudfront.amazonaws.com"))
        .action("lambda:InvokeFunction")
        .invokedViaFunctionUrl(true)
        .sourceArn(distribution.getDistributionArn())
        .build());
    Nag.suppress(distribution, "AwsSolutions-CFR1", "Live streams are meant for every country; geo rules, "
        + "where a rights holder needs them, are a per-deployment decision.");
    Nag.suppress(distribution, "AwsSolutions-CFR2", "WAF costs at least $5/month plus per-request fees; the "
        + "origins are read-only (manifests, immutable segments) and cached.");
    Nag.suppress(distribution, "AwsSolutions-CFR4", "Served on the default *.cloudfront.net certificate, "
        + "where CloudFront fixes the minimum protocol; a custom domain would set TLSv1.2_2021.");
  }

  private static PriceClass priceClass(String value) {
    return switch (value) {
      case "200" -> PriceClass.PRICE_CLASS_200;
      case "All" -> PriceClass.PRICE_CLASS_ALL;
      default -> PriceClass.PRICE_CLASS_100;
    };
  }

  public Distribution distribution() {
    return distribution;
  }

  /** {@code https://<id>.cloudfront.net} — the API's playback base URL. */
  public String baseUrl() {
    return "https://" + distribution.getDistributionDomainName();
  }
}
