// Package soffice is the adapter that talks to LibreOffice, run headless: it
// finds the program and converts documents with it, the report and the
// reminder (.docx) and the summary (.xlsx) to PDF, and the old workbooks that
// intake reads (.xls, .ods) to .xlsx.
//
// Each conversion runs in a temporary folder of its own, with its own
// LibreOffice profile, so that it neither disturbs a LibreOffice the user has
// open nor another conversion running at the same time; the folder is
// removed afterwards. Convert runs at most Parallel conversions at once in a
// process (2 on a machine with two cores and enough memory); ConvertAll
// converts several documents with one LibreOffice process: its
// start is most of what a conversion costs, one batch at a time.
//
// Errors are for the user: Error() is one Vietnamese line saying what
// happened. What LibreOffice printed (a crash dump, say) is kept in the
// *Error for logs and debugging, never in its message.
package soffice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Timeout is how long one conversion may take before LibreOffice is killed.
// A first start with a fresh profile takes a few seconds; a report, well
// under a minute.
var Timeout = 2 * time.Minute

// MemoryLimit bounds the memory of LibreOffice, where a file crafted to
// make it build a billion cells would otherwise take the machine's memory
// (issue 24). On Linux it bounds the address space of a conversion's
// LibreOffice (Convert) and of the warm one, set with «ulimit -v» by the
// shell that starts it and inherited by its children; on Windows the
// memory each process of every conversion may commit, through the job
// object that holds it (proc_windows.go). A conversion of an ordinary file
// needs about 250 MB of memory; 0 sets no limit.
var MemoryLimit int64 = 2 << 30

// Formats for Convert: what `soffice --convert-to` takes.
const (
	// PDF lets LibreOffice pick the PDF export filter of the document's
	// kind (writer_pdf_Export, calc_pdf_Export) with its default options:
	// PDF 1.6 (at least 1.4 in every version), every font embedded as a
	// subset. No filter is named so that a file whose content is not what
	// its extension says still converts.
	PDF = "pdf"
	// XLSX is Excel 2007-365, the only workbook format intake reads.
	XLSX = "xlsx:Calc MS Excel 2007 XML"
)

// slot lets one batch (ConvertAll, Warm) run at a time: LibreOffice is
// heavy and the machines have two cores. A channel rather than a sync.Mutex so that
// waiting for the slot honours the context.
var slot = make(chan struct{}, 1)

