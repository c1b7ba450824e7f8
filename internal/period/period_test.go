package period

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		canon    string
		name     string
		from, to time.Time
	}{
		{"2026-Q1", "2026-Q1", "quý I năm 2026", day(2025, 12, 15), day(2026, 3, 14)},
		{"2026-Q2", "2026-Q2", "quý II năm 2026", day(2026, 3, 15), day(2026, 6, 14)},
		{"2026-Q3", "2026-Q3", "quý III năm 2026", day(2026, 6, 15), day(2026, 9, 14)},
		{"2026-Q4", "2026-Q4", "quý IV năm 2026", day(2026, 9, 15), day(2026, 12, 14)},
		{"2026-H1", "2026-H1", "6 tháng đầu năm 2026", day(2025, 12, 15), day(2026, 6, 14)},
		{"2026-H2", "2026-H2", "6 tháng cuối năm 2026", day(2026, 6, 15), day(2026, 12, 14)},
		{"2026-9M", "2026-9M", "9 tháng năm 2026", day(2025, 12, 15), day(2026, 9, 14)},
		{"2026", "2026", "năm 2026", day(2025, 12, 15), day(2026, 12, 14)},
		{" 2027-q1 ", "2027-Q1", "quý I năm 2027", day(2026, 12, 15), day(2027, 3, 14)},
		{"2000-9m", "2000-9M", "9 tháng năm 2000", day(1999, 12, 15), day(2000, 9, 14)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.String(); got != tt.canon {
				t.Errorf("String: got %q, want %q", got, tt.canon)
			}
			if got := p.Name(); got != tt.name {
				t.Errorf("Name: got %q, want %q", got, tt.name)
			}
			if !p.From().Equal(tt.from) || !p.To().Equal(tt.to) {
				t.Errorf("dates: got %s-%s, want %s-%s", ShortDate(p.From()), ShortDate(p.To()), ShortDate(tt.from), ShortDate(tt.to))
			}
			if !p.Contains(tt.from) || !p.Contains(tt.to) || p.Contains(tt.to.AddDate(0, 0, 1)) || p.Contains(tt.from.AddDate(0, 0, -1)) {
				t.Errorf("Contains does not match the cut-off dates")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "2026-Q5", "2026-Q0", "Q1-2026", "2026Q1", "26-Q1", "2026-H3", "2026-6M", "quý 1", "1999", "2026-", "2026-Q1x"} {
		t.Run(in, func(t *testing.T) {
			_, err := Parse(in)
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): got %v, want *Error", in, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, fmt.Sprintf("«%s»", in)) || !strings.Contains(msg, "2026-Q1") || !strings.Contains(msg, "2026-9M") {
				t.Errorf("message should quote the input and list the accepted forms: %q", msg)
			}
		})
	}
}

func TestPreviousNext(t *testing.T) {
	tests := []struct{ p, prev, next string }{
		{"2026-Q1", "2025-Q4", "2026-Q2"},
		{"2026-Q4", "2026-Q3", "2027-Q1"},
		{"2026-H1", "2025-H2", "2026-H2"},
		{"2026-H2", "2026-H1", "2027-H1"},
		{"2026-9M", "2025-9M", "2027-9M"},
		{"2026", "2025", "2027"},
	}
	for _, tt := range tests {
		p := MustParse(tt.p)
		if got := p.Previous().String(); got != tt.prev {
			t.Errorf("%s.Previous() = %s, want %s", tt.p, got, tt.prev)
		}
		if got := p.Next().String(); got != tt.next {
			t.Errorf("%s.Next() = %s, want %s", tt.p, got, tt.next)
		}
		// Consecutive periods of one kind leave no gap: the next starts the
		// day after this one ends (quarters and halves).
		if p.Kind == Quarter || p.Kind == FirstHalf || p.Kind == SecondHalf {
			if !p.Next().From().Equal(p.To().AddDate(0, 0, 1)) {
				t.Errorf("%s and %s leave a gap", p, p.Next())
			}
		}
	}
}

func TestQuarters(t *testing.T) {
	tests := map[string]string{"2026": "2026-Q1 2026-Q2 2026-Q3 2026-Q4", "2026-H1": "2026-Q1 2026-Q2", "2026-H2": "2026-Q3 2026-Q4", "2026-9M": "2026-Q1 2026-Q2 2026-Q3", "2026-Q2": "2026-Q2"}
	for in, want := range tests {
		var got []string
		for _, q := range MustParse(in).Quarters() {
			got = append(got, q.String())
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s.Quarters() = %v, want %s", in, got, want)
		}
	}
}

func TestLongDate(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{day(2026, 1, 5), "ngày 05 tháng 01 năm 2026"},
		{day(2026, 2, 28), "ngày 28 tháng 02 năm 2026"},
		{day(2026, 3, 14), "ngày 14 tháng 3 năm 2026"},
		{day(2026, 9, 9), "ngày 09 tháng 9 năm 2026"},
		{day(2025, 12, 15), "ngày 15 tháng 12 năm 2025"},
		{day(2026, 10, 1), "ngày 01 tháng 10 năm 2026"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.t); got != tt.want {
			t.Errorf("LongDate(%s) = %q, want %q", tt.t.Format("2006-01-02"), got, tt.want)
		}
	}
	if got := ShortDate(day(2026, 3, 4)); got != "04/03/2026" {
		t.Errorf("ShortDate = %q", got)
	}
}

func ExamplePeriod_Name() {
	p := MustParse("2026-Q1")
	fmt.Println(p.Name(), "từ", ShortDate(p.From()), "đến", ShortDate(p.To()))
	// Output: quý I năm 2026 từ 15/12/2025 đến 14/03/2026
}
