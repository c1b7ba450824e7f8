package intake

import (
	"slices"
	"testing"
)

// Codes of any depth are codes: II.3.b.1, and its Arabic form 2.3.b.1.
func TestDeepCodeParts(t *testing.T) {
	for in, want := range map[string][]string{
		"II.3.b.1":   {"II", "3", "b", "1"},
		"II.3.b.1.":  {"II", "3", "b", "1"},
		"2.3.b.1":    {"2", "3", "b", "1"},
		"IV.1.a":     {"IV", "1", "a"},
		"I.1.a.2.b":  {"I", "1", "a", "2", "b"},
		"Nhiệm vụ 1": {"1"},
	} {
		if got := codeParts(in); !slices.Equal(got, want) {
			t.Errorf("codeParts(%q) = %v, want %v", in, got, want)
		}
	}
	if got := codeParts("I.1.a.2.b.3.c"); got != nil {
		t.Errorf("seven parts: %v", got)
	}
}
