package forms

import (
	"baocao/internal/catalog"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

// Write builds the form of unit for p and writes it to path, creating the
// folder, through outfile: no half-written form is ever left under path,
// and a path that cannot be written is an *outfile.Error.
func Write(c *catalog.Catalog, unit string, p period.Period, path string) error {
	f, err := Build(c, unit, p)
	if err != nil {
		return err
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	return outfile.WriteAll(outfile.File{Path: path, Data: buf.Bytes()})
}
