package io.tributary.infra.cdn;

/**
 * Source of the CloudFront Function (runtime {@code cloudfront-js-2.0}) that runs on the viewer
 * request of every segment and init segment: it lets a request through only with a playback
 * token (core {@code PlaybackTokens}: {@code <exp>.<base64url HMAC-SHA256(secret, streamId + "." + exp)>})
 * for the stream in the path that has not expired.
 *
 * <p>The edge cannot tell public from private streams without a lookup, so it does not try:
 * every media URI carries a token. The playlist function repeats a private stream's viewer token
 * and issues one for a public stream ({@code TRIBUTARY_PLAYLIST_EDGE_TOKENS}). The segments' cache
 * key leaves the query string out, so tokens never split the cache; a cached segment is still
 * only served to a request that passed this check (viewer-request functions run before the cache).
 *
 * <p>The HMAC key is spliced in at deploy as a Secrets Manager dynamic reference: the template
 * holds the reference, not the key. The key is alphanumeric (the secret's generator excludes
 * punctuation), so it is a safe JavaScript string literal.
 */
public final class MediaTokenCheck {
  /** Placeholder the key replaces. */
  static final String SECRET_PLACEHOLDER = "__TRIBUTARY_PLAYBACK_SECRET__";

  /**
   * ES 5.1 plus what runtime 2.0 adds; the base64url alphabet is made from base64 by hand so the
   * code does not depend on a digest encoding name. Unknown paths get 404 (nothing else lives in
   * the media bucket's viewer paths); a missing or malformed token 401; a wrong or expired one 403.
   */
  static final String SOURCE = """
      import crypto from 'crypto';

      // core MediaKeys: live/{streamId}/{rendition}/{seq}.m4s and live/{streamId}/{rendition}/init-{sessionId}.mp4
      var MEDIA = /^\\/live\\/(st_[a-z2-7]{20})\\/[a-z0-9]{1,16}\\/(?:[0-9]{1,19}\\.m4s|init-[0-9]{8}T[0-9]{6}Z-[a-z2-7]{8}\\.mp4)$/;
      // core PlaybackTokens: expiry in epoch seconds (at most 12 digits), a dot, 32 bytes of HMAC in base64url
      var TOKEN = /^([0-9]{1,12})\\.([A-Za-z0-9_-]{43})$/;
      var SECRET = '__TRIBUTARY_PLAYBACK_SECRET__';

      function refuse(status, description) {
        return {
          statusCode: status,
          statusDescription: description,
          headers: {
            'access-control-allow-origin': { value: '*' },
            'cache-control': { value: 'no-store' }
          }
        };
      }

      function base64url(b64) {
        return b64.replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
      }

      // Compares every character, whatever the first difference, so timing does not reveal a prefix.
      function sameText(a, b) {
        if (a.length !== b.length) {
          return false;
        }
        var diff = 0;
        for (var i = 0; i < a.length; i++) {
          diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
        }
        return diff === 0;
      }

      function handler(event) {
        var request = event.request;
        if (request.method === 'OPTIONS') {
          return request; // CORS preflight: no media in the answer
        }
        var media = MEDIA.exec(request.uri);
        if (!media) {
          return refuse(404, 'Not Found');
        }
        var param = request.querystring.token;
        var parts = TOKEN.exec(param && param.value ? param.value : '');
        if (!parts) {
          return refuse(401, 'Unauthorized');
        }
        var exp = parseInt(parts[1], 10);
        if (Math.floor(Date.now() / 1000) >= exp) {
          return refuse(403, 'Forbidden');
        }
        // Signed over the expiry as Java prints the number: no leading zeros.
        var expected = crypto.createHmac('sha256', SECRET).update(media[1] + '.' + String(exp)).digest('base64');
        if (!sameText(base64url(expected), parts[2])) {
          return refuse(403, 'Forbidden');
        }
        return request;
      }
      """;

  private MediaTokenCheck() {}

  /** The function code with {@code secret} (a literal in tests, a dynamic reference token in the app). */
  public static String code(String secret) {
    return SOURCE.replace(SECRET_PLACEHOLDER, secret);
  }
}
