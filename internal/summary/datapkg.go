package summary

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxPartBytes bounds one part of a package read by ReadDataBytes, as
// ReadDataFile bounds excelize.
const maxPartBytes = 64 << 20

// ReadDataBytes reads the machine-readable part of the attachment whose
// bytes are b, as ReadData does, without opening the whole workbook: only
// the sheet list, the data sheet and the shared strings are parsed, with
// a plain token loop (a province reads thousands of attachments). A
// package it cannot follow is read through excelize and ReadData.
func ReadDataBytes(b []byte) (*Data, error) {
	d, _, err := ReadDataSheets(b)
	return d, err
}

// ReadDataSheets is ReadDataBytes, and the raw values of the other sheets
// named (by row, then column from A; a sheet absent is left out), read in
// the same pass: a province checks the printed figures against the data.
// Those sheets come back with ErrNoData too (the data sheet removed) and
// with a data sheet it cannot read, so that the printed sheets can be
// read instead (ReadPrinted).
func ReadDataSheets(b []byte, sheets ...string) (*Data, map[string][][]string, error) {
	d, other, err := readDataPackage(b, sheets)
	if errors.Is(err, errNotFollowed) {
		f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxPartBytes})
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		other := map[string][][]string{}
		for _, name := range sheets {
			if idx, err := f.GetSheetIndex(name); err != nil || idx < 0 {
				continue
			}
			if rows, err := f.GetRows(name, excelize.Options{RawCellValue: true}); err == nil {
				other[name] = rows
			}
		}
		d, err := ReadData(f)
		if err != nil {
			return nil, other, err
		}
		return d, other, nil
	}
	return d, other, err
}

// errNotFollowed: the package is not laid out as expected.
var errNotFollowed = errors.New("summary: package not followed")

func readDataPackage(b []byte, sheets []string) (*Data, map[string][][]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, errNotFollowed
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	read := func(name string) ([]byte, error) {
		f := parts[strings.ToLower(name)]
		if f == nil {
			return nil, errNotFollowed
		}
		rc, err := f.Open()
		if err != nil {
			return nil, errNotFollowed
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
		if err != nil || len(data) > maxPartBytes {
			return nil, errNotFollowed
		}
		return data, nil
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, nil, err
	}
	ids := map[string]string{} // sheet name → relationship id
	if err := eachStart(wb, func(e xml.StartElement) {
		if e.Name.Local == "sheet" {
			ids[attr(e, "name")] = attr(e, "id")
		}
	}); err != nil {
		return nil, nil, errNotFollowed
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, nil, err
	}
	targets, sstPath := map[string]string{}, "xl/sharedStrings.xml" // id → part
	if err := eachStart(rels, func(e xml.StartElement) {
		if e.Name.Local != "Relationship" {
			return
		}
		target := attr(e, "Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		targets[attr(e, "Id")] = target
		if strings.HasSuffix(attr(e, "Type"), "/sharedStrings") {
			sstPath = target
		}
	}); err != nil {
		return nil, nil, errNotFollowed
	}
	_, hasData := ids[SheetData]
	if hasData && targets[ids[SheetData]] == "" {
		return nil, nil, errNotFollowed
	}
	var sst []string
	if _, ok := parts[strings.ToLower(sstPath)]; ok {
		data, err := read(sstPath)
		if err != nil {
			return nil, nil, err
		}
		if sst, err = sharedStrings(data); err != nil {
			return nil, nil, errNotFollowed
		}
	}
	other := map[string][][]string{}
	for _, name := range sheets {
		id, ok := ids[name]
		if !ok || targets[id] == "" {
			continue
		}
		data, err := read(targets[id])
		if err != nil {
			return nil, nil, err
		}
		if other[name], err = sheetRows(data, sst); err != nil {
			return nil, nil, errNotFollowed
		}
	}
	if !hasData {
		return nil, other, ErrNoData
	}
	sheet, err := read(targets[ids[SheetData]])
	if err != nil {
		return nil, nil, err
	}
	rows, err := sheetRows(sheet, sst)
	if err != nil {
		return nil, nil, errNotFollowed
	}
	i := 0
	d, err := readDataRows(func() ([]string, bool, error) {
		if i == len(rows) {
			return nil, false, nil
		}
		i++
		return rows[i-1], true, nil
	})
	if err != nil {
		return nil, other, err
	}
	return d, other, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// eachStart calls f with every start element of data.
func eachStart(data []byte, f func(xml.StartElement)) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok {
			f(e)
		}
	}
}

// sharedStrings is the shared strings table: each item's text, its runs
// joined (phonetic runs left out).
func sharedStrings(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var b strings.Builder
	inT, skip := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				inT = true
			case "rPh", "phoneticPr":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, b.String())
			case "t":
				inT = false
			case "rPh", "phoneticPr":
				skip--
			}
		case xml.CharData:
			if inT && skip == 0 {
				b.Write(t)
			}
		}
	}
}

// sheetRows is a worksheet's rows as raw values by column, a missing row
// given as an empty one (as excelize's row iterator does).
func sheetRows(data []byte, sst []string) ([][]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var rows [][]string
	var row []string
	var cellType, ref string
	col := 0
	var value strings.Builder
	inValue, inCell := false, false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := len(rows) + 1
				if r := attr(t, "r"); r != "" {
					if n, err = strconv.Atoi(r); err != nil || n < len(rows)+1 || n > 1<<20 {
						return nil, fmt.Errorf("bad row %q", r)
					}
				}
				for len(rows) < n-1 {
					rows = append(rows, nil)
				}
				row, col = nil, 0
			case "c":
				inCell, cellType, ref = true, attr(t, "t"), attr(t, "r")
				col++
				if ref != "" {
					c, _, err := excelize.CellNameToCoordinates(ref)
					if err != nil || c > 16384 {
						return nil, fmt.Errorf("bad cell %q", ref)
					}
					col = c
				}
				value.Reset()
			case "v", "t":
				inValue = inCell
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				rows = append(rows, row)
			case "c":
				inCell = false
				v := value.String()
				if cellType == "s" {
					i, err := strconv.Atoi(v)
					if err != nil || i < 0 || i >= len(sst) {
						v = ""
					} else {
						v = sst[i]
					}
				}
				if v != "" {
					for len(row) < col {
						row = append(row, "")
					}
					row[col-1] = v
				}
			case "v", "t":
				inValue = false
			}
		case xml.CharData:
			if inValue {
				value.Write(t)
			}
		}
	}
}
