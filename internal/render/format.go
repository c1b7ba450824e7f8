package render

import (
	"baocao/internal/period"
	"baocao/internal/vntext"

	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// formatters are the names a clerk may write after "|" in a placeholder.
// Each takes the value and the optional argument after ":" ({x|so:1}).
var formatters = map[string]func(v any, arg string) (string, error){
	"so":         fmtNumber,
	"trieu":      fmtMillions,
	"phan_tram":  fmtPercent,
	"ngay":       fmtLongDate,
	"dd/mm/yyyy": fmtShortDate,
	"ngay_so":    fmtNumericDate,
	"hoa":        func(v any, _ string) (string, error) { return strings.ToUpper(plain(v)), nil },
}

// formatterTable documents the formatters, for the checks, the messages
// and the program's help: one entry for each name of formatters.
var formatterTable = []Formatter{
	{"so", "{ky_nay|so} → 1.234,5 (chấm ngăn hàng nghìn, phẩy thập phân, tối đa 2 chữ số lẻ); {ky_nay|so:1} → đúng 1 chữ số lẻ", true, []SpecKind{SpecNumber}},
	{"trieu", "{x|trieu} → số đồng đổi ra triệu đồng: 1234500000 → 1.234,5", true, []SpecKind{SpecNumber}},
	{"phan_tram", "{x|phan_tram} → 15,5% (giá trị đã là phần trăm)", true, []SpecKind{SpecNumber}},
	{"ngay", "{ngay_bao_cao|ngay} → ngày 05 tháng 01 năm 2026", false, []SpecKind{SpecDate}},
	{"dd/mm/yyyy", "{tu_ngay|dd/mm/yyyy} → 15/12/2025", false, []SpecKind{SpecDate}},
	{"ngay_so", "{den_ngay|ngay_so} → 14/3/2026, 20/01/2026 (số 0 đứng trước chỉ ở ngày dưới 10 và tháng 1, 2, theo Nghị định 30/2020)", false, []SpecKind{SpecDate}},
	{"hoa", "{ten_xa|hoa} → chữ in hoa", false, nil},
}

// plain renders a value without a formatter.
func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case Note:
		return string(x)
	case bool:
		if x {
			return "có"
		}
		return "không"
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format("02/01/2006")
	case *time.Time:
		if x == nil {
			return ""
		}
		return plain(*x)
	case BlankDay:
		return fmt.Sprintf("     /%02d/%d", int(x.Month), x.Year)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		// without a formatter a whole number is written as is: years and
		// counts ("2026", "7"); {x|so} groups the thousands
		return fmt.Sprint(x)
	case float32, float64:
		f, _ := toFloat(x)
		return formatVN(f, -1)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float32:
		return float64(x), true
	case float64:
		return x, true
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0, false
		}
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	return 0, false
}

// Note is a text given where a number goes, saying why there is none
// («chưa đủ số liệu (thiếu quý III)»): number formatters print it as it is,
// without the warning a text in a number's place gets.
type Note string

// number formats v for a numeric formatter; an empty string stays empty, a
// Note is printed as it is, and another text that is not a number is kept
// as it is (with an error for a warning).
func number(v any, arg string, scale float64, suffix string) (string, error) {
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
		return "", nil
	}
	if n, ok := v.(Note); ok {
		return string(n), nil
	}
	if v == nil {
		return "", nil
	}
	f, ok := toFloat(v)
	if !ok {
		return plain(v), fmt.Errorf("giá trị «%s» không phải là số", plain(v))
	}
	decimals := -1
	if arg != "" {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 || n > 6 {
			return plain(v), fmt.Errorf("số chữ số thập phân «%s» không hợp lệ", arg)
		}
		decimals = n
	}
	return formatVN(f/scale, decimals) + suffix, nil
}

func fmtNumber(v any, arg string) (string, error)   { return number(v, arg, 1, "") }
func fmtMillions(v any, arg string) (string, error) { return number(v, arg, 1e6, "") }
func fmtPercent(v any, arg string) (string, error)  { return number(v, arg, 1, "%") }

// formatVN writes f the Vietnamese way: dot for thousands, comma for
// decimals. decimals < 0 means at most two, trailing zeros dropped.
func formatVN(f float64, decimals int) string {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return ""
	case decimals < 0:
		return vntext.FormatAuto(f)
	}
	return vntext.FormatNumber(f, decimals)
}

func toTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case *time.Time:
		if x != nil {
			return *x, true
		}
	}
	return time.Time{}, false
}

// BlankDay is a document's date whose day the records clerk writes by
// hand when the document is issued, like its number: the month and year
// are known, the day is left blank ("ngày      tháng 3 năm 2026").
type BlankDay struct {
	Month time.Month
	Year  int
}

// month writes a BlankDay's month as Decree 30/2020 does: a leading zero
// for January and February only.
func (d BlankDay) month() string {
	if d.Month <= time.February {
		return fmt.Sprintf("0%d", int(d.Month))
	}
	return fmt.Sprint(int(d.Month))
}

var (
	fmtLongDate = dateFormatter(period.LongDate, func(d BlankDay) string {
		return fmt.Sprintf("ngày      tháng %s năm %d", d.month(), d.Year)
	})
	fmtShortDate = dateFormatter(period.ShortDate, func(d BlankDay) string {
		return fmt.Sprintf("     /%02d/%d", int(d.Month), d.Year)
	})
	fmtNumericDate = dateFormatter(period.NumericDate, func(d BlankDay) string {
		return fmt.Sprintf("     /%s/%d", d.month(), d.Year)
	})
)

// dateFormatter makes a formatter that writes a date with write; a blank
// value or a zero date prints nothing.
func dateFormatter(write func(time.Time) string, blank func(BlankDay) string) func(any, string) (string, error) {
	return func(v any, _ string) (string, error) {
		if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
			return "", nil
		}
		if d, ok := v.(BlankDay); ok {
			return blank(d), nil
		}
		t, ok := toTime(v)
		if !ok {
			return plain(v), fmt.Errorf("giá trị «%s» không phải là ngày", plain(v))
		}
		if t.IsZero() {
			return "", nil
		}
		return write(t), nil
	}
}
