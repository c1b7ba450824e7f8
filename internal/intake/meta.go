package intake

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

var (
	periodCode = regexp.MustCompile(`(?i)\b(20\d\d)[-_ ]?(Q[1-4]|H[12]|9M)\b`)
	// Folded wordings of periods.
	quarterWords = regexp.MustCompile(`\bquy (i|ii|iii|iv|1|2|3|4)\b(?: nam)? (20\d\d)\b`)
	halfWords    = regexp.MustCompile(`\b6 thang (dau|cuoi) nam (20\d\d)\b`)
	nineWords    = regexp.MustCompile(`\b9 thang(?: dau)? nam (20\d\d)\b`)
	yearWords    = regexp.MustCompile(`\b(?:bao cao|ky|ca|tong ket) nam (20\d\d)\b`)
	qShort       = regexp.MustCompile(`\bq([1-4]) (20\d\d)\b`)
	nonWord      = regexp.MustCompile(`[^\pL\pN]+`)
)

// findPeriod finds a period in free text: "quý I năm 2026", "6 tháng đầu
// năm 2026", "2026-Q1". A date ("ngày 05 tháng 01 năm 2026") is no period.
func findPeriod(text string) (period.Period, bool) {
	if m := periodCode.FindStringSubmatch(text); m != nil {
		if p, err := period.Parse(m[1] + "-" + strings.ToUpper(m[2])); err == nil {
			return p, true
		}
	}
	f := vntext.Fold(text)
	if m := quarterWords.FindStringSubmatch(f); m != nil {
		q := map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4"}[m[1]]
		if q == "" {
			q = m[1]
		}
		if p, err := period.Parse(m[2] + "-Q" + q); err == nil {
			return p, true
		}
	}
	if m := qShort.FindStringSubmatch(f); m != nil {
		if p, err := period.Parse(m[2] + "-Q" + m[1]); err == nil {
			return p, true
		}
	}
	if m := halfWords.FindStringSubmatch(f); m != nil {
		h := "H1"
		if m[1] == "cuoi" {
			h = "H2"
		}
		if p, err := period.Parse(m[2] + "-" + h); err == nil {
			return p, true
		}
	}
	if m := nineWords.FindStringSubmatch(f); m != nil {
		if p, err := period.Parse(m[1] + "-9M"); err == nil {
			return p, true
		}
	}
	if m := yearWords.FindStringSubmatch(f); m != nil {
		if p, err := period.Parse(m[1]); err == nil {
			return p, true
		}
	}
	return period.Period{}, false
}

// unitsIn returns the unit codes (not groups) named in text.
func unitsIn(c *catalog.Catalog, text string) []string {
	var out []string
	for _, code := range c.FindUnits(text) {
		if c.Unit(code) != nil {
			out = append(out, code)
		}
	}
	return out
}

// unitFromFileName finds a unit in a file name: a unit code as a word
// ("KT-2026-Q1.xlsx") or a unit's name ("Bao cao Phong Kinh te.xlsx").
func unitFromFileName(c *catalog.Catalog, path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for _, w := range nonWord.Split(base, -1) {
		if u := c.Unit(w); u != nil {
			return u.Code
		}
	}
	if us := unitsIn(c, base); len(us) == 1 {
		return us[0]
	}
	return ""
}

// excelizeDefaultTime is the save time excelize writes into every new
// workbook: a file with it was written by a program, and says nothing
// about when.
const excelizeDefaultTime = "2006-09-16T00:00:00Z"

// savedTime reads when the workbook was last saved from its document
// properties (docProps/core.xml, dcterms:modified); zero when it does not
// say or says excelize's default.
func savedTime(f *excelize.File) time.Time {
	props, err := f.GetDocProps()
	if err != nil || props == nil {
		return time.Time{}
	}
	text := strings.TrimSpace(props.Modified)
	if text == "" || text == excelizeDefaultTime {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, text); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				return time.Time{}
			}
			return t
		}
	}
	return time.Time{}
}

var (
	longDateRe  = regexp.MustCompile(`^(?:[a-z ]{1,40} )?ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$`)
	shortDateRe = regexp.MustCompile(`^(?:[a-z ]{1,40} )?ngay (\d{1,2}) (\d{1,2}) (\d{4})$`)
)

// formDate finds the date line of a form: "Xốp, ngày 20 tháng 3 năm 2026",
// "Ngày 20/03/2026": a cell that is a place and a date and nothing else,
// so that a plan's reference ("Kế hoạch số 15/KH-UBND ngày ...") is none,
// and neither is a line left with dots ("ngày ..... tháng .....").
func formDate(cells []string) (time.Time, bool) {
	for _, v := range cells {
		if v == "" || len(v) > 120 {
			continue
		}
		f := vntext.Fold(v)
		sm := longDateRe.FindStringSubmatch(f)
		if sm == nil {
			sm = shortDateRe.FindStringSubmatch(f)
		}
		if sm == nil {
			continue
		}
		day, _ := strconv.Atoi(sm[1])
		month, _ := strconv.Atoi(sm[2])
		year, _ := strconv.Atoi(sm[3])
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.Local)
		if year >= 2000 && year <= 2100 && t.Day() == day && int(t.Month()) == month {
			return t, true
		}
	}
	return time.Time{}, false
}
