package soffice

import "syscall"

// totalMemory is the machine's memory in bytes, 0 when unknown.
func totalMemory() int64 {
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) != nil {
		return 0
	}
	return int64(info.Totalram) * int64(info.Unit)
}
