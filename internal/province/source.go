package province

import (
	"io/fs"
	"os"
	"path/filepath"

	"baocao"
	"baocao/internal/outfile"
)

// The province workspace's folders: data files, and the report template.
const (
	DataDir      = "data"
	TemplatesDir = "templates"
)

// BuiltinPlace names the built-in data in messages.
const BuiltinPlace = "(dữ liệu mẫu của tỉnh có sẵn trong chương trình)"

// LoadDefault loads the province's data: dir when given; else data/ here
// when it holds tinh.yaml; else the built-in sample (builtin is then
// true).
func LoadDefault(dir string) (d *Data, builtin bool, err error) {
	if dir != "" {
		d, err = Load(dir)
		return d, false, err
	}
	if _, err := os.Stat(filepath.Join(DataDir, FactsFile)); err == nil {
		d, err = Load(DataDir)
		return d, false, err
	}
	d, err = LoadFS(baocao.ProvinceData(), BuiltinPlace)
	return d, true, err
}

// LoadTemplate is the report template: path when given; else
// templates/bao-cao-tinh.docx here when it exists; else the built-in one
// (builtin is then true).
func LoadTemplate(path string) (b []byte, builtin bool, err error) {
	return loadTemplate(TemplateName, path)
}

// LoadReminderTemplate is the reminder letter's template, found as
// LoadTemplate finds the report's (templates/don-doc-tinh.docx).
func LoadReminderTemplate(path string) (b []byte, builtin bool, err error) {
	return loadTemplate(ReminderTemplateName, path)
}

func loadTemplate(name, path string) (b []byte, builtin bool, err error) {
	if path == "" {
		if _, err := os.Stat(filepath.Join(TemplatesDir, name)); err == nil {
			path = filepath.Join(TemplatesDir, name)
		}
	}
	if path == "" {
		b, err = fs.ReadFile(baocao.ProvinceTemplates(), name)
		return b, true, err
	}
	b, err = os.ReadFile(path)
	return b, false, err
}

// Init writes editable copies of the built-in province data into
// dir/data and of its report template into dir/templates, never overwriting a file: it returns the files written and
// those kept. The files are written whole or not at all.
func Init(dir string) (written, kept []string, err error) {
	var files []outfile.File
	type entry struct {
		src fs.FS
		sub string
		e   fs.DirEntry
	}
	var entries []entry
	for _, from := range []struct {
		src fs.FS
		sub string
	}{{baocao.ProvinceData(), DataDir}, {baocao.ProvinceTemplates(), TemplatesDir}} {
		list, err := fs.ReadDir(from.src, ".")
		if err != nil {
			return nil, nil, err
		}
		for _, e := range list {
			entries = append(entries, entry{from.src, from.sub, e})
		}
	}
	for _, en := range entries {
		src, e := en.src, en.e
		path := filepath.Join(dir, en.sub, e.Name())
		if _, err := os.Lstat(path); err == nil {
			kept = append(kept, path)
			continue
		}
		b, err := fs.ReadFile(src, e.Name())
		if err != nil {
			return nil, nil, err
		}
		files = append(files, outfile.File{Path: path, Data: b})
	}
	if err := outfile.WriteAll(files...); err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		written = append(written, f.Path)
	}
	return written, kept, nil
}
