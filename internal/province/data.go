package province

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// The province's data files, relative to its data folder. indicators.yaml
// has the commune's format (catalog).
const (
	FactsFile    = "tinh.yaml"
	CommunesFile = "xa.csv"
)

// DataFiles lists the files of a province's data folder.
var DataFiles = []string{FactsFile, CommunesFile, catalog.IndicatorsFile}

// Commune is one commune of the province's list.
type Commune struct {
	Code string // as the province numbers it (the official code)
	Name string // "Xốp"
	Kind string // xã, phường or đặc khu
	Line int    // its line in xa.csv
}

// FullName is the commune in running text: "xã Xốp".
func (c Commune) FullName() string { return c.Kind + " " + c.Name }

// Data is a province's data folder.
type Data struct {
	Dir string
	// Province "Quảng Ngãi"; Issuer the body that reports, in capitals,
	// one line a header line ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI"); Place
	// the place name before the date.
	Province, Issuer, Place string
	ReportSuffix            string // "BC-UBND"
	ReminderSuffix          string // the reminder letter's: "UBND-KTTH"
	Authority, SignerTitle  string
	SignerName              string
	Recipients              []string
	Communes                []Commune
	Indicators              []*catalog.Indicator
	Targets                 []*catalog.Target
}

type factsFile struct {
	Province       string `yaml:"province"`
	Issuer         string `yaml:"issuer"`
	Place          string `yaml:"place"`
	ReportSuffix   string `yaml:"report_suffix"`
	ReminderSuffix string `yaml:"reminder_suffix"`
	Signer         struct {
		Authority string `yaml:"authority"`
		Title     string `yaml:"title"`
		Name      string `yaml:"name"`
	} `yaml:"signer"`
	Recipients []string `yaml:"recipients"`
}

// Load reads and checks the province's data folder dir.
func Load(dir string) (*Data, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, catalog.Errors{{File: dir, Msg: "không tìm thấy thư mục dữ liệu của tỉnh (chứa " + strings.Join(DataFiles, ", ") + "). Kiểm tra tùy chọn --data."}}
	}
	return LoadFS(os.DirFS(dir), dir)
}

