package io.reelforge.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What ffprobe (FFmpeg's own tool, not our code) reads from an MP4, frames counted by decoding. */
public record Ffprobe(String codec, String pixelFormat, int width, int height, String frameRate, int frames,
                      double duration, String formatName) {

    public static Ffprobe of(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames:format=duration,format_name",
                "-of", "json", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + out);
        }
        JsonNode j = Api.JSON.readTree(out);
        JsonNode s = j.path("streams").path(0);
        return new Ffprobe(s.path("codec_name").asText(), s.path("pix_fmt").asText(), s.path("width").asInt(),
                s.path("height").asInt(), s.path("r_frame_rate").asText(), s.path("nb_read_frames").asInt(),
                j.path("format").path("duration").asDouble(), j.path("format").path("format_name").asText());
    }
}
