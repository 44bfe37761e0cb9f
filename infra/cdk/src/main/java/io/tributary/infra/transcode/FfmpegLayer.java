package io.tributary.infra.transcode;

import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * ffmpeg and ffprobe for the transcode Lambda, from the org.bytedeco:ffmpeg linux-x86_64-gpl jar
 * the build already resolved (this module's {@code target/ffmpeg-layer}, laid out as
 * {@code bin/} so Lambda mounts it at {@code /opt/bin}). The executables carry RUNPATH $ORIGIN,
 * so the shared libraries beside them load without LD_LIBRARY_PATH. About 30 MB zipped and
 * 83 MB unzipped, within Lambda's 250 MB unzipped limit for function plus layers.
 */
public final class FfmpegLayer extends Construct {
  private final LayerVersion layer;

  public FfmpegLayer(Construct scope, String id, Path layerDir, Runtime runtime) {
    super(scope, id);
    layer = LayerVersion.Builder.create(this, "Layer")
        .code(Code.fromAsset(layerDir.toString()))
        .compatibleRuntimes(List.of(runtime))
        .compatibleArchitectures(List.of(Architecture.X86_64))
        .license("GPL-2.0-or-later")
        .description("ffmpeg/ffprobe 7.1.1 (org.bytedeco linux-x86_64-gpl: x264, x265, SVT-AV1) in /opt/bin")
        .build();
  }

  public LayerVersion layer() {
    return layer;
  }
}
