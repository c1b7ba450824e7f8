// Command release builds what a clerk downloads: baocao.exe for Windows and
// baocao for Linux, each built with -trimpath and the version stamped, and
// a zip per platform holding one folder, baocao-VERSION, with the program
// and its HUONG-DAN.txt. The Windows program carries an icon, version
// information (version, publisher) and a manifest (winres.go), and is
// signed with osslsigncode when a certificate is given.
//
//	go run ./cmd/release [-version 1.2.0] [-out out/release] [-publisher TÊN]
//		[-sign-cert CERT.pem -sign-key KEY.pem | -sign-cert CERT.pfx] [-timestamp URL]
//
// The key's password, if any, is read from BAOCAO_SIGN_PASS.
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

// The Vietnamese guides shipped in the zips, one for each system.
var (
	//go:embed HUONG-DAN.txt
	guideWindows string
	//go:embed HUONG-DAN-linux.txt
	guideLinux string
)

type target struct{ goos, goarch, program, guide string }

var targets = []target{
	{"windows", "amd64", "baocao.exe", guideWindows},
	{"linux", "amd64", "baocao", guideLinux},
}

// config is one release.
type config struct {
	version, out string
	publisher    string
	// root is the module's folder (where cmd/baocao is).
	root string
	sign signing
}

// signing is the certificate the Windows program is signed with; none when
// cert is "".
type signing struct {
	cert, key, pass, timestamp string
}

func main() {
	c := config{root: "."}
	flag.StringVar(&c.version, "version", "", "phiên bản ghi vào chương trình (mặc định: theo git describe)")
	flag.StringVar(&c.out, "out", filepath.Join("out", "release"), "thư mục ghi các tệp phát hành")
	flag.StringVar(&c.publisher, "publisher", "Nhóm phát triển baocao", "nhà phát hành ghi trong thông tin của baocao.exe")
	flag.StringVar(&c.sign.cert, "sign-cert", os.Getenv("BAOCAO_SIGN_CERT"), "chứng thư ký baocao.exe: tệp .pem (kèm -sign-key) hoặc .pfx/.p12 (mặc định: biến BAOCAO_SIGN_CERT; không có thì không ký)")
	flag.StringVar(&c.sign.key, "sign-key", os.Getenv("BAOCAO_SIGN_KEY"), "khóa riêng .pem của chứng thư (mặc định: biến BAOCAO_SIGN_KEY)")
	flag.StringVar(&c.sign.timestamp, "timestamp", os.Getenv("BAOCAO_SIGN_TIMESTAMP"), "địa chỉ máy chủ đóng dấu thời gian khi ký (cần mạng; mặc định: biến BAOCAO_SIGN_TIMESTAMP)")
	flag.Parse()
	c.sign.pass = os.Getenv("BAOCAO_SIGN_PASS")
	if c.version == "" {
		c.version = gitVersion()
	}
	if err := run(c, targets); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(c config, targets []target) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	for _, t := range targets {
		dir := filepath.Join(c.out, t.goos+"-"+t.goarch)
		bin := filepath.Join(dir, t.program)
		if err := build(c, t, bin); err != nil {
			return err
		}
		if t.goos == "windows" && c.sign.cert != "" {
			if err := sign(bin, c.sign); err != nil {
				return err
			}
		}
		program, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		zipPath := filepath.Join(c.out, fmt.Sprintf("baocao-%s-%s-%s.zip", c.version, t.goos, t.goarch))
		if err := writeZip(zipPath, folderName(c.version), t, program); err != nil {
			return err
		}
		fmt.Println(zipPath)
	}
	return nil
}

// build builds the program of t into bin; for Windows, with the resources
// linked in from a .syso written for the build and removed after it.
func build(c config, t target, bin string) error {
	if t.goos == "windows" {
		syso, err := writeSyso(c.root, c.version, c.publisher)
		defer os.Remove(syso)
		if err != nil {
			return fmt.Errorf("resources of %s: %w", t.program, err)
		}
	}
	cmd := exec.Command("go", "build", "-trimpath",
		"-ldflags", "-s -w -X baocao/internal/cli.Version="+c.version,
		"-o", bin, "./cmd/baocao")
	cmd.Dir = c.root
	cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s/%s: %w", t.goos, t.goarch, err)
	}
	return nil
}

// sign signs the Windows program exe in place with osslsigncode (Authenticode,
// SHA-256), with a timestamp when s.timestamp names a server.
func sign(exe string, s signing) error {
	tool, err := exec.LookPath("osslsigncode")
	if err != nil {
		return fmt.Errorf("signing %s needs osslsigncode (apt-get install osslsigncode): %w", exe, err)
	}
	args := []string{"sign"}
	switch ext := strings.ToLower(filepath.Ext(s.cert)); {
	case ext == ".pfx" || ext == ".p12":
		args = append(args, "-pkcs12", s.cert)
	case s.key == "":
		return fmt.Errorf("signing with %s needs its private key (-sign-key)", s.cert)
	default:
		args = append(args, "-certs", s.cert, "-key", s.key)
	}
	if s.pass != "" {
		args = append(args, "-pass", s.pass)
	}
	if s.timestamp != "" {
		args = append(args, "-ts", s.timestamp)
	}
	signed := exe + ".ky"
	args = append(args, "-h", "sha256", "-n", productName+" - "+description, "-in", exe, "-out", signed)
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		os.Remove(signed)
		return fmt.Errorf("osslsigncode sign %s: %w\n%s", exe, err, out)
	}
	return os.Rename(signed, exe)
}

// folderName is the one folder a zip holds: unpacked anywhere, it leaves
// the program and its guide together under a name that says the version.
func folderName(version string) string { return "baocao-" + version }

// writeZip packs the program and the guide in the folder dir. On Windows
// the guide gets CRLF line ends and a byte-order mark, so that old Notepad
// shows it right.
func writeZip(path, dir string, t target, program []byte) error {
	text := t.guide
	if t.goos == "windows" {
		text = "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	now := time.Now()
	dh := &zip.FileHeader{Name: dir + "/", Modified: now}
	dh.SetMode(os.ModeDir | 0o755)
	if _, err := zw.CreateHeader(dh); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		mode os.FileMode
		data []byte
	}{{t.program, 0o755, program}, {"HUONG-DAN.txt", 0o644, []byte(text)}} {
		h := &zip.FileHeader{Name: dir + "/" + f.name, Method: zip.Deflate, Modified: now}
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
