package intake

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"baocao/internal/vntext"
)

// Limits on what one workbook may make excelize build, checked on the
// package's raw parts before excelize opens it, so that the work of
// reading a file is bounded whatever it holds. A filled form has a few
// hundred strings, about 1,500 cells and a hundred formats.
const (
	// maxSharedStrings: excelize holds every shared string in memory.
	maxSharedStrings = 100_000
	// maxCells: cells written in all the sheets.
	maxCells = 1_000_000
	// maxCellSlots: for each row, the columns up to its last cell, summed
	// over the rows: what the row iterator allocates (a row with one
	// cell in column XFD costs 16,384, about 1 ms on this 2-core machine:
	// about 1,200 such rows are still read, with a warning).
	maxCellSlots = 20_000_000
	// maxStyles: cell formats, which excelize parses on opening.
	maxStyles = 100_000
)

// tooComplex returns why a workbook package holds more than a report form
// could, as the end of a sentence after «tệp quá lớn/phức tạp: », or ""
// when it may be read. A part counted is read whole only when its declared
// size (which archive/zip holds it to) is within maxUnzipXMLSize.
func tooComplex(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "" // excelize says what is wrong
	}
	cells, slots := 0, 0
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		sheet := strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
		if !sheet && name != "xl/sharedstrings.xml" && name != "xl/styles.xml" {
			continue
		}
		// Small parts cannot hold too many strings or formats: "<si/>"
		// and "<xf/>" take five bytes at least.
		if !sheet && f.UncompressedSize64 < 5*maxSharedStrings && f.UncompressedSize64 < 5*maxStyles {
			continue
		}
		if f.UncompressedSize64 > uint64(maxUnzipXMLSize) {
			return fmt.Sprintf("một phần của sổ (%s) lớn hơn %d MB khi giải nén", path.Base(f.Name), maxUnzipXMLSize>>20)
		}
		b, ok := readPart(f)
		if !ok {
			continue // excelize says what is wrong
		}
		switch {
		case name == "xl/sharedstrings.xml":
			if countElements(b, "si") > maxSharedStrings {
				return fmt.Sprintf("sổ có hơn %s chuỗi chữ dùng chung (một biểu báo cáo chỉ có vài trăm)", vntext.FormatNumber(maxSharedStrings, 0))
			}
		case name == "xl/styles.xml":
			if countElements(b, "xf") > maxStyles {
				return fmt.Sprintf("sổ có hơn %s kiểu định dạng ô (một biểu báo cáo chỉ có vài trăm)", vntext.FormatNumber(maxStyles, 0))
			}
		default:
			var far sheetFar
			cells, slots, far = scanCells(b, cells, slots)
			switch {
			case cells > maxCells:
				return fmt.Sprintf("các trang tính có hơn %s ô có nội dung (một biểu báo cáo chỉ có vài nghìn)", vntext.FormatNumber(maxCells, 0))
			case slots > maxCellSlots:
				msg := "các trang tính có quá nhiều ô nằm rất xa bảng"
				if far.col > 0 {
					msg += fmt.Sprintf(" (như dòng %d có ô ở cột %s)", far.row, colName(far.col-1))
				}
				return msg
			}
		}
	}
	return ""
}

// tooComplexAdvice says what to do about a workbook too large to read.
const tooComplexAdvice = "Có thể tệp bị hỏng, bị ghi thêm dữ liệu thừa hoặc không phải biểu báo cáo: đề nghị đơn vị chép bảng báo cáo sang biểu mẫu mới (hoặc xóa các dòng, cột, trang tính thừa), lưu thành .xlsx rồi gửi lại."

// readPart inflates a part, at most its declared size.
func readPart(f *zip.File) ([]byte, bool) {
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	return b, err == nil
}

// countElements counts the start tags of the elements named name, with or
// without a namespace prefix: "<si>", "<si ", "<x:si/>".
func countElements(b []byte, name string) int {
	n := 0
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return n
		}
		i += j + 1
		if tagName(b[i:]) == name {
			n++
		}
	}
}

// tagName is the local name of the tag whose text starts b (after "<"),
// or "" for an end tag, a comment or a declaration.
func tagName(b []byte) string {
	end := 0
	for end < len(b) && end < 40 {
		c := b[end]
		if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		end++
	}
	name := b[:end]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return string(name)
}

// sheetFar is the row and column (1-based) of the farthest cell seen.
type sheetFar struct{ row, col int }

// scanCells adds a sheet part's cells and cell slots to cells and slots,
// stopping once past a limit.
func scanCells(b []byte, cells, slots int) (int, int, sheetFar) {
	var far sheetFar
	row, rowMax, col := 0, 0, 0
	endRow := func() {
		slots += rowMax
		rowMax, col = 0, 0
	}
	for i := 0; cells <= maxCells && slots <= maxCellSlots; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		name := tagName(b[i:])
		if name != "row" && name != "c" {
			continue
		}
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			end = len(b) - i
		}
		ref := attrOf(b[i:i+end], "r")
		if name == "row" {
			endRow()
			row++
			if n, ok := atoiSmall(ref); ok {
				row = n
			}
			continue
		}
		cells++
		col++
		if c := refColumn(ref); c > 0 {
			col = c
		}
		rowMax = max(rowMax, col)
		if col > far.col {
			far = sheetFar{row, col}
		}
	}
	endRow()
	return cells, slots, far
}

// attrOf is the value of the attribute key in a tag's text, or "".
func attrOf(tag []byte, key string) string {
	for i := 0; ; {
		j := bytes.Index(tag[i:], []byte(key+`="`))
		if j < 0 {
			return ""
		}
		at := i + j
		i = at + len(key) + 2
		if at == 0 || (tag[at-1] != ' ' && tag[at-1] != '\t' && tag[at-1] != '\n' && tag[at-1] != '\r') {
			continue // "xr" is not "r"
		}
		if k := bytes.IndexByte(tag[i:], '"'); k >= 0 {
			return string(tag[i : i+k])
		}
		return ""
	}
}

// refColumn is the 1-based column of a cell reference ("XFD7": 16384), or
// 0 when it has none.
func refColumn(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			return col
		}
		if col > 1<<20 {
			return 1 << 20
		}
	}
	return col
}

// atoiSmall reads a row number.
func atoiSmall(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 1<<24 {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}
