package io.tributary.transcode.worker;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.media.FfmpegBinaries;
import io.tributary.core.resources.ResourceNames;
import io.tributary.transcode.job.MediaStore;
import io.tributary.transcode.job.SegmentIndex;
import io.tributary.transcode.job.TranscodeHandler;
import io.tributary.transcode.media.EncoderSettings;
import io.tributary.transcode.media.FfmpegRunner;
import io.tributary.transcode.media.Transcoder;

/** Wires the one {@link TranscodeHandler} the same way for the ECS worker and the Lambda. */
public final class Components {
  private static final int STDERR_LIMIT = 16 * 1024;

  private Components() {}

  public static TranscodeHandler handler(AwsClients clients, ResourceNames names, FfmpegBinaries ffmpeg,
                                         WorkerConfig config) {
    EncoderSettings settings = new EncoderSettings(config.x264Preset(), EncoderSettings.DEFAULT.thumbnailHeight(),
        EncoderSettings.DEFAULT.bframes());
    Transcoder transcoder = new Transcoder(ffmpeg.ffmpeg(), new FfmpegRunner(config.ffmpegTimeout(), STDERR_LIMIT), settings);
    return new TranscodeHandler(new MediaStore(clients.s3(), names.rawBucket(), names.mediaBucket()),
        new SegmentIndex(clients.dynamo(), names.segmentsTable()), transcoder, config.scratch());
  }
}