// LoadFS reads and checks the province's data files at the root of fsys;
// dir names the place in messages. On mistakes it returns a
// catalog.Errors listing all of them with file and line.
func LoadFS(fsys fs.FS, dir string) (*Data, error) {
	d := &Data{Dir: dir}
	var errs catalog.Errors
	add := func(file string, line int, format string, args ...any) {
		errs = append(errs, &catalog.DataError{File: filepath.Join(dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	read := func(name string) []byte {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			msg := "không đọc được tệp dữ liệu: " + err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				msg = "không tìm thấy tệp dữ liệu. Kiểm tra tùy chọn --data (thư mục chứa " + strings.Join(DataFiles, ", ") + ")."
			}
			add(name, 0, "%s", msg)
			return nil
		}
		return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	}

	if b := read(FactsFile); b != nil {
		var ff factsFile
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&ff); err != nil && err != io.EOF {
			errs = append(errs, catalog.YAMLErrors(filepath.Join(dir, FactsFile), err)...)
		} else {
			d.Province = vntext.Clean(ff.Province)
			d.Issuer = strings.ToUpper(vntext.Clean(ff.Issuer))
			d.Place = vntext.Clean(ff.Place)
			d.ReportSuffix = strings.TrimSpace(ff.ReportSuffix)
			d.Authority, d.SignerTitle, d.SignerName = vntext.Clean(ff.Signer.Authority), vntext.Clean(ff.Signer.Title), vntext.Clean(ff.Signer.Name)
			for _, r := range ff.Recipients {
				d.Recipients = append(d.Recipients, vntext.Clean(r))
			}
			for _, f := range []struct{ key, value string }{{"province", d.Province}, {"issuer", d.Issuer}, {"place", d.Place}} {
				if f.value == "" {
					add(FactsFile, 0, "thiếu «%s» (%s)", f.key, map[string]string{"province": "tên tỉnh, ví dụ Quảng Ngãi", "issuer": "cơ quan báo cáo, ví dụ ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "place": "địa danh ghi trước ngày tháng"}[f.key])
				}
			}
			if d.ReportSuffix == "" {
				d.ReportSuffix = "BC-UBND"
			}
			if d.ReminderSuffix = strings.TrimSpace(ff.ReminderSuffix); d.ReminderSuffix == "" {
				d.ReminderSuffix = "UBND"
			}
		}
	}
	if b := read(CommunesFile); b != nil {
		cs, cerrs := ReadCommunes(bytes.NewReader(b), filepath.Join(dir, CommunesFile))
		d.Communes = cs
		errs = append(errs, cerrs...)
	}
	inds, targets, err := catalog.LoadIndicatorsFS(fsys, dir)
	var ce catalog.Errors
	switch {
	case errors.As(err, &ce):
		errs = append(errs, ce...)
	case err != nil:
		add(catalog.IndicatorsFile, 0, "%v", err)
	}
	d.Indicators, d.Targets = inds, targets
	if len(errs) > 0 {
		return nil, errs
	}
	return d, nil
}

// The header names a communes list may use, folded.
var (
	codeHeads = []string{"ma", "code", "ma xa", "ma don vi"}
	nameHeads = []string{"ten", "name", "ten xa", "ten don vi"}
	kindHeads = []string{"loai", "kind", "cap", "loai don vi"}
)

// ReadCommunes reads a list of communes: a CSV file (comma or semicolon,
// as Excel saves it) whose first line names the columns «mã», «tên»,
// «loại» (or code, name, kind). A name may carry its kind ("phường Trần
// Phú") when the kind column is absent or empty. name names the file in
// messages.
func ReadCommunes(r io.Reader, name string) ([]Commune, catalog.Errors) {
	var errs catalog.Errors
	add := func(line int, format string, args ...any) {
		errs = append(errs, &catalog.DataError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	b, err := io.ReadAll(r)
	if err != nil {
		add(0, "không đọc được: %v", err)
		return nil, errs
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(b) {
		add(0, "tệp không lưu bằng bảng mã UTF-8 nên chữ tiếng Việt không đọc đúng: trong Excel chọn Lưu thành (Save As) > «CSV UTF-8 (Comma delimited)»")
		return nil, errs
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(b))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	var records [][]string
	var lines []int
	for {
		rec, rerr := cr.Read()
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
		line, _ := cr.FieldPos(0)
		records, lines = append(records, rec), append(lines, line)
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			add(pe.Line, "dòng không đọc được (dấu ngoặc kép không khớp?): %v", pe.Err)
		} else {
			add(0, "không đọc được: %v", err)
		}
		return nil, errs
	}
	if len(records) == 0 {
		add(0, "tệp trống: dòng đầu ghi tên cột «mã;tên;loại», mỗi dòng sau một xã")
		return nil, errs
	}
	col := map[string]int{"code": -1, "name": -1, "kind": -1}
	for i, h := range records[0] {
		f := vntext.Fold(h)
		switch {
		case slices.Contains(codeHeads, f):
			col["code"] = i
		case slices.Contains(nameHeads, f):
			col["name"] = i
		case slices.Contains(kindHeads, f):
			col["kind"] = i
		}
	}
	if col["code"] < 0 || col["name"] < 0 {
		add(1, "dòng đầu phải ghi tên cột: «mã» và «tên» (và «loại»: xã, phường, đặc khu), không phải «%s»", strings.Join(records[0], string(cr.Comma)))
		return nil, errs
	}
	get := func(rec []string, k string) string {
		if i := col[k]; i >= 0 && i < len(rec) {
			return strings.Join(strings.Fields(vntext.Clean(rec[i])), " ")
		}
		return ""
	}
	var out []Commune
	codes, names := map[string]int{}, map[string]int{}
	for n, rec := range records[1:] {
		line := lines[n+1]
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		c := Commune{Code: get(rec, "code"), Name: get(rec, "name"), Kind: strings.ToLower(get(rec, "kind")), Line: line}
		if c.Kind == "" {
			for _, k := range catalog.LocalKinds {
				if rest, ok := cutFoldPrefix(c.Name, k+" "); ok {
					c.Kind, c.Name = k, rest
					break
				}
			}
		} else if rest, ok := cutFoldPrefix(c.Name, c.Kind+" "); ok {
			c.Name = rest
		}
		switch {
		case c.Code == "":
			add(line, "thiếu mã của %s", orDash(c.Name))
		case codes[c.Code] > 0:
			add(line, "mã «%s» trùng với dòng %d", c.Code, codes[c.Code])
		}
		if c.Name == "" {
			add(line, "thiếu tên xã")
		}
		if !slices.Contains(catalog.LocalKinds, c.Kind) {
			add(line, "loại «%s» không hợp lệ: ghi xã, phường hoặc đặc khu", c.Kind)
		}
		key := communeKey(c.FullName())
		if prev, ok := names[key]; ok && c.Name != "" {
			add(line, "%s đã có ở dòng %d", c.FullName(), prev)
		}
		codes[c.Code], names[key] = line, line
		out = append(out, c)
	}
	if len(out) == 0 && len(errs) == 0 {
		add(0, "danh sách chưa có xã nào")
	}
	return out, errs
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cutFoldPrefix cuts prefix from s, comparing case and diacritics as
// written (NFC) but not letter case.
func cutFoldPrefix(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return strings.TrimSpace(s[len(prefix):]), true
	}
	return s, false
}

// communeKey is how a commune's name is compared: cleaned, lowercased,
// spaces collapsed (diacritics count: «Xốp» and «Xóp» are two communes).
func communeKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(vntext.Clean(s))), " ")
}
