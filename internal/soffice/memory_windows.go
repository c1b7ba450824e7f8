package soffice

import (
	"syscall"
	"unsafe"
)

// memoryStatusEx is Windows' MEMORYSTATUSEX.
type memoryStatusEx struct {
	length, memoryLoad                    uint32
	totalPhys, availPhys                  uint64
	totalPageFile, availPageFile          uint64
	totalVirtual, availVirtual, availExtd uint64
}

// totalMemory is the machine's memory in bytes, 0 when unknown.
func totalMemory() int64 {
	var m memoryStatusEx
	m.length = uint32(unsafe.Sizeof(m))
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GlobalMemoryStatusEx")
	if ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&m))); ok == 0 {
		return 0
	}
	return int64(m.totalPhys)
}
