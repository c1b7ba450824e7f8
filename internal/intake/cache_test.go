package intake

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"baocao/internal/period"
)

// copySamples copies the sample submissions into a folder of the test.
func copySamples(t *testing.T) (string, []string) {
	t.Helper()
	src := filepath.Join("..", "..", "data", "samples", "2026-Q1")
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, e.Name())
		os.WriteFile(p, b, 0o644)
		paths = append(paths, p)
	}
	return dir, paths
}

func problemsOf(subs []*Submission) [][]Problem {
	var out [][]Problem
	for _, s := range subs {
		out = append(out, s.Problems)
	}
	return out
}

// A file is read once: again only when it, the data or the period changes;
// what the cache gives is what reading gives, and what ReadAll's later
// steps add to one answer never reaches the next.
func TestCacheReadsOnce(t *testing.T) {
	c := loadCatalog(t)
	dir, paths := copySamples(t)
	cache := NewCache(100)
	opt := Options{Period: q1, Cache: cache}
	plain := ReadAll([]string{dir}, c, Options{Period: q1})
	first := ReadAll([]string{dir}, c, opt)
	if cache.Reads() != len(paths) {
		t.Fatalf("%d reads for %d files", cache.Reads(), len(paths))
	}
	if !reflect.DeepEqual(problemsOf(plain), problemsOf(first)) {
		t.Errorf("the cached reading differs from a plain one")
	}
	// Spoil the first answer as a caller might.
	for _, s := range first {
		s.addf(SeverityError, "", Pos{}, "thêm")
		s.SupersededBy = "x"
	}
	second := ReadAll([]string{dir}, c, opt)
	if cache.Reads() != len(paths) {
		t.Errorf("read again: %d reads", cache.Reads())
	}
	if !reflect.DeepEqual(problemsOf(plain), problemsOf(second)) || !reflect.DeepEqual(plain[0].Rows, second[0].Rows) {
		t.Errorf("the second answer differs from a plain reading")
	}
	for i := range plain {
		if plain[i].SupersededBy != second[i].SupersededBy {
			t.Errorf("%s: superseded %q, then %q", plain[i].Path, plain[i].SupersededBy, second[i].SupersededBy)
		}
	}
	// One file changes: it alone is read again.
	b, _ := os.ReadFile(paths[0])
	os.WriteFile(paths[0], append(b[:len(b):len(b)], 0), 0o644)
	ReadAll([]string{dir}, c, opt)
	if cache.Reads() != len(paths)+1 {
		t.Errorf("after one file changed: %d reads, want %d", cache.Reads(), len(paths)+1)
	}
	// Another period: every file again.
	ReadAll([]string{dir}, c, Options{Period: period.MustParse("2026-H1"), Cache: cache})
	if cache.Reads() != 2*len(paths)+1 {
		t.Errorf("another period: %d reads, want %d", cache.Reads(), 2*len(paths)+1)
	}
	// The data changes: every file again.
	c.Units[0].Name += " (sửa)"
	ReadAll([]string{dir}, c, opt)
	if cache.Reads() != 3*len(paths)+1 {
		t.Errorf("after the data changed: %d reads, want %d", cache.Reads(), 3*len(paths)+1)
	}
	// A file assigned to a unit: that file again.
	opt.UnitOf = map[string]string{filepath.Base(paths[1]): "KT"}
	ReadAll([]string{dir}, c, opt)
	if cache.Reads() != 3*len(paths)+2 {
		t.Errorf("after an assignment: %d reads, want %d", cache.Reads(), 3*len(paths)+2)
	}
}

// Readers of the same file at once read it once.
func TestCacheConcurrent(t *testing.T) {
	c := loadCatalog(t)
	dir, paths := copySamples(t)
	cache := NewCache(100)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ReadAll([]string{dir}, c, Options{Period: q1, Cache: cache})
		}()
	}
	wg.Wait()
	if cache.Reads() != len(paths) {
		t.Errorf("%d reads for %d files", cache.Reads(), len(paths))
	}
}

// The cache keeps at most its size, the least recently used going first.
func TestCacheBounded(t *testing.T) {
	c := loadCatalog(t)
	_, paths := copySamples(t)
	cache := NewCache(3)
	for _, p := range paths {
		ReadAll([]string{p}, c, Options{Period: q1, Cache: cache})
	}
	if n := cache.memo.Len(); n != 3 {
		t.Errorf("%d entries kept", n)
	}
	ReadAll([]string{paths[len(paths)-1]}, c, Options{Period: q1, Cache: cache})
	if cache.Reads() != len(paths) {
		t.Errorf("the newest file was read again")
	}
}

// However many cores and however many ReadAll at once, at most maxReaders
// files are read together: memory does not grow with the cores.
func TestReadersBounded(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(16))
	c := loadCatalog(t)
	dir, _ := copySamples(t)
	peakReaders.Store(0)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				ReadAll([]string{dir}, c, Options{Period: q1})
			}
		}()
	}
	wg.Wait()
	if p := peakReaders.Load(); p > maxReaders || p < 2 {
		t.Errorf("%d files read at once, bound %d", p, maxReaders)
	}
}
