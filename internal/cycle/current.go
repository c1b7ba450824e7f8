package cycle

import (
	"time"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// CurrentPeriod is the period now open on the day of now: the first quarter
// whose reports are not yet due, that is whose deadline (its last data day
// by Decree 09/2019, plus the plan's deadline_days) is that day or later.
// From 15/12/2025 to 14/03/2026 plus the deadline it is 2026-Q1.
func CurrentPeriod(c *catalog.Catalog, now time.Time) period.Period {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	q := period.Period{Kind: period.Quarter, Year: now.Year(), Quarter: 1}
	// Start a year back: a day in late December belongs to next year's Q1,
	// and a day early in January may still be within last Q4's deadline.
	q.Year--
	for forms.Deadline(c, q).Before(day) {
		q = q.Next()
	}
	return q
}

// PeriodChoices are the periods offered to choose from, for the years
// from first (the plan's year, say) or the year before now, whichever is
// earlier (ten years back at most), to the year after now: each year's quarters, halves, nine months
// and the year, in the order their data end.
func PeriodChoices(first int, now time.Time) []period.Period {
	from := now.Year() - 1
	if first > 0 && first < from {
		from = max(first, now.Year()-10)
	}
	var out []period.Period
	for y := from; y <= now.Year()+1; y++ {
		q := func(n int) period.Period { return period.Period{Kind: period.Quarter, Year: y, Quarter: n} }
		out = append(out,
			q(1), q(2), period.Period{Kind: period.FirstHalf, Year: y},
			q(3), period.Period{Kind: period.NineMonths, Year: y},
			q(4), period.Period{Kind: period.SecondHalf, Year: y}, period.Period{Kind: period.Year, Year: y})
	}
	return out
}
