package main

import "github.com/reelforge/reelforge-go"

func main() {
client := reelforge.New("YOUR_API_KEY")
job, err := client.Video.Generate(reelforge.VideoRequest{
Prompt: "A cinematic drone shot gliding over a misty mountain valley at dawn",
Resolution: "1080p",
Duration: 5,
})
if err != nil { panic(err) }
result, err := client.Video.Wait(job.GenerationID)
if err != nil { panic(err) }
result.Save("output.mp4")
}
