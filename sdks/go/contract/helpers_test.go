// Package contract runs the SDK contract scenarios (sdks/contract/SCENARIOS.md) against a real appliance,
// with the SDK installed from its module zip (see ../test.sh). Nothing is mocked; nothing is skipped.
package contract

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	reelforge "github.com/reelforge/reelforge-go"
)

const lang = "go"

func env(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set (sdks/contract/run.sh sets it; see sdks/go/README.md)", name)
	}
	return v
}

func client(t *testing.T, keyVar string, opts ...reelforge.Option) *reelforge.Client {
	t.Helper()
	base := []reelforge.Option{reelforge.WithBaseURL(env(t, "REELFORGE_BASE_URL")), reelforge.WithRetryDelay(500 * time.Millisecond)}
	return reelforge.New(env(t, keyVar), append(base, opts...)...)
}

func prompt(id, what string) string { return id + " " + lang + ": " + what }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func wait60(c *reelforge.Client, id string) (*reelforge.Generation, error) {
	return c.Video.Wait(id, reelforge.WaitTimeout(60*time.Second), reelforge.PollInterval(500*time.Millisecond))
}

// cancelLater cancels a job when the test ends, whatever happened, so quotas stay free.
func cancelLater(t *testing.T, c *reelforge.Client, id string) {
	t.Cleanup(func() {
		if g, err := c.Video.Get(id); err == nil && !g.Terminal() {
			_, _ = c.Video.Cancel(id)
		}
	})
}

func mustGenerate(t *testing.T, c *reelforge.Client, req reelforge.VideoRequest) *reelforge.Generation {
	t.Helper()
	g, err := c.Video.Generate(req)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	cancelLater(t, c, g.GenerationID)
	return g
}

// apiErr asserts that err is the typed error target points to and carries status and code.
func apiErr(t *testing.T, err error, target interface{}, status int, code string) *reelforge.APIError {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %T %d %s", target, status, code)
	}
	if !errors.As(err, target) {
		t.Fatalf("error %T (%v); want %T", err, err, target)
	}
	var ae *reelforge.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("%T does not unwrap to *reelforge.APIError", err)
	}
	if ae.StatusCode != status || ae.Code != code {
		t.Fatalf("got %d %s; want %d %s (%v)", ae.StatusCode, ae.Code, status, code, err)
	}
	return ae
}

// validMP4 runs the scenario list's ffprobe check.
func validMP4(t *testing.T, path string, width, height int) {
	t.Helper()
	out, err := exec.Command("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
		"-show_entries", "stream=codec_name,width,height,nb_read_frames", "-show_entries", "format=duration,format_name",
		"-of", "json", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	var p struct {
		Streams []struct {
			CodecName    string `json:"codec_name"`
			Width        int    `json:"width"`
			Height       int    `json:"height"`
			NbReadFrames string `json:"nb_read_frames"`
		} `json:"streams"`
		Format struct {
			Duration   string `json:"duration"`
			FormatName string `json:"format_name"`
		} `json:"format"`
	}
	if err := json.Unmarshal(out, &p); err != nil || len(p.Streams) != 1 {
		t.Fatalf("ffprobe output %s: %v", out, err)
	}
	s := p.Streams[0]
	d, _ := strconv.ParseFloat(p.Format.Duration, 64)
	if s.CodecName != "h264" || !strings.Contains(p.Format.FormatName, "mp4") || s.Width != width || s.Height != height ||
		s.NbReadFrames != "120" || d < 4.9 || d > 5.1 {
		t.Fatalf("%s is not a 5 s %dx%d H.264 MP4 of 120 frames: %s", path, width, height, out)
	}
}

func writePNG(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.RGBA{R: 200, G: 80, B: 40, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "start.png")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, buf.Bytes()
}

func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("time %q: %v", s, err)
	}
	return v
}
