//go:build !linux && !windows

package soffice

// totalMemory is unknown here: Parallel goes by the cores alone.
func totalMemory() int64 { return 0 }
