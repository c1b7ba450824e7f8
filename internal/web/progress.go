package web

import (
	"context"
	"net/http"
	"sync"

	"baocao/internal/cycle"
	"baocao/internal/period"
)

// stages keeps the stage each running build of a period is at («Đọc tệp»,
// «Lập tệp Word», «Lập PDF 2/3»), for the page to show while it waits.
type stages struct {
	mu sync.Mutex
	at map[period.Period]string
}

// track returns ctx telling p's build stages to st, and the function that
// forgets them once the build is over.
// A build refused because another of p runs reports nothing, and so
// forgets nothing.
func (st *stages) track(ctx context.Context, p period.Period) (context.Context, func()) {
	reported := false // under st.mu
	ctx = cycle.WithProgress(ctx, func(stage string) {
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.at == nil {
			st.at = map[period.Period]string{}
		}
		st.at[p], reported = stage, true
	})
	return ctx, func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		if reported {
			delete(st.at, p)
		}
	}
}

// of is the stage of p's running build; "" when none runs.
func (st *stages) of(p period.Period) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.at[p]
}

// progress answers the stage of the period's running build:
// {"buoc": "Lập PDF 2/3"}, or "" when no build of it is running.
func (s *Server) progress(w http.ResponseWriter, r *http.Request) {
	_, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"buoc": s.stages.of(p)})
}
