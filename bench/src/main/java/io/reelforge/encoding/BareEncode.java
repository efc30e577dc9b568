package io.reelforge.encoding;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The benchmark's baseline: FFmpegFrameRecorder fed pre-made BGR frames directly, with exactly the codec and
 * tuning the appliance's encoder picks (in this package to reuse that choice, not copy it).
 */
public final class BareEncode {

    private BareEncode() {
    }

    public static String encode(List<byte[]> frames, int width, int height, int fps, Path out) throws Exception {
        FfmpegLog.quiet();
        EncoderOptions options = EncoderOptions.defaults();
        String codec = H264Encoders.choose(options);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), width, height, 0)) {
            r.setFormat("mp4");
            r.setVideoCodecName(codec);
            r.setPixelFormat(AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setOption("movflags", "+faststart");
            CodecTuning.apply(r, codec, options, width, height, fps);
            r.start();
            for (byte[] f : frames) {
                r.recordImage(width, height, Frame.DEPTH_UBYTE, 3, width * 3, AV_PIX_FMT_BGR24, ByteBuffer.wrap(f));
            }
            r.stop();
        }
        return codec;
    }
}
