package cycle

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"baocao"
	"baocao/internal/catalog"
	"baocao/internal/cfb"
)

// The folders looked for in the current folder, and the built-in templates.
const (
	DataDir          = "data"
	TemplatesDir     = "templates"
	ReportTemplate   = "bao-cao.docx"
	ReminderTemplate = "don-doc.docx"
)

// builtinPlace names the built-in copies in messages.
const builtinPlace = "(có sẵn trong chương trình)"

// InputError is a mistake in what the user gave (a flag, a data file, a
// template), worded for the user: the command line exits 2 on it.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErr(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// Catalog is the plan's data with where it came from.
type Catalog struct {
	*catalog.Catalog
	Builtin bool // the copy built into the program
}

// BuiltinNote says that the built-in plan is in use; "" when it is not.
func (c Catalog) BuiltinNote() string {
	if !c.Builtin {
		return ""
	}
	return builtinSentence([]string{"dữ liệu kế hoạch"})
}

// LoadCatalog loads the plan's data: from dir when given; else from data/
// in the current folder when it holds plan.yaml; else the built-in copy.
// Mistakes in the data files are a catalog.Errors.
func LoadCatalog(dir string) (Catalog, error) {
	if dir == "" {
		if _, err := os.Stat(filepath.Join(DataDir, catalog.PlanFile)); err == nil {
			dir = DataDir
		}
	}
	if dir != "" {
		c, err := catalog.Load(dir)
		return Catalog{Catalog: c}, err
	}
	c, err := catalog.LoadFS(baocao.Data(), builtinPlace)
	if c != nil {
		// Notes are for whoever edits the data files; the built-in copy's
		// (two of its groups have the same members, on purpose) are not.
		c.Notes = nil
	}
	return Catalog{Catalog: c, Builtin: true}, err
}

// Template is a Word template with where it came from.
type Template struct {
	Path    string // the file read, or the built-in copy's name for messages
	Data    []byte
	Builtin bool
}

// LoadTemplate reads a Word template: path when given (flag names the
// option in messages); else templates/<name> in the current folder when it
// exists; else the built-in copy of that name.
func LoadTemplate(path, name, flag string) (Template, error) {
	if path == "" {
		here := filepath.Join(TemplatesDir, name)
		if _, err := os.Stat(here); err != nil {
			data, err := fs.ReadFile(baocao.Templates(), name)
			if err != nil {
				return Template{}, fmt.Errorf("built-in template %s: %w", name, err)
			}
			return Template{Data: data, Builtin: true, Path: name + " " + builtinPlace}, nil
		}
		path = here
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Template{}, inputErr("không tìm thấy mẫu %s (tùy chọn %s). Kiểm tra lại đường dẫn; bỏ tùy chọn này thì dùng mẫu có sẵn trong chương trình.", path, flag)
	case err != nil:
		if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
			return Template{}, inputErr("%s là thư mục, không phải tệp mẫu Word (tùy chọn %s): nêu tệp .docx, ví dụ templates/%s.", path, flag, name)
		}
		return Template{}, inputErr("không đọc được mẫu %s (tùy chọn %s): tệp có đang mở hoặc bị khóa không, hay tên tệp quá dài?", path, flag)
	}
	switch info := cfb.Sniff(data); {
	case info.Kind == cfb.XLS:
		return Template{}, inputErr("mẫu %s (tùy chọn %s) là sổ Excel 97-2003 (.xls), không phải văn bản Word: nêu tệp mẫu .docx, ví dụ templates/%s.", path, flag, name)
	case info.Encrypted && isWorkbookName(path):
		// An encrypted .xlsx hides what it is: its name tells.
		return Template{}, inputErr("mẫu %s (tùy chọn %s) là sổ Excel (có mật khẩu), không phải văn bản Word: nêu tệp mẫu .docx, ví dụ templates/%s.", path, flag, name)
	case info.Encrypted:
		// An encrypted .docx is a compound file too: not a .doc.
		return Template{}, inputErr("mẫu %s (tùy chọn %s) có mật khẩu nên không đọc được: mở tệp bằng Word, chọn Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi dùng tệp đó.", path, flag)
	case info.Kind != cfb.NotCompound, strings.EqualFold(filepath.Ext(path), ".doc"):
		return Template{}, inputErr("mẫu %s (tùy chọn %s) là tệp Word 97-2003 (.doc): mở tệp bằng Word, chọn Tệp > Lưu thành, kiểu «Tài liệu Word (*.docx)», rồi dùng tệp .docx.", path, flag)
	}
	return Template{Path: path, Data: data}, nil
}

// isWorkbookName tells a file named as an Excel workbook.
func isWorkbookName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb":
		return true
	}
	return false
}
