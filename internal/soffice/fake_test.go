//go:build unix

package soffice

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A fake soffice is a shell script. Convert calls it as
//
//	soffice -env:UserInstallation=URL --headless --norestore --nolockcheck \
//		--convert-to FORMAT --outdir OUT SRC
//
// so $6 is the format, $8 the output folder and $9 the input file.

// fakeSoffice writes a fake soffice running body and returns its path.
func fakeSoffice(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "soffice")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// privateTemp points the temporary folder at an empty one and checks, at
// the end of the test, that Convert left nothing in it.
func privateTemp(t *testing.T) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("the temporary folder was not removed: %v", left)
		}
	})
}

// crashDump is what LibreOffice prints when it aborts.
const crashDump = `Warning: failed to launch javaldx - java may not function correctly
Unspecified Application Error

Fatal exception: Signal 6
Stack:
/usr/lib/libreoffice/program/libuno_sal.so.3(+0x37722)[0x7f113c0f8722]
/usr/lib/libreoffice/program/libooxlo.so(_ZN3oox4core10FilterBase6filterERKN3com3sun4star3uno8SequenceINS4_5beans13PropertyValueEEE+0x27e)[0x7f112bb8b9ae]`

func TestConvertFake(t *testing.T) {
	docx, err := os.ReadFile(filepath.Join("..", "..", "templates", "bao-cao.docx"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		script  string
		data    []byte
		ext     string
		format  string
		want    []string // parts of Error()
		notWant []string // never in Error()
	}{
		{
			name:   "crash dump",
			script: "cat >&2 <<'EOF'\n" + crashDump + "\nEOF\nexit 134",
			data:   docx, ext: ".docx", format: PDF,
			want:    []string{"không chuyển được tệp .docx sang PDF", "LibreOffice dừng đột ngột (mã thoát 134)"},
			notWant: []string{"Fatal exception", "libuno_sal", "javaldx", "Stack", "\n", "thực ra"},
		},
		{
			name:   "Word file named .xls",
			script: "echo 'Error: source file could not be loaded' >&2",
			data:   docx, ext: ".xls", format: XLSX,
			want:    []string{"không chuyển được tệp .xls sang .xlsx: LibreOffice không mở được tệp", "tệp mang đuôi .xls nhưng thực ra là tài liệu Word (.docx)"},
			notWant: []string{"source file", "\n"},
		},
		{
			name:   "Word file named .xls, crashing",
			script: "cat >&2 <<'EOF'\n" + crashDump + "\nEOF\nexit 134",
			data:   docx, ext: ".xls", format: XLSX,
			want:    []string{"mã thoát 134", "thực ra là tài liệu Word (.docx)"},
			notWant: []string{"Fatal exception", "\n"},
		},
		{
			name:   "killed",
			script: `echo "Fatal exception: Signal 11" >&2; kill -9 $$`,
			data:   docx, ext: ".docx", format: PDF,
			want:    []string{"không chuyển được tệp .docx sang PDF: LibreOffice bị hệ điều hành dừng đột ngột"},
			notWant: []string{"Fatal", "signal", "-1"},
		},
		{
			name:   "no export filter",
			script: "echo 'Error: no export filter for /tmp/x/ket-qua/tai-lieu.xlsx found, aborting.' >&2",
			data:   docx, ext: ".docx", format: XLSX,
			want:    []string{"LibreOffice không lưu được loại tài liệu này thành .xlsx"},
			notWant: []string{"thực ra", "aborting"},
		},
		{
			name:   "no file",
			script: "echo convert done",
			data:   docx, ext: ".docx", format: PDF,
			want: []string{"LibreOffice chạy xong nhưng không tạo ra tệp PDF"},
		},
		{
			name:   "empty file",
			script: `mkdir -p "$8" && : > "$8/tai-lieu.pdf"`,
			data:   docx, ext: ".docx", format: PDF,
			want: []string{"LibreOffice tạo ra tệp PDF rỗng"},
		},
		{
			name:   "file in the wrong format name",
			script: `mkdir -p "$8" && echo x > "$8/tai-lieu.xls"`,
			data:   []byte("%PDF-1.4"), ext: ".docx", format: XLSX,
			want: []string{"không tạo ra tệp .xlsx", "tệp mang đuôi .docx nhưng thực ra là tệp PDF"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			privateTemp(t)
			_, err := Convert(context.Background(), fakeSoffice(t, tt.script), tt.data, tt.ext, tt.format)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is no *Error", err, err)
			}
			for _, part := range tt.want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			for _, part := range tt.notWant {
				if strings.Contains(err.Error(), part) {
					t.Errorf("error %q contains %q", err, part)
				}
			}
			// What LibreOffice printed is kept for the log.
			inner := errors.Unwrap(err)
			if inner == nil {
				t.Fatal("no wrapped error")
			}
			if out := strings.TrimSpace(e.Output); out != "" && !strings.Contains(inner.Error(), out) {
				t.Errorf("the wrapped error %q does not hold the output %q", inner, out)
			}
		})
	}
}

