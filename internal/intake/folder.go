package intake

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// What a file in the input folder is, by its name.
type fileKind int

const (
	fileWorkbook fileKind = iota // read
	fileZip                      // opened, its files read
	fileXLSB
	filePDF
	fileWord
	filePicture
	fileCSV
	fileArchive // .rar, .7z: not opened
	fileOurs    // a report, summary or reminder that baocao wrote
	fileSystem  // Thumbs.db, desktop.ini, .DS_Store, hidden files: not the unit's
	fileOther
)

var extKinds = map[string]fileKind{
	".xlsx": fileWorkbook, ".xlsm": fileWorkbook, ".xls": fileWorkbook, ".ods": fileWorkbook, ".fods": fileWorkbook,
	".zip":  fileZip,
	".xlsb": fileXLSB,
	".pdf":  filePDF,
	".doc":  fileWord, ".docx": fileWord, ".docm": fileWord, ".odt": fileWord, ".rtf": fileWord,
	".jpg": filePicture, ".jpeg": filePicture, ".png": filePicture, ".gif": filePicture, ".bmp": filePicture,
	".tif": filePicture, ".tiff": filePicture, ".heic": filePicture, ".heif": filePicture, ".webp": filePicture,
	".csv": fileCSV,
	".rar": fileArchive, ".7z": fileArchive, ".gz": fileArchive, ".tar": fileArchive,
}

// ourOutput matches the names of the Word and PDF files baocao writes for
// a period, and the dated copies it keeps of them. Its summary (.xlsx) is
// read, and told by its document properties.
var ourOutput = regexp.MustCompile(`(?i)^(bao-cao|don-doc|tong-hop)-\d{4}(-(q[1-4]|h[12]|9m))?( \(.*\))?\.(docx|pdf)$`)

// kindOfName tells what a file is by its name.
func kindOfName(name string) fileKind {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	switch {
	case lower == "thumbs.db" || lower == "desktop.ini" || lower == ".ds_store" || strings.HasPrefix(base, "._"):
		return fileSystem
	case ourOutput.MatchString(base):
		return fileOurs
	}
	k, ok := extKinds[strings.ToLower(filepath.Ext(base))]
	switch {
	case ok && k == fileWorkbook:
		return k
	case strings.HasPrefix(base, "."):
		return fileSystem // hidden: the system's or ours, never a unit's
	case ok:
		return k
	}
	return fileOther
}

