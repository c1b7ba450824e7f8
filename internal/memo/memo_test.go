package memo

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Callers of one key at once compute it once; a value not kept is
// computed again; beyond max the least recently used goes.
func TestDo(t *testing.T) {
	c := New[int](2)
	var computed atomic.Int32
	slow := func() (int, bool) { computed.Add(1); time.Sleep(20 * time.Millisecond); return 7, true }
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := c.Do("a", slow); v != 7 {
				t.Errorf("got %d", v)
			}
		}()
	}
	wg.Wait()
	if n := computed.Load(); n != 1 || c.Misses() != 1 {
		t.Errorf("8 callers of one key computed it %d times (%d misses)", n, c.Misses())
	}

	stopped := 0
	for range 2 {
		c.Do("b", func() (int, bool) { stopped++; return 0, false })
	}
	if stopped != 2 {
		t.Errorf("a value not kept was computed %d times for 2 callers", stopped)
	}

	c.Do("c", func() (int, bool) { return 3, true })
	c.Do("a", slow) // a used again: c is now the oldest
	c.Do("d", func() (int, bool) { return 4, true })
	if c.Len() != 2 {
		t.Errorf("kept %d values, max 2", c.Len())
	}
	before := computed.Load()
	c.Do("a", slow)
	if computed.Load() != before {
		t.Error("the recently used value was dropped")
	}
	var nilCache *Cache[int]
	if v := nilCache.Do("x", func() (int, bool) { return 5, true }); v != 5 || nilCache.Misses() != 0 {
		t.Errorf("a nil cache: %d", v)
	}
}

// A compute that panics keeps nothing, and a caller that waited computes
// for itself.
func TestDoPanic(t *testing.T) {
	c := New[int](4)
	func() {
		defer func() { recover() }()
		c.Do("p", func() (int, bool) { panic("boom") })
	}()
	if c.Len() != 0 {
		t.Errorf("a panicked compute left %d entries", c.Len())
	}
	if v := c.Do("p", func() (int, bool) { return 1, true }); v != 1 {
		t.Errorf("after a panic: %d", v)
	}
}
