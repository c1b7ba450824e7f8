package cycle

import (
	"slices"
	"strings"

	"baocao/internal/intake"
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
