<?php
require "vendor/autoload.php";
use Reelforge\Client;
$client = new Client(getenv("REELFORGE_API_KEY"));
// Submit job
$job = $client->video()->generate([
"prompt" => "A cinematic drone shot gliding over a misty mountain valley at dawn",
"resolution" => "1080p",
"duration" => 5,
]);
// Poll until done
$result = $client->video()->wait($job->generation_id);
file_put_contents("output.mp4", $result->download());
