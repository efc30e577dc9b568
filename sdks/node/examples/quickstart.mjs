import { Reelforge } from "reelforge";
const client = new Reelforge({ apiKey: process.env.REELFORGE_API_KEY });
// Submit and await completion
const result = await client.video.generate({
prompt: "A cinematic drone shot gliding over a misty mountain valley at dawn",
resolution: "1080p",
duration: 5,
});
await result.save("output.mp4");
console.log("Video saved:", result.outputUrl);
