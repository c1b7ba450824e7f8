package soffice

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Warm is a LibreOffice kept running while the office's page is open, so
// that a build's PDFs do not wait for LibreOffice to start: a conversion
// calls soffice with the warm one's profile, and that call hands the
// documents to the running LibreOffice (its own single-instance pipe) and
// waits for them. The warm LibreOffice has its own profile in a temporary
// folder, holds a hidden empty document (without one, LibreOffice ends
// after the first conversion handed to it), is started again when it has
// died, is stopped when a conversion through it fails or hangs (that
// conversion is then made afresh, as ConvertAll does) and is stopped by
// Close. It also ends when the program is killed outright (tiedCommand:
// a watcher on a pipe on unix, a job object on Windows), and the first
// warm start of a program ends what an earlier one left all the same
// (sweepLeftovers). Its methods may be called on a nil *Warm: Start and Close do
// nothing, and ConvertAll has no LibreOffice (ErrNotFound for each document).
type Warm struct {
	bin string

	mu     sync.Mutex
	proc   *warmProc
	closed bool
	used   int // conversions made through a warm LibreOffice, for tests
}

// sweepOnce sweeps leftovers at the first warm start of the program.
var sweepOnce sync.Once

// warmUp is how long a warm LibreOffice is given to set itself up before a
// conversion is handed to it.
var warmUp = 2 * time.Second

// NewWarm returns a Warm for the LibreOffice program bin; it starts
// nothing before Start or the first conversion.
func NewWarm(bin string) *Warm { return &Warm{bin: bin} }

// Start starts the warm LibreOffice if none runs, without waiting for it.
func (w *Warm) Start() {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ensure()
}

// ensure starts a LibreOffice when none runs; under w.mu.
func (w *Warm) ensure() {
	if w.closed || w.bin == "" {
		return
	}
	if w.proc != nil && w.proc.exited() {
		w.proc.stop()
		w.proc = nil
	}
	if w.proc == nil {
		w.proc = startWarm(w.bin)
		if w.proc != nil {
			go prime(w.bin, w.proc)
		}
	}
}