// Error is a conversion that failed. Error() is Msg, one Vietnamese line for
// the user; Err is the cause, whose text includes what LibreOffice printed,
// for logs; Output is that print-out alone.
type Error struct {
	Msg    string
	Output string
	Err    error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Convert converts data, the content of a file with extension srcExt (e.g.
// ".docx"), to format (PDF, XLSX or anything `soffice --convert-to` takes)
// with the LibreOffice program bin, and returns the converted file. It waits
// while Parallel other conversions run, and gives up when ctx
// is done or after Timeout, killing LibreOffice. A failure is an *Error (or
// ErrNotFound when bin is empty).
func Convert(ctx context.Context, bin string, data []byte, srcExt, format string) ([]byte, error) {
	release, ok := convertSlot(ctx)
	if !ok {
		return nil, notStarted(ctx, srcExt, format)
	}
	defer release()
	return convert(ctx, bin, data, srcExt, format)
}

// Canceled is the error of a conversion whose ctx is done before
// LibreOffice starts (for a caller that waits on another's conversion).
func Canceled(ctx context.Context, srcExt, format string) error {
	return notStarted(ctx, srcExt, format)
}

// notStarted is the error of a conversion whose ctx is done before
// LibreOffice starts.
func notStarted(ctx context.Context, srcExt, format string) error {
	ext, err := cleanExt(srcExt)
	if err != nil {
		ext = srcExt
	}
	msg := fmt.Sprintf("đã hủy việc chuyển tệp %s sang %s bằng LibreOffice trước khi bắt đầu", ext, targetName(format))
	if !errors.Is(ctx.Err(), context.Canceled) {
		msg = fmt.Sprintf("đã hết thời gian chờ trước khi bắt đầu chuyển tệp %s sang %s bằng LibreOffice", ext, targetName(format))
	}
	return &Error{Msg: msg, Err: ctx.Err()}
}

// ToPDF converts data (a .docx, .xlsx or another document LibreOffice opens)
// to PDF for official documents: PDF 1.4 or later with every font embedded.
func ToPDF(ctx context.Context, bin string, data []byte, srcExt string) ([]byte, error) {
	return Convert(ctx, bin, data, srcExt, PDF)
}

// Names inside a conversion's temporary folder.
const (
	srcBase    = "tai-lieu"
	outDirName = "ket-qua"
	profileDir = "ho-so"
	tmpDirName = "tam"
)

// convert is Convert without waiting for the slot: tests call it from
// several goroutines at once to show that conversions do not share state.
func convert(ctx context.Context, bin string, data []byte, srcExt, format string) ([]byte, error) {
	if bin == "" {
		return nil, ErrNotFound
	}
	if ctx.Err() != nil {
		return nil, notStarted(ctx, srcExt, format)
	}
	ext, err := cleanExt(srcExt)
	if err != nil {
		return nil, err
	}
	outExt, err := formatExt(format)
	if err != nil {
		return nil, err
	}
	target := targetName(format)

	dir, err := os.MkdirTemp("", "baocao-soffice-")
	if err != nil {
		return nil, &Error{Msg: "không tạo được thư mục tạm để chuyển đổi bằng LibreOffice (ổ đĩa đầy hoặc không có quyền ghi vào thư mục tạm)", Err: err}
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, srcBase+ext)
	outDir := filepath.Join(dir, outDirName)
	profile := filepath.Join(dir, profileDir)
	// LibreOffice's own temporary files go inside dir too, so that a killed
	// LibreOffice leaves none behind.
	tmp := filepath.Join(dir, tmpDirName)
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return nil, &Error{Msg: fmt.Sprintf("không tạo được thư mục tạm trong %s (ổ đĩa đầy hoặc không có quyền ghi)", dir), Err: err}
	}
	if err := os.WriteFile(src, data, 0o600); err != nil {
		return nil, &Error{Msg: fmt.Sprintf("không ghi được tệp tạm vào %s (ổ đĩa đầy hoặc không có quyền ghi)", dir), Err: err}
	}

	limit := Timeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < limit {
		limit = time.Until(dl)
	}
	runCtx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	args := []string{
		"-env:UserInstallation=" + fileURL(filepath.ToSlash(profile)),
		"--headless", "--norestore", "--nolockcheck",
		"--convert-to", format, "--outdir", outDir, src}
	cmd := exec.CommandContext(runCtx, bin, args...)
	if runtime.GOOS == "linux" && MemoryLimit > 0 {
		// Only a program that runs is wrapped: a missing or not runnable
		// one is told by its own start error, not by the shell's 126/127.
		_, runnable := exec.LookPath(bin)
		sh, shErr := exec.LookPath("sh")
		if runnable == nil && shErr == nil {
			// The shell sets the limit and becomes LibreOffice (exec):
			// the same process, killed as before.
			cmd = exec.CommandContext(runCtx, sh, append([]string{"-c", `ulimit -v "$0" 2>/dev/null; exec "$@"`, strconv.FormatInt(MemoryLimit>>10, 10), bin}, args...)...)
		}
	}
	// LibreOffice puts some of its state under HOME whatever the profile.
	cmd.Env = append(os.Environ(), "HOME="+profile, "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// Should a child escape the kill and hold the output pipe, stop waiting.
	cmd.WaitDelay = 5 * time.Second
	killTree(cmd)
	runErr := runTied(cmd)
	output := out.String()
	internal := func(err error) error {
		return fmt.Errorf("%s --convert-to %s %s: %w\n%s", bin, format, ext, err, output)
	}

	if runCtx.Err() != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return nil, &Error{
				Msg:    fmt.Sprintf("đã hủy việc chuyển tệp %s sang %s bằng LibreOffice", ext, target),
				Output: output, Err: internal(ctx.Err()),
			}
		}
		return nil, &Error{
			Msg:    fmt.Sprintf("LibreOffice không trả lời sau %s giây khi chuyển tệp %s sang %s; đóng mọi cửa sổ LibreOffice rồi chạy lại", seconds(limit), ext, target),
			Output: output, Err: internal(context.DeadlineExceeded),
		}
	}
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return nil, &Error{Msg: startFailure(bin, runErr), Output: output, Err: internal(runErr)}
	}
	result, readErr := os.ReadFile(filepath.Join(outDir, srcBase+"."+outExt))
	if runErr == nil && readErr == nil && len(result) > 0 {
		return result, nil
	}

	msg := fmt.Sprintf("không chuyển được tệp %s sang %s: %s", ext, target, failureWhy(exitErr, output, readErr == nil, target))
	// Near its memory limit: the file asked for more than any ordinary
	// file does (a cell repeated over a whole sheet), not a LibreOffice
	// to close and try again.
	if limited := cmd.Args[0] != bin; limited && cmd.ProcessState != nil && peakMemory(cmd.ProcessState) >= MemoryLimit/2 {
		msg = fmt.Sprintf("tệp quá lớn/phức tạp: LibreOffice đã dùng tới %d MB bộ nhớ (giới hạn %d MB) mà chưa chuyển xong tệp %s sang %s", peakMemory(cmd.ProcessState)>>20, MemoryLimit>>20, ext, target)
	}
	if note := contentNote(data, ext); note != "" {
		msg += "; " + note
	}
	cause := runErr
	if cause == nil {
		cause = errors.New("no output file")
		if readErr != nil {
			cause = readErr
		}
	}
	return nil, &Error{Msg: msg, Output: output, Err: internal(cause)}
}

