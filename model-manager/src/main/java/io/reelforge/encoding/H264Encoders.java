package io.reelforge.encoding;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_HARDWARE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_HYBRID;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_is_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_iterate;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The H.264 encoders compiled into the FFmpeg build on the class path, and the choice among them. The LGPL
 * build has no libx264, so "auto" cannot simply name one encoder.
 */
final class H264Encoders {

    static final String X264 = "libx264";
    static final String OPENH264 = "libopenh264";

    private static final Logger LOG = Logger.getLogger(H264Encoders.class.getName());

    private H264Encoders() {
    }

    /** Encoder names, best first: libx264, libopenh264, other software encoders, then hardware ones. */
    static List<String> available() {
        List<AVCodec> found = new ArrayList<>();
        try (PointerPointer<?> cursor = new PointerPointer<>(1L)) {
            cursor.zero();
            for (AVCodec c = av_codec_iterate(cursor); c != null && !c.isNull(); c = av_codec_iterate(cursor)) {
                if (av_codec_is_encoder(c) != 0 && c.id() == AV_CODEC_ID_H264) {
                    found.add(c);
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(H264Encoders::rank)).map(c -> c.name().getString()).toList();
    }

    /** The encoder to use for {@code options}: the named one if this build has it, else the best that opens. */
    static String choose(EncoderOptions options) throws EncodingException {
        if (!options.autoCodec()) {
            AVCodec named = avcodec_find_encoder_by_name(options.codec());
            if (named == null || named.isNull() || named.id() != AV_CODEC_ID_H264) {
                throw new EncodingException("no H.264 encoder named " + options.codec() + " in this FFmpeg build; it has " + available());
            }
            return options.codec();
        }
        return Auto.CHOICE.orElseThrow(() -> new EncodingException(
                "this FFmpeg build has no usable H.264 encoder (found " + available() + ")"));
    }

    private static int rank(AVCodec c) {
        String name = c.name().getString();
        if (X264.equals(name)) {
            return 0;
        }
        if (OPENH264.equals(name)) {
            return 1;
        }
        return (c.capabilities() & (AV_CODEC_CAP_HARDWARE | AV_CODEC_CAP_HYBRID)) == 0 ? 2 : 3;
    }

    /** Hardware encoders are compiled in whether or not the device exists, so only one that opens counts. */
    private static boolean opens(String name) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            return false;
        }
        try {
            context.width(256).height(144).pix_fmt(AV_PIX_FMT_YUV420P).bit_rate(1_000_000);
            context.time_base(av_make_q(1, 24)).framerate(av_make_q(24, 1));
            return avcodec_open2(context, codec, (AVDictionary) null) >= 0;
        } finally {
            avcodec_free_context(context);
        }
    }

    /** Probed once: what the native build offers does not change while the process runs. */
    private static final class Auto {
        static final Optional<String> CHOICE = available().stream().filter(H264Encoders::opens).findFirst();

        static {
            LOG.info(() -> "H.264 encoders in this FFmpeg build: " + available() + "; auto uses " + CHOICE.orElse("none"));
        }
    }
}