// prime converts primeDocs through p once it is ready, so that the first
// build finds the filters and fonts loaded (about half a second less on
// the samples). It gives up when p ends or is not ready within Timeout; a
// failure is left for the next build to find.
func prime(bin string, p *warmProc) {
	deadline := time.Now().Add(Timeout)
	for !p.ready() {
		if p.exited() || time.Now().After(deadline) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	select {
	case slot <- struct{}{}:
	case <-p.done:
		return
	}
	defer func() { <-slot }()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	go func() {
		select {
		case <-p.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	convertAll(ctx, bin, primeDocs(), PDF, nil, p)
	p.primed.Store(true) // made or not: the next build goes on as ConvertAll says
}

// Ready tells whether a warm LibreOffice runs, is ready to take a
// conversion and has made its first (prime): a build now waits for
// nothing.
func (w *Warm) Ready() bool {
	if w == nil {
		return false
	}
	w.mu.Lock()
	p := w.proc
	w.mu.Unlock()
	return p != nil && p.ready() && p.primed.Load()
}

// ConvertAll is soffice.ConvertAll through the warm LibreOffice when it is
// ready; else it converts as ConvertAll does and starts a warm one for the
// next time.
func (w *Warm) ConvertAll(ctx context.Context, docs []Doc, format string, started func(i int)) []Result {
	if w == nil || len(docs) == 0 {
		return ConvertAll(ctx, "", docs, format, started)
	}
	select {
	case slot <- struct{}{}:
	case <-ctx.Done():
		return ConvertAll(ctx, w.bin, docs, format, started)
	}
	defer func() { <-slot }()
	w.mu.Lock()
	w.ensure()
	p := w.proc
	w.mu.Unlock()
	if p == nil || !p.ready() {
		return convertAll(ctx, w.bin, docs, format, started, nil)
	}
	res := convertAll(ctx, w.bin, docs, format, started, p)
	ok := true
	for _, r := range res {
		ok = ok && r.Err == nil
	}
	if ok {
		w.mu.Lock()
		w.used++
		w.mu.Unlock()
		return res
	}
	// Broken, hung or gone: stop it (the next build starts another) and
	// convert afresh, so that a failure is worded as ConvertAll words it.
	w.mu.Lock()
	if w.proc == p {
		w.proc = nil
	}
	w.mu.Unlock()
	p.stop()
	if ctx.Err() != nil {
		return res
	}
	return convertAll(ctx, w.bin, docs, format, started, nil)
}

// Used is the number of batches converted through the warm LibreOffice
// (for tests, and whoever measures).
func (w *Warm) Used() int {
	if w == nil {
		return 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.used
}

// Close stops the warm LibreOffice and removes its folder; later
// conversions are made as ConvertAll makes them.
func (w *Warm) Close() {
	if w == nil {
		return
	}
	w.mu.Lock()
	p := w.proc
	w.proc, w.closed = nil, true
	w.mu.Unlock()
	if p != nil {
		p.stop()
	}
}

// warmProc is one running warm LibreOffice.
type warmProc struct {
	dir, profile string
	started      time.Time
	cancel       context.CancelFunc
	done         chan struct{}
	relay        *relay
	primed       atomic.Bool // its first conversion made (prime)
}

// startWarm starts LibreOffice with a profile of its own and a hidden
// empty document; nil when it cannot be started.
func startWarm(bin string) *warmProc {
	// Apart, so that a leftover never delays this start: the sweep leaves
	// alone the folder made below (its owner, this program, runs).
	go sweepOnce.Do(sweepLeftovers)
	dir, err := os.MkdirTemp("", warmPrefix)
	if err != nil {
		return nil
	}
	p := &warmProc{dir: dir, profile: filepath.Join(dir, profileDir), started: time.Now(), done: make(chan struct{}), relay: &relay{}}
	tmp := filepath.Join(dir, tmpDirName)
	if err := os.Mkdir(tmp, 0o700); err != nil {
		os.RemoveAll(dir)
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	cmd, start, release := tiedCommand(ctx, bin, []string{
		"-env:UserInstallation=" + fileURL(filepath.ToSlash(p.profile)),
		"--headless", "--invisible", "--norestore", "--nolockcheck",
		"private:factory/swriter"})
	cmd.Env = append(os.Environ(), "HOME="+p.profile, "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	cmd.Stdout, cmd.Stderr = p.relay, p.relay
	cmd.WaitDelay = 5 * time.Second
	if err := start(); err != nil {
		cancel()
		os.RemoveAll(dir)
		return nil
	}
	writeOwner(dir, cmd.Process.Pid)
	go func() {
		cmd.Wait()
		release()
		close(p.done)
	}()
	return p
}

// ownerFile, in a warm LibreOffice's folder, holds the process id of the
// program that started it and that of the LibreOffice (its shell on unix),
// so that a later start can end what a program killed outright left.
const ownerFile = "tien-trinh"

// warmPrefix begins the name of a warm LibreOffice's folder.
const warmPrefix = "baocao-soffice-warm-"

func writeOwner(dir string, pid int) {
	os.WriteFile(filepath.Join(dir, ownerFile), []byte(fmt.Sprintf("%d %d\n", os.Getpid(), pid)), 0o600)
}

// What endLeftover found of a leftover warm LibreOffice's process id.
type leftover int

const (
	leftoverGone    leftover = iota // not that LibreOffice any more: its folder is free
	leftoverKilled                  // that LibreOffice, now killed: wait for it to end
	leftoverUnknown                 // cannot tell: leave the folder for a later start
)

// sweepLeftovers ends the warm LibreOffices whose program is gone (killed
// outright before it could stop them, on a system where nothing ended
// them with it) and removes their folders. A folder still being set up
// (no owner yet, less than a minute old) is left alone.
func sweepLeftovers() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), warmPrefix+"*"))
	for _, dir := range dirs {
		var owner, pid int
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			if fi, serr := os.Stat(dir); serr != nil || time.Since(fi.ModTime()) < time.Minute {
				continue
			}
		} else if _, err := fmt.Sscan(string(b), &owner, &pid); err != nil {
			continue
		}
		if running(owner) {
			continue
		}
		if running(pid) {
			switch endLeftover(pid, dir) {
			case leftoverUnknown:
				continue // the id may be another program's by now
			case leftoverKilled:
				for i := 0; i < 50 && running(pid); i++ {
					time.Sleep(100 * time.Millisecond)
				}
				if running(pid) {
					continue
				}
			}
		}
		os.RemoveAll(dir)
	}
}

// exited tells whether the LibreOffice has ended.
func (p *warmProc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// ready tells whether a conversion may be handed to it: it runs, has had
// warmUp to set itself up, and has made its profile.
func (p *warmProc) ready() bool {
	if p.exited() || time.Since(p.started) < warmUp {
		return false
	}
	_, err := os.Stat(filepath.Join(p.profile, "user", "registrymodifications.xcu"))
	return err == nil
}

// stop kills the LibreOffice with its children and removes its folder.
func (p *warmProc) stop() {
	p.cancel()
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
	}
	os.RemoveAll(p.dir)
}

// relay passes what the warm LibreOffice prints to the conversion under
// way, whose progress it tells, and drops it between conversions.
type relay struct {
	mu  sync.Mutex
	dst io.Writer
}

// to sends the print-out to dst until the returned function is called.
func (r *relay) to(dst io.Writer) func() {
	r.mu.Lock()
	r.dst = dst
	r.mu.Unlock()
	return func() {
		r.mu.Lock()
		r.dst = nil
		r.mu.Unlock()
	}
}

func (r *relay) Write(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dst != nil {
		r.dst.Write(b)
	}
	return len(b), nil
}
