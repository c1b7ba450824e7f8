package soffice

import (
	"context"
	"runtime"
	"sync"
	"time"
)

// Parallel is how many Convert calls run LibreOffice at once in the
// process: several .xls or .ods received together (a folder given to
// check, a zip uploaded) convert side by side, each in its own folder and
// profile. It is small, since each LibreOffice is heavy: at most 2, no
// more than the cores, and no more than half the machine's memory allows
// at MemoryLimit each. ConvertAll and Warm (the PDFs of a build) keep one
// LibreOffice at a time of their own.
var Parallel = parallelFor(runtime.NumCPU(), totalMemory(), MemoryLimit)

// parallelFor is Parallel for a machine of cores and total bytes of
// memory (0 when unknown), each conversion allowed limit bytes.
func parallelFor(cores int, total, limit int64) int {
	n := min(2, cores)
	if total > 0 && limit > 0 {
		n = min(n, int(total/2/limit))
	}
	return max(1, n)
}

// convertSlots are Parallel places for Convert; a channel so that waiting
// honours the context. It is made again when a test changes Parallel.
var convertSlots struct {
	sync.Mutex
	ch chan struct{}
}

// convertSlot waits for a place to run a conversion and returns its
// release, or false when ctx is done first.
func convertSlot(ctx context.Context) (func(), bool) {
	convertSlots.Lock()
	if n := max(1, Parallel); convertSlots.ch == nil || cap(convertSlots.ch) != n {
		convertSlots.ch = make(chan struct{}, n)
	}
	ch := convertSlots.ch
	convertSlots.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, true
	case <-ctx.Done():
		return nil, false
	}
}

// ConvertWithin is Convert with a time limit of its own, budget, that
// starts when its LibreOffice does, not while it waits for the others
// running: a file queued behind slow ones is not timed out for them. Past
// budget its error wraps context.DeadlineExceeded.
func ConvertWithin(ctx context.Context, budget time.Duration, bin string, data []byte, srcExt, format string) ([]byte, error) {
	release, ok := convertSlot(ctx)
	if !ok {
		return nil, notStarted(ctx, srcExt, format)
	}
	defer release()
	runCtx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	return convert(runCtx, bin, data, srcExt, format)
}
