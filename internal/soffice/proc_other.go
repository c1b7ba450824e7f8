//go:build !unix && !windows

package soffice

import (
	"context"
	"os"
	"os/exec"
)

// killTree leaves cmd's cancellation as it is: the process alone is killed.
func killTree(cmd *exec.Cmd) {}

func peakMemory(*os.ProcessState) int64 { return 0 }

func runTied(cmd *exec.Cmd) error { return cmd.Run() }

func tiedCommand(ctx context.Context, bin string, args []string) (*exec.Cmd, func() error, func()) {
	cmd := exec.CommandContext(ctx, bin, args...)
	return cmd, cmd.Start, func() {}
}

// running cannot tell here: every process counts as running, so that
// nothing is swept.
func running(pid int) bool { return true }

func endLeftover(pid int, dir string) leftover { return leftoverUnknown }
