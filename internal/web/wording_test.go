package web

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/intake"
	"baocao/internal/period"
)

// Every kind of fix, worded for the page, names a control of the page and
// never a flag of the command line; the command line's wording does.
func TestPageWordingHasNoFlags(t *testing.T) {
	for _, k := range intake.FixKinds {
		for _, f := range []intake.Fix{{Kind: k}, {Kind: k, Period: period.MustParse("2026-Q2"), File: "bao cao.xlsx"}} {
			p := intake.Problem{Severity: intake.SeverityError, File: "/x/bao cao.xlsx", Message: "tệp có lỗi.", Fix: f}
			page := problemText(p)
			if strings.Contains(page, "--") || strings.Contains(page, "chạy lại") || strings.Contains(page, "tùy chọn") {
				t.Errorf("fix %d on the page: %q", k, page)
			}
			if !strings.HasPrefix(page, "tệp có lỗi.") {
				t.Errorf("fix %d: the message is lost: %q", k, page)
			}
			cli := p.Text(intake.CommandLine)
			if k != intake.FixNone && !strings.Contains(cli, "--") {
				t.Errorf("fix %d on the command line names no flag: %q", k, cli)
			}
			if k == intake.FixUnit && !strings.Contains(page, "«Tệp chưa rõ đơn vị»") {
				t.Errorf("a unit's fix on the page: %q", page)
			}
			if k == intake.FixPeriod && !f.Period.IsZero() && !strings.Contains(page, "«Kỳ báo cáo»") {
				t.Errorf("a period's fix on the page: %q", page)
			}
		}
	}
}

// Files whose problems carry fixes, sent through the page: the rows, the
// build's account and the answers never show a flag.
func TestPageShowsNoFlag(t *testing.T) {
	s := start(t)
	kt := sample(t, "KT-2026-Q1.xlsx")
	files := []upload{
		{name: "KT-2026-Q2.xlsx", data: kt.data}, // another period by its name? the form's own data says Q1
		{name: "bao cao.pdf", data: []byte("%PDF-1.4\n")},
		{name: "tong-hop-2026-Q1.xlsx", data: kt.data},
		sample(t, "HCCB bao cao tin dung CSXH.xlsx"),
	}
	var all []string
	for _, f := range files {
		a := decode(t, s.send(t, s.client, f))
		for _, r := range a.Files {
			all = append(all, r.Message)
		}
		for _, h := range a.HTML {
			all = append(all, h)
		}
	}
	a := decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	all = append(all, a.Error)
	for _, h := range a.HTML {
		all = append(all, h)
	}
	_, page := s.get(t, "/?ky=2026-Q1")
	all = append(all, page)
	for _, text := range all {
		if strings.Contains(text, "--") || strings.Contains(text, "chạy lại với") {
			i := strings.Index(text, "--")
			if i < 0 {
				i = strings.Index(text, "chạy lại với")
			}
			t.Errorf("a flag on the page: …%s…", text[max(0, i-200):min(len(text), i+100)])
		}
	}
	if !strings.Contains(strings.Join(all, "\n"), "«Tệp chưa rõ đơn vị»") {
		t.Error("the PDF of no unit is not pointed to the unit's choice")
	}
}

// A data folder that is gone, said on the page: no option named.
func TestMissingDataNamesNoFlag(t *testing.T) {
	_, err := catalog.Load(filepath.Join(t.TempDir(), "khong-co"))
	var de catalog.Errors
	if err == nil || !errors.As(err, &de) {
		t.Fatalf("no data error: %v", err)
	}
	if !strings.Contains(err.Error(), "--data") {
		t.Fatalf("the command line's wording changed: %v", err)
	}
	if msg := userMessage(err); strings.Contains(msg, "--") || !strings.Contains(msg, "thư mục dữ liệu kế hoạch") {
		t.Errorf("on the page: %q", msg)
	}
}
