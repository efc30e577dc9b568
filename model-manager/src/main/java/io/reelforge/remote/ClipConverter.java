package io.reelforge.remote;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import io.reelforge.encoding.EncodingException;
import io.reelforge.encoding.Mp4Probe;
import io.reelforge.encoding.VideoInfo;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderSpec;
import io.reelforge.imaging.CoverFit;

/**
 * Turns an upstream's video file into exactly the frames the spec asks for: checked first by decoding every
 * picture ({@link Mp4Probe}), refused when it is no video or its length is off by more than
 * {@value #LENGTH_TOLERANCE} of the clip's, then streamed frame by frame to the sink (the appliance's H.264
 * encoder), each output frame taking the source frame at the same point in time (16 fps to 24 fps repeats every
 * other frame) and covering the output size (aspect kept, overflow cropped).
 */
final class ClipConverter {

    static final double LENGTH_TOLERANCE = 0.1;

    private ClipConverter() {
    }

    /** What the upstream's file holds; a failure when it is not a decodable video of about the clip's length. */
    static VideoInfo check(Path file, RenderSpec spec) throws RenderException {
        VideoInfo info;
        try {
            info = Mp4Probe.probe(file);
        } catch (EncodingException e) {
            throw new RenderException("upstream.bad_video", "The upstream's answer is not a video: " + e.getMessage(), e);
        }
        if (info.frameCount() <= 0 || info.width() <= 0 || info.height() <= 0) {
            throw new RenderException("upstream.bad_video", "The upstream's video has no frames.");
        }
        double want = spec.frameCount() / (double) spec.fps();
        double got = info.frameRate() > 0 ? info.frameCount() / info.frameRate() : info.durationSeconds();
        if (Math.abs(got - want) > want * LENGTH_TOLERANCE) {
            throw new RenderException("upstream.bad_video", String.format(java.util.Locale.ROOT,
                    "The upstream's video lasts %.2f s (%d frames at %.2f fps), not the %.2f s asked for.",
                    got, info.frameCount(), info.frameRate(), want));
        }
        return info;
    }

    /** Sends {@code spec.frameCount()} frames to the sink, reporting progress from {@code from} to {@code to}. */
    static void convert(Path file, VideoInfo info, RenderSpec spec, FrameSink sink, RenderControl control,
                        double from, double to) throws RenderException {
        int out = spec.frameCount();
        int src = info.frameCount();
        BufferedImage frame = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        boolean sameSize = info.width() == spec.width() && info.height() == spec.height();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            int index = -1;
            BufferedImage current = null;
            for (int i = 0; i < out; i++) {
                control.checkpoint(from + (to - from) * i / out);
                int want = Math.min(src - 1, (int) ((i + 0.5) * src / out));
                while (index < want) {
                    Frame f = grabber.grabImage();
                    if (f == null) {
                        break;
                    }
                    index++;
                    if (index == want) {
                        current = converter.convert(f);
                    }
                }
                if (current == null) {
                    throw new RenderException("upstream.bad_video", "The upstream's video ended after " + (index + 1) + " frames.");
                }
                if (sameSize && current.getType() == BufferedImage.TYPE_3BYTE_BGR) {
                    frame.getRaster().setRect(current.getRaster());
                } else {
                    CoverFit.coverInto(current, frame);
                }
                sink.accept(frame);
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new RenderException("upstream.bad_video", "The upstream's video could not be decoded: " + e.getMessage(), e);
        }
    }
}
