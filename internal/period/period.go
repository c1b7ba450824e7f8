// Package period knows the reporting periods of Decree 09/2019/NĐ-CP: how a
// period is written on the command line (2026-Q1, 2026-H1, 2026-9M, 2026),
// the dates its data run between (Article 12: from the 15th of the month
// before to the 14th of the last month), its Vietnamese name, and the date
// format of Decree 30/2020/NĐ-CP.
package period

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kind is the length of a period.
type Kind int

const (
	Quarter Kind = iota + 1
	FirstHalf
	SecondHalf
	NineMonths
	Year
)

// Period is one reporting period.
type Period struct {
	Kind    Kind
	Year    int
	Quarter int // 1-4 for Quarter, else 0
}

// Accepted lists the forms Parse takes, for messages.
const Accepted = "NĂM-Q1 … NĂM-Q4 (quý), NĂM-H1 (6 tháng đầu năm), NĂM-H2 (6 tháng cuối năm), NĂM-9M (9 tháng), NĂM (cả năm); ví dụ 2026-Q1, 2026-H1, 2026-9M, 2026"

// Error is a malformed period, worded for the user.
type Error struct{ Input string }

func (e *Error) Error() string {
	return fmt.Sprintf("kỳ báo cáo «%s» không hợp lệ. Các dạng được chấp nhận: %s", e.Input, Accepted)
}

var form = regexp.MustCompile(`^(\d{4})(?:-(Q[1-4]|H[12]|9M))?$`)

// Parse reads a period as written on the command line. Letters may be lower
// case and surrounding spaces are ignored.
func Parse(s string) (Period, error) {
	m := form.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return Period{}, &Error{Input: s}
	}
	year, _ := strconv.Atoi(m[1])
	if year < 2000 || year > 2100 {
		return Period{}, &Error{Input: s}
	}
	p := Period{Year: year}
	switch suffix := m[2]; {
	case suffix == "":
		p.Kind = Year
	case suffix == "H1":
		p.Kind = FirstHalf
	case suffix == "H2":
		p.Kind = SecondHalf
	case suffix == "9M":
		p.Kind = NineMonths
	default:
		p.Kind, p.Quarter = Quarter, int(suffix[1]-'0')
	}
	return p, nil
}

// MustParse is Parse for constants in tests and examples; it panics on a
// malformed period.
func MustParse(s string) Period {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String gives the command-line form, "2026-Q1"; it is also used in file
// names.
func (p Period) String() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.Quarter)
	case FirstHalf:
		return fmt.Sprintf("%d-H1", p.Year)
	case SecondHalf:
		return fmt.Sprintf("%d-H2", p.Year)
	case NineMonths:
		return fmt.Sprintf("%d-9M", p.Year)
	case Year:
		return strconv.Itoa(p.Year)
	}
	return ""
}

// IsZero tells an unset period.
func (p Period) IsZero() bool { return p.Kind == 0 }

var roman = [...]string{"", "I", "II", "III", "IV"}

// Name is the period's Vietnamese name as used in titles: "quý I năm 2026",
// "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "9 tháng năm 2026",
// "năm 2026".
func (p Period) Name() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("quý %s năm %d", roman[p.Quarter], p.Year)
	case FirstHalf:
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	case SecondHalf:
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case NineMonths:
		return fmt.Sprintf("9 tháng năm %d", p.Year)
	case Year:
		return fmt.Sprintf("năm %d", p.Year)
	}
	return ""
}

// lastMonth is the month whose 14th closes the period.
func (p Period) lastMonth() time.Month {
	switch p.Kind {
	case Quarter:
		return time.Month(3 * p.Quarter)
	case FirstHalf:
		return time.June
	case NineMonths:
		return time.September
	}
	return time.December
}

// firstMonth is the month whose 15th opens the period; it may be December
// of the year before, which time.Date normalises from month 0.
func (p Period) firstMonth() time.Month {
	switch p.Kind {
	case Quarter:
		return time.Month(3*p.Quarter - 3)
	case SecondHalf:
		return time.June
	}
	return 0 // December of the previous year
}

// From is the first day of the period's data (Decree 09/2019, Article 12).
func (p Period) From() time.Time {
	return time.Date(p.Year, p.firstMonth(), 15, 0, 0, 0, 0, time.UTC)
}

// To is the last day of the period's data.
func (p Period) To() time.Time {
	return time.Date(p.Year, p.lastMonth(), 14, 0, 0, 0, 0, time.UTC)
}

// Contains tells whether the day of t falls inside the period's data dates.
func (p Period) Contains(t time.Time) bool {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return !d.Before(p.From()) && !d.After(p.To())
}

// Previous is the period of the same kind before p (the quarter before, the
// year before): indicators compare against its end.
func (p Period) Previous() Period {
	switch p.Kind {
	case Quarter:
		if p.Quarter == 1 {
			return Period{Kind: Quarter, Year: p.Year - 1, Quarter: 4}
		}
		return Period{Kind: Quarter, Year: p.Year, Quarter: p.Quarter - 1}
	case SecondHalf:
		return Period{Kind: FirstHalf, Year: p.Year}
	case FirstHalf:
		return Period{Kind: SecondHalf, Year: p.Year - 1}
	}
	return Period{Kind: p.Kind, Year: p.Year - 1}
}

// Next is the period of the same kind after p.
func (p Period) Next() Period {
	switch p.Kind {
	case Quarter:
		if p.Quarter == 4 {
			return Period{Kind: Quarter, Year: p.Year + 1, Quarter: 1}
		}
		return Period{Kind: Quarter, Year: p.Year, Quarter: p.Quarter + 1}
	case FirstHalf:
		return Period{Kind: SecondHalf, Year: p.Year}
	case SecondHalf:
		return Period{Kind: FirstHalf, Year: p.Year + 1}
	}
	return Period{Kind: p.Kind, Year: p.Year + 1}
}

// Quarters returns the quarters whose data lie inside p (for a year, all
// four; for a quarter, itself).
func (p Period) Quarters() []Period {
	var out []Period
	for q := 1; q <= 4; q++ {
		qp := Period{Kind: Quarter, Year: p.Year, Quarter: q}
		if !qp.From().Before(p.From()) && !qp.To().After(p.To()) {
			out = append(out, qp)
		}
	}
	return out
}

// PartOf tells whether p is one of the quarters of a longer period long
// (quarter III of the year 2026, or of its nine months): a quarterly form
// that a report of long is built from.
func (p Period) PartOf(long Period) bool {
	return p.Kind == Quarter && long.Kind != Quarter && !long.IsZero() && slices.Contains(long.Quarters(), p)
}

// LongDate writes a date as Decree 30/2020 wants it in documents: "ngày 05
// tháng 01 năm 2026". Days below 10 and the months January and February take
// a leading zero; the other months do not ("ngày 14 tháng 3 năm 2026").
func LongDate(t time.Time) string {
	month := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}

// NumericDate writes a date in figures as Decree 30/2020 writes dates: a
// leading zero for days below 10 and for January and February only
// ("20/01/2026", "05/02/2026", "14/3/2026").
func NumericDate(t time.Time) string {
	month := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("%02d/%s/%d", t.Day(), month, t.Year())
}

// ShortDate writes dd/mm/yyyy: "15/12/2025".
func ShortDate(t time.Time) string {
	return t.Format("02/01/2006")
}
