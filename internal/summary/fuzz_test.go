package summary

import (
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/period"
)

// ReadDataBytes never panics on a damaged attachment, and what it reads
// has its schema.
func FuzzReadDataBytes(f *testing.F) {
	c, err := catalog.Load("../../data")
	if err != nil {
		f.Fatal(err)
	}
	b, _, err := Bytes(consolidate.Build(c, period.MustParse("2026-Q1"), nil), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadDataBytes(b)
		if err == nil && (d == nil || d.Schema != DataSchema) {
			t.Fatalf("read without its schema: %+v", d)
		}
	})
}
