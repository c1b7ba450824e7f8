package compose

import (
	"testing"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/intake"
)

// BenchmarkFields is the cost of the report's prose against the fields of
// the earlier version alone (TemplateData), on the sample quarter: compare
// the two in one run (go test ./internal/compose -run '^$' -bench Fields).
func BenchmarkFields(b *testing.B) {
	c, err := catalog.Load("../../data")
	if err != nil {
		b.Fatal(err)
	}
	r := consolidate.Build(c, q1, intake.ReadAll([]string{"../../data/samples/2026-Q1"}, c, intake.Options{Period: q1}))
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.Local)
	b.Run("TemplateData", func(b *testing.B) {
		for range b.N {
			r.TemplateData(now)
		}
	})
	b.Run("Fields", func(b *testing.B) {
		for range b.N {
			Fields(r, Options{Now: now})
		}
	})
}