// TestConvertFakeRun: Convert hands the input to soffice as a file of the
// given extension, in a folder of its own, with a profile of its own (as a
// file URL) that is HOME too, a temporary folder inside its own, and
// returns what soffice wrote.
func TestConvertFakeRun(t *testing.T) {
	privateTemp(t)
	log := filepath.Join(t.TempDir(), "log")
	t.Setenv("FAKE_LOG", log)
	bin := fakeSoffice(t, `printf '%s\n' "$@" > "$FAKE_LOG"
echo "HOME=$HOME" >> "$FAKE_LOG"
echo "TMPDIR=$TMPDIR" >> "$FAKE_LOG"
mkdir -p "$8" && { echo "%PDF-1.6"; cat "$9"; } > "$8/tai-lieu.pdf"`)
	got, err := ToPDF(context.Background(), bin, []byte("nội dung"), ".DOCX")
	if err != nil {
		t.Fatal(err)
	}
	if want := "%PDF-1.6\nnội dung"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(args) != 11 {
		t.Fatalf("args: %q", args)
	}
	profileURL, ok := strings.CutPrefix(args[0], "-env:UserInstallation=")
	if !ok || !strings.HasPrefix(profileURL, "file:///") {
		t.Fatalf("first argument %q is no -env:UserInstallation=file:///...", args[0])
	}
	u, err := url.Parse(profileURL)
	if err != nil {
		t.Fatal(err)
	}
	profile := u.Path
	wantArgs := []string{"--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir"}
	if strings.Join(args[1:7], " ") != strings.Join(wantArgs, " ") {
		t.Errorf("args %q, want %q", args[1:7], wantArgs)
	}
	dir := filepath.Dir(profile)
	if args[7] != filepath.Join(dir, "ket-qua") || args[8] != filepath.Join(dir, "tai-lieu.docx") {
		t.Errorf("output folder %q and input %q are not in the folder of the profile %q", args[7], args[8], profile)
	}
	if args[9] != "HOME="+profile {
		t.Errorf("%s, want HOME=%s", args[9], profile)
	}
	if want := "TMPDIR=" + filepath.Join(dir, "tam"); args[10] != want {
		t.Errorf("%s, want %s", args[10], want)
	}
	if !strings.HasPrefix(dir, os.Getenv("TMPDIR")) {
		t.Errorf("conversion folder %s is not in the temporary folder", dir)
	}
}

