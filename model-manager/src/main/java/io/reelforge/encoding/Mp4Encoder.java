package io.reelforge.encoding;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.reelforge.engine.FrameSink;
import io.reelforge.engine.RenderException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Streams frames into an H.264 MP4 (yuv420p, {@code +faststart}) as they arrive. The file is written next to
 * the target under a temporary name and moved into place by {@link #finish()}; closing without finishing
 * (a failed or cancelled render) deletes it, so a target path never holds half a video.
 *
 * <p>One encoder per render, used from one thread.
 */
public final class Mp4Encoder implements FrameSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Mp4Encoder.class.getName());

    private final Path target;
    private final Path partial;
    private final String codec;
    private final FFmpegFrameRecorder recorder;
    private final BgrStaging staging;
    private int frames;
    private boolean done;

    private Mp4Encoder(Path target, Path partial, String codec, FFmpegFrameRecorder recorder, BgrStaging staging) {
        this.target = target;
        this.partial = partial;
        this.codec = codec;
        this.recorder = recorder;
        this.staging = staging;
    }

    /** Opens an encoder that will write {@code target}; frames must then be exactly {@code width x height}. */
    public static Mp4Encoder open(Path target, int width, int height, int fps, EncoderOptions options) throws EncodingException {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0 || fps <= 0) {
            throw new IllegalArgumentException("need an even, positive size and a positive fps: " + width + "x" + height + "@" + fps);
        }
        FfmpegLog.quiet();
        String codec = H264Encoders.choose(options);
        Path partial = createPartial(target);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(codec);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        // time base 1/fps and pts = frame number: 120 frames at 24 fps last exactly 5 s
        recorder.setFrameRate(fps);
        recorder.setOption("movflags", "+faststart");
        CodecTuning.apply(recorder, codec, options, width, height, fps);
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            release(recorder);
            deleteQuietly(partial);
            throw new EncodingException("could not start " + codec + " for " + target + ": " + e.getMessage(), e);
        }
        return new Mp4Encoder(target, partial, codec, recorder, new BgrStaging(width, height));
    }

    /** Names of the H.264 encoders compiled into this FFmpeg build, best first; for diagnostics. */
    public static List<String> availableH264Encoders() {
        FfmpegLog.quiet();
        return H264Encoders.available();
    }

    /** The FFmpeg encoder in use, e.g. {@code libopenh264}. */
    public String codec() {
        return codec;
    }

    public int frameCount() {
        return frames;
    }

    @Override
    public void accept(BufferedImage frame) throws RenderException {
        try {
            write(frame);
        } catch (EncodingException e) {
            throw new RenderException("encode.failed", e.getMessage(), e);
        }
    }

    /** Encodes one frame; the image may be reused by the caller as soon as this returns. */
    public void write(BufferedImage frame) throws EncodingException {
        if (done) {
            throw new IllegalStateException("encoder already finished or closed");
        }
        try {
            recorder.recordImage(staging.width(), staging.height(), Frame.DEPTH_UBYTE, 3, staging.stride(),
                    AV_PIX_FMT_BGR24, staging.load(frame));
            frames++;
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new EncodingException("encoding frame " + frames + " failed: " + e.getMessage(), e);
        }
    }

    /** Flushes the encoder, writes the index up front and moves the file into place. */
    public Path finish() throws EncodingException {
        if (done) {
            throw new IllegalStateException("encoder already finished or closed");
        }
        if (frames == 0) {
            throw new EncodingException("no frames were written to " + target);
        }
        done = true;
        try {
            recorder.stop();
            moveIntoPlace(partial, target);
            return target;
        } catch (IOException | RuntimeException e) {
            release(recorder);
            deleteQuietly(partial);
            throw new EncodingException("could not finish " + target + ": " + e.getMessage(), e);
        }
    }

    /** Abandons an unfinished file; does nothing after {@link #finish()}. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            release(recorder);
            deleteQuietly(partial);
        }
    }

    private static Path createPartial(Path target) throws EncodingException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            // e.g. AccessDeniedException, whose message is only the path of the file or folder it could not open
            throw new EncodingException("cannot write next to " + target + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Readers of the target see the old file or the whole new one, never a file being written. */
    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            LOG.log(Level.WARNING, "releasing the recorder failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete partial video " + file, e);
        }
    }
}
