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
//go:embed tinh/tinh.yaml tinh/xa.csv tinh/indicators.yaml tinh/bao-cao-tinh.docx tinh/don-doc-tinh.docx
var builtin embed.FS

// Data is the built-in data folder: plan.yaml, tasks.yaml, units.yaml,
// indicators.yaml at its root.
func Data() fs.FS { return sub("data") }

// Templates is the built-in templates folder: bao-cao.docx, don-doc.docx.
func Templates() fs.FS { return sub("templates") }

// Province is the built-in sample of a province's data folder: tinh.yaml,
// xa.csv, indicators.yaml and the templates bao-cao-tinh.docx and
// don-doc-tinh.docx at its root (internal/province reads it).
func Province() fs.FS { return sub("tinh") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(builtin, dir)
	if err != nil {
		panic(err) // the directory is embedded above: cannot happen
	}
	return f
}
