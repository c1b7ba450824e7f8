// Package baocao holds the copies of the plan's data files and of the Word
// templates that are built into the program, so that the program file
// alone, copied into an empty folder, runs the whole cycle.
package baocao

import (
	"embed"
	"io/fs"
)

//go:embed data/plan.yaml data/tasks.yaml data/units.yaml data/indicators.yaml
//go:embed templates/bao-cao.docx templates/don-doc.docx
//go:embed data/tinh/tinh.yaml data/tinh/xa.csv data/tinh/indicators.yaml
//go:embed templates/tinh/bao-cao-tinh.docx templates/tinh/don-doc-tinh.docx
var builtin embed.FS

// Data is the built-in data folder: plan.yaml, tasks.yaml, units.yaml,
// indicators.yaml at its root (and the province's folder tinh/).
func Data() fs.FS { return sub("data") }

// Templates is the built-in templates folder: bao-cao.docx, don-doc.docx.
func Templates() fs.FS { return sub("templates") }

// ProvinceData is the built-in sample of a province's data folder:
// tinh.yaml, xa.csv, indicators.yaml (internal/province reads it).
func ProvinceData() fs.FS { return sub("data/tinh") }

// ProvinceTemplates is the province's built-in templates folder:
// bao-cao-tinh.docx, don-doc-tinh.docx.
func ProvinceTemplates() fs.FS { return sub("templates/tinh") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(builtin, dir)
	if err != nil {
		panic(err) // the directory is embedded above: cannot happen
	}
	return f
}
