package contract

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// S17: examples/snippet/main.go (the reference page's Go snippet with only names changed, plus package main
// and func main) runs as its own program, built against the installed module, in an empty folder.
func TestS17ReferenceSnippet(t *testing.T) {
	sdk := env(t, "REELFORGE_GO_SDK_DIR") // set by test.sh: the sdks/go folder with examples/ and README.md
	key := env(t, "REELFORGE_API_KEY")
	env(t, "REELFORGE_BASE_URL")
	src, err := os.ReadFile(filepath.Join(sdk, "examples", "snippet", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(sdk, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) != "" && !strings.Contains(string(readme), line) {
			t.Fatalf("README.md lacks the snippet line %q", line)
		}
	}
	if !strings.Contains(string(src), `"YOUR_API_KEY"`) {
		t.Fatal(`the snippet lost its "YOUR_API_KEY"`)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module snippet\n\ngo 1.19\n\nrequire github.com/reelforge/reelforge-go v0.1.0\n")
	write("main.go", strings.Replace(string(src), `"YOUR_API_KEY"`, `"`+key+`"`, 1))
	bin := filepath.Join(t.TempDir(), "snippet")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the snippet: %v\n%s", err, out)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	run := exec.Command(bin)
	run.Dir = empty
	start := time.Now()
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("the snippet failed after %s: %v\n%s", time.Since(start), err, out)
	}
	validMP4(t, filepath.Join(empty, "output.mp4"), 1920, 1080)
}
