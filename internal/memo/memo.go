// Package memo keeps what an expensive computation gave, by key, so that
// a file is judged once (issue 24): the commune's reading of a unit's
// file (intake) and the province's reading of a commune's attachment
// (province) each key their readings by content and keep them here.
package memo

import "sync"

// Cache keeps up to max values, the least recently used going first. Two
// callers of the same key at once compute it once, the second waiting for
// the first; callers of other keys never wait. A Cache is safe for
// concurrent use; a nil *Cache keeps nothing.
type Cache[V any] struct {
	mu      sync.Mutex
	entries map[string]*entry[V]
	max     int
	tick    uint64
	misses  int
}

type entry[V any] struct {
	done chan struct{}
	v    V
	kept bool // set before done is closed
	used uint64
}

// New keeps up to max values.
func New[V any](max int) *Cache[V] {
	return &Cache[V]{entries: map[string]*entry[V]{}, max: max}
}

// Do returns the value kept under key, or computes it. compute gives the
// value to keep and whether to keep it (not when it was stopped half-way);
// a value not kept, or a compute that panicked, is computed again by each
// caller that waited for it.
func (c *Cache[V]) Do(key string, compute func() (V, bool)) V {
	if c == nil {
		v, _ := compute()
		return v
	}
	c.mu.Lock()
	c.tick++
	if e, ok := c.entries[key]; ok {
		e.used = c.tick
		c.mu.Unlock()
		<-e.done
		if e.kept {
			return e.v
		}
		v, _ := compute()
		return v
	}
	e := &entry[V]{done: make(chan struct{}), used: c.tick}
	c.entries[key] = e
	c.misses++
	c.evict()
	c.mu.Unlock()
	defer func() {
		if !e.kept {
			c.mu.Lock()
			if c.entries[key] == e {
				delete(c.entries, key)
			}
			c.mu.Unlock()
		}
		close(e.done)
	}()
	v, keep := compute()
	e.v, e.kept = v, keep
	return v
}

// Misses is the number of values computed rather than found.
func (c *Cache[V]) Misses() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.misses
}

// Len is the number of values kept or being computed.
func (c *Cache[V]) Len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// evict drops the least recently used finished entries beyond max.
func (c *Cache[V]) evict() {
	for len(c.entries) > c.max {
		var oldest string
		var at uint64
		for k, e := range c.entries {
			select {
			case <-e.done:
			default:
				continue
			}
			if oldest == "" || e.used < at {
				oldest, at = k, e.used
			}
		}
		if oldest == "" {
			return
		}
		delete(c.entries, oldest)
	}
}
