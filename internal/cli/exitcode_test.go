package cli

import (
	"errors"
	"fmt"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/outfile"
	"baocao/internal/planimport"
	"baocao/internal/render"
)

// TestExitCode: every kind of error gets its exit code in exitCode, also
// when a command has wrapped it with a sentence of its own.
func TestExitCode(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("lời dẫn:\n%w", err) }
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"internal failure", errors.New("boom"), ExitProblems},
		{"exit code chosen by the command", stopped("lập báo cáo"), ExitInterrupted},
		{"usage", usageErr("thiếu --period"), ExitUsage},
		{"input", &cycle.InputError{Msg: "mẫu có lỗi"}, ExitUsage},
		{"data files", wrap(catalog.Errors{{File: "tasks.yaml", Line: 3, Msg: "sai"}}), ExitUsage},
		{"output", &outfile.Error{Path: "out"}, ExitUsage},
		{"province template", wrap(&render.TemplateError{}), ExitUsage},
		{"appendix unreadable", &planimport.Error{Path: "a.docx", Msg: "hỏng", Unreadable: true}, ExitProblems},
		{"appendix of the wrong kind", &planimport.Error{Path: "a.pdf", Msg: "PDF"}, ExitUsage},
		{"output folder taken", &planimport.ExistsError{Dir: "du-lieu"}, ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}
