package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// readZip returns the files of a zip by name.
func readZip(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	return files
}

// The zip holds one folder with the program and the guide of its system;
// the Windows guide has CRLF and a byte-order mark for Notepad, the Linux
// one plain LF.
func TestWriteZip(t *testing.T) {
	for _, tg := range targets {
		t.Run(tg.goos, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.zip")
			if err := writeZip(path, "baocao-1.2.0", tg, []byte("program")); err != nil {
				t.Fatal(err)
			}
			files := readZip(t, path)
			if len(files) != 3 || files["baocao-1.2.0/"] != "" || files["baocao-1.2.0/"+tg.program] != "program" {
				t.Fatalf("zip holds %q", keys(files))
			}
			g := files["baocao-1.2.0/HUONG-DAN.txt"]
			crlf := strings.HasPrefix(g, "\ufeff") && strings.Count(g, "\r\n") == strings.Count(g, "\n")
			if crlf != (tg.goos == "windows") {
				t.Errorf("%s guide: BOM and CRLF = %v", tg.goos, crlf)
			}
			want := map[string][]string{
				"windows": {"Bấm đúp vào baocao.exe", "Windows 10 hoặc Windows 11", "64-bit", "SmartScreen", "«Thông tin bổ sung»", "«Vẫn chạy»", "PDF", "baocao-<phiên bản>"},
				"linux":   {"Linux", "./baocao", "~/baocao", "PDF", "baocao-<phiên bản>"},
			}[tg.goos]
			for _, w := range want {
				if !strings.Contains(g, w) {
					t.Errorf("the %s guide lacks %q", tg.goos, w)
				}
			}
			if tg.goos == "linux" {
				for _, w := range []string{"baocao.exe", "Windows", "Documents", "Notepad", "Explorer"} {
					if strings.Contains(g, w) {
						t.Errorf("the Linux guide speaks of %q", w)
					}
				}
			}
		})
	}
}

func keys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	return k
}

func TestVersionNumbers(t *testing.T) {
	for v, want := range map[string][4]uint16{
		"1.2.0": {1, 2, 0, 0}, "v1.2.0": {1, 2, 0, 0}, "v1.2.0-3-gabc123f": {1, 2, 0, 3},
		"v2.1": {2, 1, 0, 0}, "dev": {}, "b5eb99e": {}, "1.2.0-dirty": {1, 2, 0, 0},
	} {
		if got := versionNumbers(v); got != want {
			t.Errorf("versionNumbers(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestWindowsRelease builds the Windows release as the script does: the
// program in the zip carries the icon, the version and publisher, the
// manifest for Windows 10 and later, and, given a certificate (a throwaway
// self-signed one, made with openssl), Authenticode's signature; the .syso
// is gone after the build.
func TestWindowsRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds baocao.exe")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	c := config{version: "1.2.0", out: out, publisher: "Văn phòng HĐND và UBND xã Xốp", root: root}
	signed := false
	if _, err := exec.LookPath("osslsigncode"); err != nil {
		t.Log("osslsigncode is missing (apt-get install osslsigncode): the program is built unsigned and the signature not checked")
	} else if openssl, err := exec.LookPath("openssl"); err != nil {
		t.Log("openssl is missing: no throwaway certificate, the signature is not checked")
	} else {
		dir := t.TempDir()
		c.sign = signing{cert: filepath.Join(dir, "cert.pem"), key: filepath.Join(dir, "key.pem")}
		cmd := exec.Command(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
			"-subj", "/CN=baocao thu nghiem", "-addext", "extendedKeyUsage=codeSigning",
			"-keyout", c.sign.key, "-out", c.sign.cert)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl: %v\n%s", err, b)
		}
		signed = true
	}
	var windows []target
	for _, tg := range targets {
		if tg.goos == "windows" {
			windows = append(windows, tg)
		}
	}
	if err := run(c, windows); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "baocao", sysoName)); err == nil {
		t.Error("the .syso was left in cmd/baocao")
	}
	files := readZip(t, filepath.Join(out, "baocao-1.2.0-windows-amd64.zip"))
	exe := []byte(files["baocao-1.2.0/baocao.exe"])
	if len(files) != 3 || len(exe) == 0 || files["baocao-1.2.0/HUONG-DAN.txt"] == "" {
		t.Fatalf("zip holds %q", keys(files))
	}
	rs, err := winres.LoadFromEXE(bytes.NewReader(exe))
	if err != nil {
		t.Fatal(err)
	}
	if icon, err := rs.GetIcon(winres.Name("APPICON")); err != nil || icon == nil {
		t.Errorf("no icon: %v", err)
	}
	var vi []byte
	rs.WalkType(winres.RT_VERSION, func(_ winres.Identifier, _ uint16, data []byte) bool {
		vi = data
		return false
	})
	info, err := version.FromBytes(vi)
	if err != nil {
		t.Fatalf("version information: %v", err)
	}
	js, _ := json.Marshal(info)
	for _, want := range []string{`"CompanyName":"Văn phòng HĐND và UBND xã Xốp"`, `"ProductVersion":"1.2.0"`, `"FileVersion":"1.2.0"`, `"file_version":"1.2.0.0"`, `"FileDescription":"` + description + `"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("version information lacks %s:\n%s", want, js)
		}
	}
	var manifest []byte
	rs.WalkType(winres.RT_MANIFEST, func(_ winres.Identifier, _ uint16, data []byte) bool {
		manifest = data
		return false
	})
	for _, want := range []string{`level="asInvoker"`, "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"} { // Windows 10
		if !bytes.Contains(manifest, []byte(want)) {
			t.Errorf("the manifest lacks %s:\n%s", want, manifest)
		}
	}
	isSigned, err := winres.IsSignedEXE(bytes.NewReader(exe))
	if err != nil {
		t.Fatal(err)
	}
	if isSigned != signed {
		t.Errorf("signed: %v, want %v", isSigned, signed)
	}
	if !signed {
		t.Skip("osslsigncode or openssl is missing: the signature is not checked")
	}
	p := filepath.Join(t.TempDir(), "baocao.exe")
	os.WriteFile(p, exe, 0o644)
	b, err := exec.Command("osslsigncode", "verify", "-CAfile", c.sign.cert, "-in", p).CombinedOutput()
	if err != nil || !strings.Contains(string(b), "baocao thu nghiem") || !strings.Contains(string(b), "Signature verification: ok") {
		t.Errorf("osslsigncode verify: %v\n%s", err, b)
	}
}