// failureWhy says why a conversion gave no file: LibreOffice stopped with
// exitErr (nil when it ended well) after printing output; made tells that
// it wrote an (empty) file.
func failureWhy(exitErr *exec.ExitError, output string, made bool, target string) string {
	switch {
	case exitErr != nil && exitErr.ExitCode() < 0:
		return "LibreOffice bị hệ điều hành dừng đột ngột (có thể do máy hết bộ nhớ)"
	case exitErr != nil:
		return fmt.Sprintf("LibreOffice dừng đột ngột (mã thoát %d)", exitErr.ExitCode())
	case strings.Contains(output, "source file could not be loaded"):
		return "LibreOffice không mở được tệp"
	case strings.Contains(output, "no export filter"):
		return fmt.Sprintf("LibreOffice không lưu được loại tài liệu này thành %s", target)
	case made:
		return fmt.Sprintf("LibreOffice tạo ra tệp %s rỗng", target)
	}
	return fmt.Sprintf("LibreOffice chạy xong nhưng không tạo ra tệp %s", target)
}

// startFailure words the failure to start bin.
func startFailure(bin string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("không chạy được LibreOffice: không có tệp %s", bin)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("không chạy được LibreOffice: không có quyền chạy tệp %s", bin)
	}
	return fmt.Sprintf("không chạy được LibreOffice (%s): tệp không phải chương trình chạy được trên máy này hoặc bị hỏng; cài lại LibreOffice", bin)
}

// cleanExt returns ext lower-cased with its dot, refusing anything that is
// not a plain extension.
func cleanExt(ext string) (string, error) {
	ext = strings.ToLower(ext)
	if !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	if len(ext) < 2 || len(ext) > 16 || strings.ContainsAny(ext[1:], `./\: `) {
		return "", &Error{Msg: fmt.Sprintf("đuôi tệp %q không hợp lệ để chuyển đổi bằng LibreOffice", ext), Err: errors.New("bad extension")}
	}
	return ext, nil
}

// formatExt is the extension LibreOffice gives the converted file: the part
// of format before its first colon ("xlsx" of "xlsx:Calc MS Excel 2007 XML").
func formatExt(format string) (string, error) {
	ext, _, _ := strings.Cut(format, ":")
	ext = strings.ToLower(strings.TrimSpace(ext))
	if ext == "" || strings.ContainsAny(ext, `./\ `) {
		return "", &Error{Msg: fmt.Sprintf("định dạng %q không hợp lệ để chuyển đổi bằng LibreOffice", format), Err: errors.New("bad format")}
	}
	return ext, nil
}

// targetName names the format for the user: "PDF", ".xlsx".
func targetName(format string) string {
	ext, _, _ := strings.Cut(format, ":")
	ext = strings.ToLower(ext)
	if ext == "pdf" {
		return "PDF"
	}
	return "." + ext
}

// seconds writes d in seconds the Vietnamese way: "120", "0,5".
func seconds(d time.Duration) string {
	if d >= 10*time.Second {
		return fmt.Sprintf("%d", int(d.Round(time.Second)/time.Second))
	}
	s := fmt.Sprintf("%.1f", d.Seconds())
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}

// fileURL turns an absolute path in slash form into the file URL
// LibreOffice wants for -env:UserInstallation: "/tmp/a b" is
// "file:///tmp/a%20b", a Windows "C:/Users/x" is "file:///C:/Users/x" and a
// share "//server/share/x" is "file://server/share/x".
func fileURL(slashPath string) string {
	u := url.URL{Scheme: "file", Path: slashPath}
	switch {
	case strings.HasPrefix(slashPath, "//"):
		host, rest, _ := strings.Cut(slashPath[2:], "/")
		u.Host, u.Path = host, "/"+rest
	case !strings.HasPrefix(slashPath, "/"):
		u.Path = "/" + slashPath
	}
	return u.String()
}
