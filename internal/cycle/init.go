package cycle

import (
	"io/fs"
	"os"
	"path/filepath"

	"baocao"
	"baocao/internal/outfile"
)

// InitResult lists what Init wrote and what it found already there.
type InitResult struct {
	Written []string
	Kept    []string // files that exist: never overwritten
}

// Init writes editable copies of the built-in data files and templates
// into dir/data and dir/templates. A file that exists is kept as it is;
// the others are written whole or not at all (an *outfile.Error).
func Init(dir string) (*InitResult, error) {
	res := &InitResult{}
	var files []outfile.File
	for _, src := range []struct {
		fsys fs.FS
		dir  string
	}{{baocao.Data(), DataDir}, {baocao.Templates(), TemplatesDir}} {
		entries, err := fs.ReadDir(src.fsys, ".")
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() {
				continue // the province's folder: «baocao init --tinh»
			}
			path := filepath.Join(dir, src.dir, e.Name())
			if _, err := os.Lstat(path); err == nil {
				res.Kept = append(res.Kept, path)
				continue
			}
			data, err := fs.ReadFile(src.fsys, e.Name())
			if err != nil {
				return nil, err
			}
			files = append(files, outfile.File{Path: path, Data: data})
		}
	}
	if err := outfile.WriteAll(files...); err != nil {
		return nil, err
	}
	for _, f := range files {
		res.Written = append(res.Written, f.Path)
	}
	return res, nil
}
