package province_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao"
	"baocao/internal/catalog"
	"baocao/internal/province"
)

// The built-in sample loads, and its copies written by Init load the same.
func TestBuiltinAndInit(t *testing.T) {
	d, err := province.LoadFS(baocao.ProvinceData(), province.BuiltinPlace)
	if err != nil {
		t.Fatal(err)
	}
	if d.Province != "Quảng Ngãi" || d.Issuer != "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI" || len(d.Communes) != 7 || len(d.Indicators) != 8 || len(d.Targets) != 3 {
		t.Errorf("built in: %q %q, %d communes, %d indicators, %d targets", d.Province, d.Issuer, len(d.Communes), len(d.Indicators), len(d.Targets))
	}
	if c := d.Communes[6]; c.Code != "21292" || c.Name != "Lý Sơn" || c.Kind != "đặc khu" || c.FullName() != "đặc khu Lý Sơn" || c.Line != 8 {
		t.Errorf("last commune: %+v", c)
	}
	dir := t.TempDir()
	written, kept, err := province.Init(dir)
	if err != nil || len(written) != 5 || len(kept) != 0 {
		t.Fatalf("init: %v %v %v", written, kept, err)
	}
	os.WriteFile(filepath.Join(dir, "data", province.CommunesFile), []byte("mã,tên\n1,xã A\n"), 0o644)
	written, kept, err = province.Init(dir)
	if err != nil || len(written) != 0 || len(kept) != 5 {
		t.Fatalf("init again: %v %v %v", written, kept, err)
	}
	d, err = province.Load(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Communes) != 1 || d.Communes[0].FullName() != "xã A" {
		t.Errorf("the edited list was overwritten: %+v", d.Communes)
	}
}

// Mistakes in the province's data are said with file and line.
func TestDataMistakes(t *testing.T) {
	facts, _ := os.ReadFile("../../data/tinh/tinh.yaml")
	inds, _ := os.ReadFile("../../data/tinh/indicators.yaml")
	for _, tt := range []struct {
		name   string
		file   string
		text   string
		errors []string // "file:line: phrase"
	}{
		{"semicolons, a kind in the name", province.CommunesFile, "Mã;Tên\n1;phường Trần Phú\n2;Xã Xốp\n", nil},
		{"kind missing", province.CommunesFile, "mã,tên,loại\n1,Xốp,\n", []string{"xa.csv:2: loại «» không hợp lệ"}},
		{"bad kind", province.CommunesFile, "mã,tên,loại\n1,Xốp,huyện\n", []string{"xa.csv:2: loại «huyện» không hợp lệ"}},
		{"same code", province.CommunesFile, "mã,tên,loại\n1,Xốp,xã\n\n1,Đăk Pék,xã\n", []string{"xa.csv:4: mã «1» trùng với dòng 2"}},
		{"same commune", province.CommunesFile, "mã,tên,loại\n1,Xốp,xã\n2,xã Xốp,xã\n", []string{"xa.csv:3: xã Xốp đã có ở dòng 2"}},
		{"no code column", province.CommunesFile, "số,tên\n1,Xốp\n", []string{"xa.csv:1: dòng đầu phải ghi tên cột"}},
		{"no name", province.CommunesFile, "mã,tên,loại\n7,,xã\n", []string{"xa.csv:2: thiếu tên xã"}},
		{"not UTF-8", province.CommunesFile, "m\xe3,t\xean\n1,X\xf4p\n", []string{"xa.csv: tệp không lưu bằng bảng mã UTF-8"}},
		{"quote", province.CommunesFile, "mã,tên,loại\n1,\"Xốp,xã\n", []string{"xa.csv:2: dòng không đọc được"}},
		{"unknown key", province.FactsFile, string(facts) + "signerr: x\n", []string{"tinh.yaml:26: khóa «signerr» không có trong mẫu dữ liệu"}},
		{"no province", province.FactsFile, strings.Replace(string(facts), "province: Quảng Ngãi", "province: \"\"", 1), []string{"tinh.yaml: thiếu «province»"}},
		{"bad indicator kind", catalog.IndicatorsFile, strings.Replace(string(inds), "kind: flow", "kind: dong", 1), []string{"indicators.yaml:47: chỉ tiêu DS-CHO-VAY: kind phải là stock"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range province.DataFiles {
				b, _ := os.ReadFile(filepath.Join("../../data/tinh", name))
				if name == tt.file {
					b = []byte(tt.text)
				}
				os.WriteFile(filepath.Join(dir, name), b, 0o644)
			}
			_, err := province.Load(dir)
			var es catalog.Errors
			if len(tt.errors) == 0 {
				if err != nil {
					t.Fatalf("unexpected: %v", err)
				}
				return
			}
			if !errors.As(err, &es) {
				t.Fatalf("want errors %v, got %v", tt.errors, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, strings.Replace(strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)), ", dòng ", ":", 1))
			}
			for _, want := range tt.errors {
				found := false
				for _, g := range got {
					file, rest, _ := strings.Cut(want, ": ")
					if strings.HasPrefix(g, file+": ") && strings.Contains(g, rest) {
						found = true
					}
				}
				if !found {
					t.Errorf("want %q among %q", want, got)
				}
			}
		})
	}
}