// otherFile returns the submission that lists a file that is not read as a
// workbook, saying what to do, attributed to a unit by its name where
// possible so that the unit is asked for its form rather than counted as
// silent; nil for a file to read, or to pass over without a word (the
// system's files). zipPath is the zip the file came in, or "".
func otherFile(name string, k fileKind, c *catalog.Catalog, opt Options, mod time.Time, zipPath string) *Submission {
	s := &Submission{Path: name, Unit: opt.unitFor(name), Period: opt.Period, ModTime: mod}
	if s.Unit == "" {
		s.Unit = unitFromFileName(c, name)
	}
	// The period its own name gives, else its zip's («HPN-2025-Q4.zip»),
	// else the one asked for.
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	zipBase := strings.TrimSuffix(filepath.Base(zipPath), filepath.Ext(zipPath))
	if p, ok := findPeriod(base); ok {
		s.Period = p
	} else if p, ok := findPeriod(zipBase); ok && zipPath != "" {
		s.Period = p
	}
	fromZip(s, c, zipPath)
	who := "đơn vị"
	if u := c.Unit(s.Unit); u != nil {
		who = u.Name
	}
	resend := fmt.Sprintf("đề nghị %s gửi lại tệp Excel (biểu mẫu .xlsx đã điền)", who)
	unknown, fix := "", Fix{}
	if s.Unit == "" {
		unknown = " Tên tệp không cho biết của đơn vị nào: nếu là báo cáo của một đơn vị, đề nghị đơn vị đó gửi lại tệp Excel."
		fix = Fix{Kind: FixUnit, File: filepath.Base(name)}
	}
	s.sentAs = map[fileKind]string{fileXLSB: "tệp .xlsb", filePDF: "tệp PDF", fileWord: "tệp Word", filePicture: "ảnh", fileCSV: "tệp CSV"}[k]
	switch k {
	case fileWorkbook, fileZip, fileSystem:
		return nil
	case fileXLSB:
		s.addFix(fix, SeverityError, "", Pos{}, "%s gửi tệp Excel dạng nhị phân (.xlsb), chương trình không đọc được: %s. %s%s", who, resend, saveAsAdvice, unknown)
	case filePDF:
		s.addFix(fix, SeverityError, "", Pos{}, "%s gửi tệp PDF: %s; bản PDF chỉ để xem, chương trình không đọc được số liệu trong đó.%s", who, resend, unknown)
	case fileWord:
		s.addFix(fix, SeverityError, "", Pos{}, "%s gửi tệp Word (%s), không phải biểu mẫu Excel: %s; nếu đơn vị viết báo cáo bằng Word, chép kết quả vào biểu mẫu Excel.%s", who, strings.ToLower(filepath.Ext(name)), resend, unknown)
	case filePicture:
		s.addFix(fix, SeverityError, "", Pos{}, "%s gửi ảnh (%s), có thể là ảnh chụp biểu báo cáo: chương trình không đọc được chữ trong ảnh; %s.%s", who, strings.ToLower(filepath.Ext(name)), resend, unknown)
	case fileCSV:
		s.addFix(fix, SeverityError, "", Pos{}, "%s gửi tệp CSV: %s. %s%s", who, resend, saveAsAdvice, unknown)
	case fileArchive:
		s.addf(SeverityError, "", Pos{}, "tệp nén %s: chương trình chỉ mở được tệp .zip. Giải nén tệp này (chuột phải > Extract) và chép các tệp Excel trong đó vào thư mục, rồi chạy lại.", strings.ToLower(filepath.Ext(name)))
	case fileOurs:
		s.Unit, s.Period = "", period.Period{}
		s.addFix(Fix{Kind: FixOutputElsewhere}, SeverityWarning, "", Pos{}, "bỏ qua: đây là tệp do baocao lập (báo cáo hoặc công văn đôn đốc), không phải tệp đơn vị gửi.")
	default:
		s.Unit = ""
		s.addf(SeverityWarning, "", Pos{}, "bỏ qua: tệp không phải tệp Excel nên không được đọc. Nếu đây là báo cáo của đơn vị, đề nghị đơn vị gửi lại biểu mẫu Excel (.xlsx) đã điền.")
	}
	return s
}

// maxZipNameLen is the longest zip entry name kept, in bytes.
const maxZipNameLen = 255

// readZip reads the files of a zip: its workbooks are read in memory, one
// submission each, named "thư-mục/tệp.zip/tên.xlsx"; nothing is written
// to disk (an old .xls inside is converted through a temporary copy, as
// any .xls). A zip inside the zip is not opened. The zip is unpacked
// within a ZipBudget: the page's policy (ZipMaxFiles, ZipMaxFileBytes,
// ZipMaxTotalBytes).
func readZip(zipPath string, c *catalog.Catalog, opt Options) (out []*Submission) {
	fail := func(format string, args ...any) []*Submission {
		s := &Submission{Path: zipPath, Unit: opt.unitFor(zipPath), Period: opt.Period}
		attribute(s, c) // a unit's broken zip asks that unit again
		s.addf(SeverityError, "", Pos{}, format, args...)
		return append(out, s)
	}
	st, err := os.Stat(zipPath)
	if err != nil {
		return fail("%s", openError(err))
	}
	if st.Size() > maxFileSize {
		return fail("tệp nén quá lớn (%d MB, tối đa %d MB). Giải nén và chép các tệp Excel trong đó vào thư mục, rồi chạy lại.", st.Size()>>20, maxFileSize>>20)
	}
	data, err := os.ReadFile(zipPath)
	if err != nil {
		return fail("%s", openError(err))
	}
	if k := sniff(data); k != kindZip && k != kindBomb {
		// A workbook (or no zip at all) named .zip: read it as a file.
		return []*Submission{Read(zipPath, c, opt)}
	}
	return readZipData(zipPath, data, st.ModTime(), c, opt)
}

