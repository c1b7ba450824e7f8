package intake

import (
	"math"
	"strconv"
	"strings"

	"baocao/internal/forms"
)

// statusChoices is the list of drop-down values, for messages.
func statusChoices() string {
	var names []string
	for _, s := range forms.Statuses {
		names = append(names, "«"+s.String()+"»")
	}
	return strings.Join(names, ", ")
}

// parseFloatRaw reads a number stored as a number cell ("1234.5", "1E+3").
func parseFloatRaw(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}
