// Command release builds what a clerk downloads: baocao.exe for Windows and
// baocao for Linux, each built with -trimpath and the version stamped, and
// a zip per platform holding the program and HUONG-DAN.txt.
//
//	go run ./cmd/release [-version 1.2.0] [-out out/release]
package main

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// guide is the Vietnamese guide shipped in every zip.
//
//go:embed HUONG-DAN.txt
var guide string

type target struct{ goos, goarch, program string }

var targets = []target{
	{"windows", "amd64", "baocao.exe"},
	{"linux", "amd64", "baocao"},
}

func main() {
	version := flag.String("version", "", "phiên bản ghi vào chương trình (mặc định: theo git describe)")
	out := flag.String("out", filepath.Join("out", "release"), "thư mục ghi các tệp phát hành")
	flag.Parse()
	if *version == "" {
		*version = gitVersion()
	}
	if err := run(*version, *out); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(version, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, t := range targets {
		dir := filepath.Join(out, t.goos+"-"+t.goarch)
		bin := filepath.Join(dir, t.program)
		cmd := exec.Command("go", "build", "-trimpath",
			"-ldflags", "-s -w -X baocao/internal/cli.Version="+version,
			"-o", bin, "./cmd/baocao")
		cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s/%s: %w", t.goos, t.goarch, err)
		}
		program, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		zipPath := filepath.Join(out, fmt.Sprintf("baocao-%s-%s-%s.zip", version, t.goos, t.goarch))
		if err := writeZip(zipPath, t, program); err != nil {
			return err
		}
		fmt.Println(zipPath)
	}
	return nil
}

// writeZip packs the program and the guide. On Windows the guide gets CRLF
// line ends and a byte-order mark, so that old Notepad shows it right.
func writeZip(path string, t target, program []byte) error {
	text := guide
	if t.goos == "windows" {
		text = "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	now := time.Now()
	for _, f := range []struct {
		name string
		mode os.FileMode
		data []byte
	}{{t.program, 0o755, program}, {"HUONG-DAN.txt", 0o644, []byte(text)}} {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: now}
		h.SetMode(f.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(f.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func gitVersion() string {
	b, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
	if v := strings.TrimSpace(string(b)); err == nil && v != "" {
		return v
	}
	return "dev"
}