// readZipData reads the files of a zip held in memory (see readZip).
func readZipData(zipPath string, data []byte, zipMod time.Time, c *catalog.Catalog, opt Options) (out []*Submission) {
	fail := func(format string, args ...any) []*Submission {
		s := &Submission{Path: zipPath, Unit: opt.unitFor(zipPath), Period: opt.Period}
		attribute(s, c) // a unit's broken zip asks that unit again
		s.addf(SeverityError, "", Pos{}, format, args...)
		return append(out, s)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fail("tệp nén bị hỏng hoặc chưa tải về hết nên không mở được. Tải lại tệp, hoặc đề nghị đơn vị gửi lại.")
	}
	budget := NewZipBudget()
	var notRead NameList // past the budget
	found := 0
	entries := newEntryReaders()
	type placed struct {
		i int
		s **Submission
	}
	var read []placed
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		if budget.Spent() || !budget.Take() {
			notRead.Add(f.Name)
			continue
		}
		name, ok := zipEntryName(f.Name)
		label := filepath.Join(zipPath, filepath.FromSlash(name))
		mod := f.Modified
		if mod.IsZero() {
			mod = zipMod
		}
		if !ok {
			s := &Submission{Path: filepath.Join(zipPath, "?")}
			s.addf(SeverityError, "", Pos{}, "tệp nén có một tệp mang tên không hợp lệ («%s»: có «..», đường dẫn tuyệt đối hoặc ký tự lạ) nên không đọc tệp đó. Giải nén bằng tay, kiểm tra rồi chép các tệp Excel vào thư mục.", shorten(vntext.Clean(vntext.FileName(f.Name)), 60))
			out = append(out, s)
			continue
		}
		k := kindOfName(name)
		switch k {
		case fileSystem:
			continue
		case fileZip:
			s := &Submission{Path: label}
			s.addf(SeverityError, "", Pos{}, "tệp nén nằm trong tệp nén nên không được mở. Giải nén tệp ngoài, rồi giải nén tiếp tệp này và chép các tệp Excel vào thư mục.")
			out = append(out, s)
			continue
		case fileWorkbook:
		default:
			if s := otherFile(label, k, c, opt, mod, zipPath); s != nil {
				out = append(out, s)
			}
			continue
		}
		found++
		if note := skipNote(label); note != nil {
			out = append(out, note)
			continue
		}
		// The bytes in order, within the budget; the reading (an .xls's
		// conversion) beside the next entries'.
		data, err := budget.Read(f)
		got := new(*Submission)
		out = append(out, nil)
		read = append(read, placed{len(out) - 1, got})
		entries.run(func() { *got = readZipEntry(data, err, zipPath, label, mod, c, opt) })
	}
	entries.wait()
	for _, p := range read {
		out[p.i] = *p.s
	}
	if notRead.Len() > 0 {
		s := &Submission{Path: zipPath}
		s.addf(SeverityError, "", Pos{}, "tệp nén lớn quá mức đọc (%s) nên không đọc %d tệp: %s. Giải nén và chép các tệp Excel vào thư mục, rồi chạy lại.", ZipLimitsText(), notRead.Len(), notRead.String())
		out = append([]*Submission{s}, out...)
	}
	if found == 0 && notRead.Len() == 0 {
		s := &Submission{Path: zipPath, Unit: unitFromFileName(c, zipPath), Period: opt.Period}
		s.addf(SeverityError, "", Pos{}, "tệp nén không có tệp Excel nào (.xlsx, .xlsm, .xls). Kiểm tra lại tệp đơn vị gửi; đề nghị đơn vị gửi biểu mẫu Excel đã điền.")
		out = append(out, s)
	}
	return out
}

