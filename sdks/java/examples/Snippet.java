import io.reelforge.sdk.Reelforge;
import io.reelforge.sdk.VideoRequest;

import java.nio.file.Path;

public class Snippet {
    public static void main(String[] args) {
        Reelforge client = new Reelforge("YOUR_API_KEY");
        // Submit
        var job = client.video().generate(VideoRequest.builder()
                .prompt("A cinematic drone shot gliding over a misty mountain valley at dawn")
                .resolution("1080p")
                .duration(5)
                .build());
        System.out.println("Job started: " + job.generationId());
        // Poll until done (the SDK long-polls: waitFor blocks until complete)
        var result = client.video().waitFor(job.generationId());
        result.save(Path.of("output.mp4"));
        System.out.println("Video saved: output.mp4");
    }
}
