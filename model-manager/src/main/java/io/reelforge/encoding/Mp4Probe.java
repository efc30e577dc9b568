package io.reelforge.encoding;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video file to see what it really holds; for tests and diagnostics, not for serving. */
public final class Mp4Probe {

    private Mp4Probe() {
    }

    public static VideoInfo probe(Path file) throws EncodingException {
        FfmpegLog.quiet();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            if (grabber.getVideoStream() < 0) {
                throw new EncodingException(file + " has no video stream");
            }
            AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            AVRational rate = stream.avg_frame_rate();
            BytePointer pixelFormat = av_get_pix_fmt_name(stream.codecpar().format());
            return new VideoInfo(
                    grabber.getVideoCodecName(),
                    pixelFormat == null ? "unknown" : pixelFormat.getString(),
                    grabber.getImageWidth(),
                    grabber.getImageHeight(),
                    rate.den() == 0 ? 0 : (double) rate.num() / rate.den(),
                    countFrames(grabber),
                    grabber.getLengthInTime() / 1_000_000.0);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new EncodingException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int countFrames(FFmpegFrameGrabber grabber) throws FrameGrabber.Exception {
        int frames = 0;
        // decode every picture (a demuxer count would trust the file) but skip the conversion to RGB
        for (Frame f = grabber.grabFrame(false, true, false, false, false); f != null;
             f = grabber.grabFrame(false, true, false, false, false)) {
            if (f.image != null) {
                frames++;
            }
        }
        return frames;
    }
}
