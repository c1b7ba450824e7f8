package cycle

import (
	"slices"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/intake"
	"baocao/internal/period"
)

// UnknownUnitFiles is an *InputError when unitOf assigns a file name that
// matches no file read: the user mistyped it and would otherwise think
// the file was assigned.
func UnknownUnitFiles(unitOf map[string]string, subs []*intake.Submission) error {
	var missing []string
	for file := range unitOf {
		found := false
		for _, s := range subs {
			found = found || intake.SameFileName(file, s.Path)
		}
		if !found {
			missing = append(missing, "«"+file+"»")
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	return inputErr("--unit nêu tệp không có trong các tệp đã đọc: %s. Kiểm tra lại tên tệp (chỉ ghi tên, không cần thư mục).", strings.Join(missing, ", "))
}

// CheckAccount is the account of units that a check of subs gives for the
// period asked, or, when none was asked, for the one period all the files
// are of: the same consolidation a report of that period makes. It is nil
// when no period can be told (files of several periods, or none).
func CheckAccount(c *catalog.Catalog, asked period.Period, subs []*intake.Submission) *consolidate.Report {
	p := asked
	if p.IsZero() {
		for _, s := range subs {
			switch {
			case s.Period.IsZero():
			case p.IsZero():
				p = s.Period
			case s.Period != p:
				return nil
			}
		}
	}
	if p.IsZero() {
		return nil
	}
	return consolidate.Build(c, p, subs)
}