// TestConvertFakeTimeout: a soffice that hangs is killed, with the children
// it started, once Timeout has passed, and the error says so in Vietnamese.
func TestConvertFakeTimeout(t *testing.T) {
	privateTemp(t)
	saved := Timeout
	Timeout = 300 * time.Millisecond
	t.Cleanup(func() { Timeout = saved })
	pidFile := filepath.Join(t.TempDir(), "pid")
	t.Setenv("FAKE_PID", pidFile)
	// Like soffice: a launcher whose child (soffice.bin here sleep) does the
	// work; the child holds the output pipe.
	bin := fakeSoffice(t, `sleep 60 &
echo $! > "$FAKE_PID"
wait`)

	start := time.Now()
	_, err := Convert(context.Background(), bin, []byte("x"), ".docx", PDF)
	elapsed := time.Since(start)
	if err == nil {
		t.Fatal("no error")
	}
	want := "LibreOffice không trả lời sau 0,3 giây khi chuyển tệp .docx sang PDF; đóng mọi cửa sổ LibreOffice rồi chạy lại"
	if err.Error() != want {
		t.Errorf("error\n%q\nwant\n%q", err, want)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("%v is not context.DeadlineExceeded", err)
	}
	if elapsed > 3*time.Second {
		t.Errorf("Convert returned after %v, not promptly after the time limit", elapsed)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	deadline := time.Now().Add(2 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("the child %d of the fake soffice still runs", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// alive tells whether process pid runs (a zombie does not), where /proc
// says; elsewhere it cannot tell and says no.
func alive(pid int) bool {
	if runtime.GOOS != "linux" {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// pid (comm) state ...
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || b[i+2] != 'Z'
}

// TestConvertFakeContext: the caller's context stops a conversion too; a
// deadline shorter than Timeout is the one the message gives.
func TestConvertFakeContext(t *testing.T) {
	privateTemp(t)
	bin := fakeSoffice(t, "sleep 60 & wait")

	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	_, err := Convert(ctx, bin, []byte("x"), ".xlsx", PDF)
	if err == nil || !strings.HasPrefix(err.Error(), "LibreOffice không trả lời sau 0,4 giây khi chuyển tệp .xlsx sang PDF") {
		t.Errorf("deadline: %v", err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err = Convert(ctx, bin, []byte("x"), ".xls", XLSX)
	if err == nil || err.Error() != "đã hủy việc chuyển tệp .xls sang .xlsx bằng LibreOffice" || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}

	// Cancelled while waiting for other conversions to end.
	var releases []func()
	for range max(1, Parallel) {
		release, _ := convertSlot(context.Background())
		releases = append(releases, release)
	}
	_, err = Convert(ctx, bin, []byte("x"), ".docx", PDF)
	for _, release := range releases {
		release()
	}
	if err == nil || err.Error() != "đã hủy việc chuyển tệp .docx sang PDF bằng LibreOffice trước khi bắt đầu" || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while waiting: %v", err)
	}

	// A deadline passed already.
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err = Convert(ctx, bin, []byte("x"), "DOCX", PDF)
	if err == nil || err.Error() != "đã hết thời gian chờ trước khi bắt đầu chuyển tệp .docx sang PDF bằng LibreOffice" || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("deadline passed: %v", err)
	}
}

func TestConvertFakeStart(t *testing.T) {
	privateTemp(t)
	notRunnable := filepath.Join(t.TempDir(), "soffice")
	os.WriteFile(notRunnable, []byte("#!/bin/sh\n"), 0o644)
	tests := []struct {
		name, bin, want string
		is              error
	}{
		{"not runnable", notRunnable, "không chạy được LibreOffice: không có quyền chạy tệp " + notRunnable, nil},
		{"missing", filepath.Join(t.TempDir(), "soffice"), "không chạy được LibreOffice: không có tệp ", nil},
		{"no binary", "", "không tìm thấy LibreOffice", ErrNotFound},
	}
	for _, tt := range tests {
		_, err := Convert(context.Background(), tt.bin, []byte("x"), ".docx", PDF)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: %v is not %v", tt.name, err, tt.is)
		}
	}
}

// Several conversions at once run Parallel LibreOffices side by side,
// never more: the fake counts the others running as it starts.
func TestConvertParallel(t *testing.T) {
	privateTemp(t)
	bin := fakeSoffice(t, `touch "$FAKE_RUNNING/$$"; ls "$FAKE_RUNNING" | wc -l >> "$FAKE_LOG"; sleep 0.3; rm "$FAKE_RUNNING/$$"
mkdir -p "$8"; printf x > "$8/tai-lieu.xlsx"`)
	defer func(n int) { Parallel = n }(Parallel)
	for _, n := range []int{1, 2} {
		running, log := t.TempDir(), filepath.Join(t.TempDir(), "log")
		t.Setenv("FAKE_RUNNING", running)
		t.Setenv("FAKE_LOG", log)
		Parallel = n
		done := make(chan error)
		for range 5 {
			go func() {
				_, err := Convert(context.Background(), bin, []byte("x"), ".xls", XLSX)
				done <- err
			}()
		}
		for range 5 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		b, _ := os.ReadFile(log)
		peak := 0
		for _, f := range strings.Fields(string(b)) {
			c, _ := strconv.Atoi(f)
			peak = max(peak, c)
		}
		if peak != n {
			t.Errorf("Parallel %d: at most %d LibreOffices ran at once (log %q)", n, peak, b)
		}
	}
}

func TestParallelFor(t *testing.T) {
	const gb = 1 << 30
	for _, tt := range []struct {
		cores        int
		total, limit int64
		want         int
	}{
		{2, 24 * gb, 2 * gb, 2}, // this machine
		{8, 64 * gb, 2 * gb, 2}, // never more than 2
		{1, 8 * gb, 2 * gb, 1},  // one core
		{4, 4 * gb, 2 * gb, 1},  // 4 GB: one LibreOffice at 2 GB
		{4, 8 * gb, 2 * gb, 2},  // half of 8 GB holds two
		{4, 0, 2 * gb, 2},       // memory unknown: by the cores
		{4, 2 * gb, 0, 2},       // no memory limit: by the cores
		{4, 1 * gb, 2 * gb, 1},  // never less than one
	} {
		if got := parallelFor(tt.cores, tt.total, tt.limit); got != tt.want {
			t.Errorf("parallelFor(%d, %d GB, %d GB) = %d, want %d", tt.cores, tt.total/gb, tt.limit/gb, got, tt.want)
		}
	}
}

// ConvertWithin's time limit starts with its LibreOffice: a conversion
// queued behind a longer one is not timed out for the wait; past its own
// limit it is, with context.DeadlineExceeded.
func TestConvertWithin(t *testing.T) {
	privateTemp(t)
	defer func(n int) { Parallel = n }(Parallel)
	Parallel = 1
	quick := fakeSoffice(t, `mkdir -p "$8"; printf x > "$8/tai-lieu.xlsx"`)
	release, _ := convertSlot(context.Background())
	time.AfterFunc(time.Second, release) // another conversion runs for 1 s
	if _, err := ConvertWithin(context.Background(), 700*time.Millisecond, quick, []byte("x"), ".xls", XLSX); err != nil {
		t.Errorf("queued behind a longer conversion: %v", err)
	}
	slow := fakeSoffice(t, "sleep 30")
	_, err := ConvertWithin(context.Background(), 300*time.Millisecond, slow, []byte("x"), ".xls", XLSX)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past its limit: %v", err)
	}
}
