package soffice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Doc is one document of a batch: its content and the extension that says
// what it is (".docx", ".xlsx").
type Doc struct {
	Ext  string
	Data []byte
}

// Result is what became of one document of a batch: its converted content,
// or Err, an *Error whose message is one Vietnamese line about that
// document alone.
type Result struct {
	Data []byte
	Err  error
}

// ConvertAll converts every document of docs to format with one LibreOffice
// process (`soffice --convert-to FORMAT --outdir OUT f1 f2 f3`): LibreOffice
// starts once for the lot, which is most of the time a conversion takes.
// Like Convert, it runs in a temporary folder of its own with a profile of
// its own, waits for any other conversion of the process to end first, and
// gives up when ctx is done or after Timeout (for the whole batch), killing
// LibreOffice. The results are in the order of docs, one for each;
// started, when not nil, is called with i (1 to len(docs)) as LibreOffice
// begins the i-th document, for a front end to show progress.
func ConvertAll(ctx context.Context, bin string, docs []Doc, format string, started func(i int)) []Result {
	if len(docs) == 0 {
		return nil
	}
	select {
	case slot <- struct{}{}:
	case <-ctx.Done():
		res := make([]Result, len(docs))
		for i, d := range docs {
			res[i].Err = notStarted(ctx, d.Ext, format)
		}
		return res
	}
	defer func() { <-slot }()
	return convertAll(ctx, bin, docs, format, started, nil)
}

// batchName is the base name of the i-th document (from 0) inside a
// batch's folder: LibreOffice names each output after its input.
func batchName(i int) string { return fmt.Sprintf("%s-%d", srcBase, i+1) }

// convertAll is ConvertAll without waiting for the slot. With warm, the
// conversion is handed to that running LibreOffice (the call starts a
// LibreOffice with warm's profile, which passes the documents to it and
// waits), whose print-out tells the documents it takes up.
func convertAll(ctx context.Context, bin string, docs []Doc, format string, started func(int), warm *warmProc) []Result {
	res := make([]Result, len(docs))
	failAll := func(err error) []Result {
		for i := range res {
			if res[i].Err == nil {
				res[i].Err = err
			}
		}
		return res
	}
	if bin == "" {
		return failAll(ErrNotFound)
	}
	if ctx.Err() != nil {
		for i, d := range docs {
			res[i].Err = notStarted(ctx, d.Ext, format)
		}
		return res
	}
	outExt, err := formatExt(format)
	if err != nil {
		return failAll(err)
	}
	target := targetName(format)
	exts := make([]string, len(docs))
	for i, d := range docs {
		if exts[i], res[i].Err = cleanExt(d.Ext); res[i].Err != nil {
			exts[i] = d.Ext
		}
	}

	dir, err := os.MkdirTemp("", "baocao-soffice-")
	if err != nil {
		return failAll(&Error{Msg: "không tạo được thư mục tạm để chuyển đổi bằng LibreOffice (ổ đĩa đầy hoặc không có quyền ghi vào thư mục tạm)", Err: err})
	}
	defer os.RemoveAll(dir)
	outDir := filepath.Join(dir, outDirName)
	profile := filepath.Join(dir, profileDir)
	tmp := filepath.Join(dir, tmpDirName)
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return failAll(&Error{Msg: fmt.Sprintf("không tạo được thư mục tạm trong %s (ổ đĩa đầy hoặc không có quyền ghi)", dir), Err: err})
	}
	var srcs []string
	var which []int // which[k] is the document of srcs[k]
	for i, d := range docs {
		if res[i].Err != nil {
			continue
		}
		src := filepath.Join(dir, batchName(i)+exts[i])
		if err := os.WriteFile(src, d.Data, 0o600); err != nil {
			return failAll(&Error{Msg: fmt.Sprintf("không ghi được tệp tạm vào %s (ổ đĩa đầy hoặc không có quyền ghi)", dir), Err: err})
		}
		srcs = append(srcs, src)
		which = append(which, i)
	}
	if len(srcs) == 0 {
		return res
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
		"--convert-to", format, "--outdir", outDir,
	}
	out := &progressWriter{started: started, which: which}
	if warm != nil {
		profile = warm.profile
		args[0] = "-env:UserInstallation=" + fileURL(filepath.ToSlash(profile))
		defer warm.relay.to(out)()
	}
	cmd := exec.CommandContext(runCtx, bin, append(args, srcs...)...)
	cmd.Env = append(os.Environ(), "HOME="+profile, "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second
	killTree(cmd)
	runErr := runTied(cmd)
	output := out.String()
	internal := func(ext string, err error) error {
		return fmt.Errorf("%s --convert-to %s (%d files) %s: %w\n%s", bin, format, len(srcs), ext, err, output)
	}

	var exitErr *exec.ExitError
	if runCtx.Err() == nil && runErr != nil && !errors.As(runErr, &exitErr) {
		for _, i := range which {
			res[i].Err = &Error{Msg: startFailure(bin, runErr), Output: output, Err: internal(exts[i], runErr)}
		}
		return res
	}
	for _, i := range which {
		ext := exts[i]
		result, readErr := os.ReadFile(filepath.Join(outDir, batchName(i)+"."+outExt))
		if runCtx.Err() == nil && runErr == nil && readErr == nil && len(result) > 0 {
			res[i].Data = result
			continue
		}
		switch {
		case runCtx.Err() != nil && errors.Is(ctx.Err(), context.Canceled):
			res[i].Err = &Error{
				Msg:    fmt.Sprintf("đã hủy việc chuyển tệp %s sang %s bằng LibreOffice", ext, target),
				Output: output, Err: internal(ext, ctx.Err()),
			}
		case runCtx.Err() != nil:
			res[i].Err = &Error{
				Msg:    fmt.Sprintf("LibreOffice không trả lời sau %s giây khi chuyển tệp %s sang %s; đóng mọi cửa sổ LibreOffice rồi chạy lại", seconds(limit), ext, target),
				Output: output, Err: internal(ext, context.DeadlineExceeded),
			}
		default:
			msg := fmt.Sprintf("không chuyển được tệp %s sang %s: %s", ext, target, failureWhy(exitErr, output, readErr == nil, target))
			if note := contentNote(docs[i].Data, ext); note != "" {
				msg += "; " + note
			}
			cause := runErr
			if cause == nil {
				cause = errors.New("no output file")
				if readErr != nil {
					cause = readErr
				}
			}
			res[i].Err = &Error{Msg: msg, Output: output, Err: internal(ext, cause)}
		}
	}
	return res
}

// progressWriter keeps what LibreOffice prints and calls started as it
// announces each document («convert /…/tai-lieu-2.xlsx -> …»).
type progressWriter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	line    []byte
	started func(int)
	which   []int
	n       int
}

func (w *progressWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.started == nil {
		return len(p), nil
	}
	w.line = append(w.line, p...)
	for {
		i := bytes.IndexByte(w.line, '\n')
		if i < 0 {
			break
		}
		w.announce(string(w.line[:i]))
		w.line = w.line[i+1:]
	}
	return len(p), nil
}

// announce counts a line saying that LibreOffice starts a document.
func (w *progressWriter) announce(line string) {
	if !strings.HasPrefix(line, "convert ") || w.n >= len(w.which) {
		return
	}
	w.started(w.which[w.n] + 1)
	w.n++
}

func (w *progressWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
