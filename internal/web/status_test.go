package web

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"baocao/internal/cycle"
	"baocao/internal/outfile"
)

// TestStatusOf: statusOf is the one place that maps errors to HTTP
// statuses; only the program's own failures are 500 (and logged).
func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want int
	}{
		{"clerk's mistake", badRequest("sai"), http.StatusBadRequest},
		{"busy", fmt.Errorf("lập: %w", &cycle.BusyError{}), http.StatusConflict},
		{"output in the way", fmt.Errorf("ghi: %w", &outfile.Error{Path: "a.docx"}), http.StatusConflict},
		{"stopped", &cycle.StoppedError{Err: errors.New("canceled")}, http.StatusServiceUnavailable},
		{"program's own", errors.New("nil map"), http.StatusInternalServerError},
	} {
		if got := statusOf(tc.err); got != tc.want {
			t.Errorf("%s: statusOf = %d, want %d", tc.name, got, tc.want)
		}
	}
}
