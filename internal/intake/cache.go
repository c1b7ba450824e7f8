package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/memo"
	"baocao/internal/soffice"
)

// Cache keeps what reading each file gave, so that a file is judged once
// (issue 24): the page shows the account of a period on every view and
// upload, and must not read every file again each time. An entry is found
// by the file's path, size, modification time and content (SHA-256), the
// plan's data (a hash of the catalog) and the options that bear on the file
// (the period checked, the unit imposed on it): a new file, an edited data
// file, another period or an assignment reads the file again; nothing else
// does. Two readers of the same file at once read it once, the second
// waiting for the first; readers of other files never wait. A Cache is
// safe for concurrent use; the zero value is not usable, use NewCache.
type Cache struct{ memo *memo.Cache[[]*Submission] }

// NewCache keeps the readings of up to max files (the least recently
// used goes first).
func NewCache(max int) *Cache { return &Cache{memo: memo.New[[]*Submission](max)} }

// Reads is the number of files the cache read rather than found.
func (c *Cache) Reads() int { return c.memo.Misses() }

// catalogKey is a hash of the plan's data, "" when it cannot be made
// (then nothing is kept).
func catalogKey(c *catalog.Catalog) string {
	b, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// fileKey hashes the file at path; "" when it cannot be read (the reading
// itself then says why).
func fileKey(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%s\x00%d\x00%d\x00%x", path, fi.Size(), fi.ModTime().UnixNano(), h.Sum(nil))
}

// optionsKey is what of opt bears on the file at path: for a zip, every
// assignment (its files have their own names).
func optionsKey(path string, opt Options, zip bool) string {
	k := opt.Period.String() + "\x00" + opt.unitFor(path)
	if zip {
		var list []string
		for f, u := range opt.UnitOf {
			list = append(list, f+"="+u)
		}
		slices.Sort(list)
		k += "\x00" + opt.Unit + "\x00" + strings.Join(list, "\x00")
	}
	return k
}

// read returns what reading path gives, from the cache when it holds it.
func (c *Cache) read(path string, zip bool, cat *catalog.Catalog, catKey string, opt Options, do func() []*Submission) []*Submission {
	if c == nil || catKey == "" {
		return do()
	}
	fk := fileKey(path)
	if fk == "" {
		return do()
	}
	key := fk + "\x00" + catKey + "\x00" + optionsKey(path, opt, zip)
	subs := c.memo.Do(key, func() ([]*Submission, bool) {
		subs := do()
		// Stopped half-way: not kept.
		return subs, subs != nil && (opt.Context == nil || opt.Context.Err() == nil)
	})
	// Copies, so that what the caller adds leaves the kept ones as read.
	return cloneAll(subs)
}

// cloneAll copies submissions deep enough that ReadAll's later steps
// (which add problems and mark files used or not) leave the kept ones as
// they were read.
func cloneAll(subs []*Submission) []*Submission {
	out := make([]*Submission, len(subs))
	for i, s := range subs {
		t := *s
		t.Problems = slices.Clone(s.Problems)
		t.Rows = slices.Clone(s.Rows)
		t.Unmatched = slices.Clone(s.Unmatched)
		t.Indicators = slices.Clone(s.Indicators)
		out[i] = &t
	}
	return out
}

// conversions keeps LibreOffice's conversions to .xlsx by content, up to
// convCacheBytes in all, so that an .xls or .ods is converted once per
// run of the program whatever asks for it again (two readers of the same
// content at once wait for one conversion); a conversion that failed is
// kept too (a file that makes LibreOffice run out of time would do so
// again), one stopped by its caller is not.
var conversions = struct {
	sync.Mutex
	m     map[string]*conversion
	bytes int
	tick  uint64
}{m: map[string]*conversion{}}

const convCacheBytes = 256 << 20

type conversion struct {
	done chan struct{}
	data []byte
	err  error
	ok   bool // finished and kept
	used uint64
}

// convertToXLSX converts a copy of data (never the user's file) with
// headless LibreOffice and returns the .xlsx bytes; ctx stops it, and
// LibreOffice with it, its temporary files removed. Its error is one
// Vietnamese line saying what went wrong.
func convertToXLSX(ctx context.Context, bin string, data []byte, ext string) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	sum := sha256.Sum256(data)
	key := bin + "\x00" + ext + "\x00" + hex.EncodeToString(sum[:])
	for {
		conversions.Lock()
		conversions.tick++
		c, ok := conversions.m[key]
		if !ok {
			break // still locked
		}
		c.used = conversions.tick
		conversions.Unlock()
		select {
		case <-c.done:
		case <-ctx.Done():
			return nil, soffice.Canceled(ctx, ext, soffice.XLSX)
		}
		if c.ok {
			return c.data, c.err
		}
		// The converter was stopped: try again.
	}
	c := &conversion{done: make(chan struct{})}
	conversions.m[key] = c
	conversions.Unlock()
	// A time in keeping with the file's size: a small file that makes
	// LibreOffice work for minutes (a cell repeated a billion times) is
	// too complex, not a LibreOffice to close and try again.
	// The time counts from LibreOffice's start, not while other files'
	// conversions run.
	budget := convertBudget(len(data))
	out, err := soffice.ConvertWithin(ctx, budget, bin, data, ext, soffice.XLSX)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		err = &soffice.Error{Msg: fmt.Sprintf("tệp quá lớn/phức tạp: LibreOffice chưa chuyển xong tệp %s (%s) sang .xlsx sau %d giây, mức dành cho một tệp cỡ này", ext, sizeText(len(data)), int(budget/time.Second)), Err: err}
	}
	conversions.Lock()
	defer conversions.Unlock()
	defer close(c.done)
	if ctx.Err() != nil || len(out) > convCacheBytes {
		delete(conversions.m, key)
		return out, err
	}
	c.data, c.err, c.ok = out, err, true
	conversions.bytes += len(out)
	for conversions.bytes > convCacheBytes {
		var oldest string
		var at uint64
		for k, e := range conversions.m {
			if e.ok && e != c && (oldest == "" || e.used < at) {
				oldest, at = k, e.used
			}
		}
		if oldest == "" {
			break
		}
		conversions.bytes -= len(conversions.m[oldest].data)
		delete(conversions.m, oldest)
	}
	return out, err
}

// convertBudget is the time a conversion of n bytes may take: 30 s and 20
// s a megabyte, at most soffice.Timeout.
func convertBudget(n int) time.Duration {
	d := 30*time.Second + time.Duration(n)*20*time.Second/(1<<20)
	return min(d, soffice.Timeout)
}

// sizeText says a file's size in KB or MB.
func sizeText(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
