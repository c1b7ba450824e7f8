//go:build !unix && !windows

package soffice

import (
	"os"
	"os/exec"
)

// killTree leaves cmd's cancellation as it is: the process alone is killed.
func killTree(cmd *exec.Cmd) {}

func peakMemory(*os.ProcessState) int64 { return 0 }
