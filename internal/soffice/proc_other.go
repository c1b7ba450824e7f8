//go:build !unix && !windows

package soffice

import "os/exec"

// killTree leaves cmd's cancellation as it is: the process alone is killed.
func killTree(cmd *exec.Cmd) {}
