// Command modzip writes the SDK module as a Go module proxy would serve it, so that a consumer installs it
// with GOPROXY=file://<out> and nothing else:
//
//	<out>/github.com/reelforge/reelforge-go/@v/{list,v0.1.0.info,v0.1.0.mod,v0.1.0.zip}
//
// Usage (from sdks/go): go run ./tools/modzip -version v0.1.0 -out dist/proxy .
// Like `go mod` it leaves out folders with their own go.mod (this tool, the contract tests), dot files and the
// output folder.
package main

import (
	"archive/zip"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	version := flag.String("version", "v0.1.0", "module version")
	out := flag.String("out", "dist/proxy", "proxy folder to write")
	flag.Parse()
	root := flag.Arg(0)
	if root == "" {
		root = "."
	}
	root, err := filepath.EvalSymlinks(root) // WalkDir does not descend into a symlinked root
	if err != nil {
		log.Fatal(err)
	}
	modFile, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		log.Fatal(err)
	}
	module := ""
	for _, l := range strings.Split(string(modFile), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "module" {
			module = f[1]
		}
	}
	if module == "" {
		log.Fatal("no module line in go.mod")
	}
	absOut, _ := filepath.Abs(*out)
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			abs, _ := filepath.Abs(p)
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor" || abs == absOut || rel == "dist" ||
				exists(filepath.Join(p, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	if len(files) < 2 {
		log.Fatalf("only %d files under %s: not the module", len(files), root)
	}
	sort.Strings(files)
	dir := filepath.Join(*out, filepath.FromSlash(module), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	zf, err := os.Create(filepath.Join(dir, *version+".zip"))
	if err != nil {
		log.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	stamp := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: module + "@" + *version + "/" + f, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			log.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			log.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		log.Fatal(err)
	}
	info, _ := json.Marshal(map[string]string{"Version": *version, "Time": stamp.Format(time.RFC3339)})
	write(filepath.Join(dir, *version+".info"), info)
	write(filepath.Join(dir, *version+".mod"), modFile)
	write(filepath.Join(dir, "list"), []byte(*version+"\n"))
	fmt.Printf("%s@%s: %d files -> %s\n", module, *version, len(files), dir)
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func write(p string, b []byte) {
	if err := os.WriteFile(p, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