// readZipEntry reads one workbook of a zip, in memory: data and err are
// what the budget's Read gave (its declared size is not trusted).
func readZipEntry(data []byte, err error, zipPath, label string, mod time.Time, c *catalog.Catalog, opt Options) (s *Submission) {
	s = &Submission{Path: label, Unit: opt.unitFor(label), Period: opt.Period, ModTime: mod, zipPath: zipPath}
	defer recoverInto(s)
	defer func() { // by the entry's name, else the zip's, even when unread
		attribute(s, c)
		fromZip(s, c, zipPath)
	}()
	switch {
	case errors.Is(err, ErrZipFileTooLarge):
		s.addf(SeverityError, "", Pos{}, "tệp quá lớn (hơn %d MB khi giải nén): biểu mẫu báo cáo thường chỉ vài chục KB. Kiểm tra đã gửi đúng tệp chưa.", ZipMaxFileBytes>>20)
		return s
	case errors.Is(err, ErrZipSpent):
		s.addf(SeverityError, "", Pos{}, "chưa đọc: tệp nén đã giải nén đến mức tối đa (%s). Giải nén và chép các tệp Excel vào thư mục, rồi chạy lại.", ZipLimitsText())
		return s
	case err != nil:
		s.addf(SeverityError, "", Pos{}, "không lấy được tệp này ra khỏi tệp nén: tệp nén bị hỏng, chưa tải về hết hoặc đặt mật khẩu. Tải lại tệp nén, hoặc giải nén bằng tay rồi chép tệp Excel vào thư mục.")
		return s
	}
	readData(s, data, c, opt)
	return s
}

// fromZip gives a file of a zip that does not say its unit or period those
// of the zip's name: "HND-2026-Q1.zip" holding "bao cao.pdf" is the Hội
// Nông dân's, which is then asked for its form rather than counted silent.
func fromZip(s *Submission, c *catalog.Catalog, zipPath string) {
	if zipPath == "" {
		return
	}
	if s.Unit == "" {
		s.Unit = unitFromFileName(c, zipPath)
	}
	if p, ok := findPeriod(strings.TrimSuffix(filepath.Base(zipPath), filepath.Ext(zipPath))); ok && s.Period.IsZero() {
		s.Period = p
	}
}

// zipEntryName cleans a zip entry's name for use as a label: valid UTF-8,
// no control or invisible characters, "/" between folders, no more than
// maxZipNameLen bytes. ok is false for names that climb out ("..") or are
// absolute, which are never read.
func zipEntryName(name string) (string, bool) {
	name = strings.ReplaceAll(vntext.FileName(name), "\\", "/")
	if strings.HasPrefix(name, "/") || strings.Contains(name, "\x00") || (len(name) > 1 && name[1] == ':') {
		return "", false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "", false
		}
	}
	name = path.Clean(vntext.Clean(name))
	if name == "." || name == "" {
		return "", false
	}
	if len(name) > maxZipNameLen {
		cut := maxZipNameLen
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		ext := path.Ext(name)
		if len(ext) < 10 {
			name = name[:max(0, cut-len(ext))] + ext
		} else {
			name = name[:cut]
		}
	}
	return name, true
}

// ShownName is how a file read is named to the clerk where its folder is
// not shown: its base name, or for a file that came in a zip, the zip's
// name and the entry's ("Hoi doan the gui.zip/MTTQ-2026-Q1.xlsx"), which
// say where to find it. Files of a zip are named "…/tệp.zip/entry".
func ShownName(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, part := range parts[:len(parts)-1] {
		if strings.EqualFold(filepath.Ext(part), ".zip") {
			return filepath.Join(parts[i:]...)
		}
	}
	return filepath.Base(path)
}

// Relative names path for a person: relative to the folder given (of
// roots) that holds it, "Bao cao/CA.xlsx" or "doan the.zip/MTTQ.xlsx",
// never a path of this machine; ShownName when no folder given holds it.
func Relative(path string, roots []string) string {
	for _, root := range roots {
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			continue
		}
		if rel, err := filepath.Rel(root, path); err == nil && rel != "." && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) {
			return rel
		}
	}
	return ShownName(path)
}
