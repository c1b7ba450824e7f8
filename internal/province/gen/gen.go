// Package gen makes communes' attachments for tests and the scale
// benchmark: each one by running the commune's cycle (consolidate, then
// summary) on synthetic submissions, so that what the province reads is
// what communes send.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
	"baocao/internal/province"
	"baocao/internal/summary"
)

// Commune is one commune's synthetic period.
type Commune struct {
	Name, Kind string // "Xốp", "xã"
	Province   string // as the attachment names it
	// Figures by indicator code: the previous and the current value; an
	// indicator left out is not reported.
	Figures map[string][2]float64
	// Status of each task by code; a task left out is not reported.
	Status map[string]forms.Status
	// Proposals by task code: the proposals cell of the task's lead unit
	// (a task with proposals and no status is reported in progress).
	Proposals map[string]string
}

// Attachment is the commune's attachment (tong-hop-P.xlsx) for p, built
// from the commune's catalog c with the commune's names swapped in.
func Attachment(c *catalog.Catalog, p period.Period, cm Commune) ([]byte, error) {
	cc := *c
	cc.Plan.LocalKind = cm.Kind
	cc.Plan.CommuneName = cm.Kind + " " + cm.Name
	cc.Plan.Commune = upper(cc.Plan.CommuneName)
	cc.Plan.Province = cm.Province
	mod := p.To().AddDate(0, 0, 2)
	subs := map[string]*intake.Submission{}
	sub := func(unit string) *intake.Submission {
		s := subs[unit]
		if s == nil {
			s = &intake.Submission{Path: "/in/" + unit + ".xlsx", Unit: unit, Period: p, ModTime: mod}
			subs[unit] = s
		}
		return s
	}
	row := 9
	for _, sec := range c.Sections {
		for _, t := range sec.Items {
			st, ok := cm.Status[t.Code]
			proposals := cm.Proposals[t.Code]
			if proposals != "" && !ok {
				st, ok = forms.StatusInProgress, true
			}
			if t.Heading || !ok || len(t.LeadUnits) == 0 {
				continue
			}
			s := sub(t.LeadUnits[0])
			s.Rows = append(s.Rows, intake.Row{Sheet: forms.ReportSheet, Row: row, Task: t.Code, Match: "code", Status: st, Results: "Đã triển khai theo kế hoạch",
				Proposals: proposals})
			row++
		}
	}
	for _, ind := range c.Indicators {
		f, ok := cm.Figures[ind.Code]
		if !ok {
			continue
		}
		prev, cur := f[0], f[1]
		s := sub(ind.Unit)
		s.Indicators = append(s.Indicators, intake.IndicatorValue{Code: ind.Code, Previous: &prev, Current: &cur})
	}
	var list []*intake.Submission
	for _, u := range c.Units {
		if s := subs[u.Code]; s != nil {
			list = append(list, s)
		}
	}
	r := consolidate.Build(&cc, p, list)
	b, _, err := summary.Bytes(r, summary.Options{})
	return b, err
}

func upper(s string) string { return strings.ToUpper(s) }

// Varied is the i-th of a run of synthetic communes: figures and
// statuses drawn from seed and i, so that the same seed gives the same
// communes.
func Varied(c *catalog.Catalog, provinceName string, seed uint64, i int) Commune {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	kinds := []string{"xã", "xã", "xã", "phường", "đặc khu"}
	cm := Commune{Name: fmt.Sprintf("Thử Nghiệm %04d", i+1), Kind: kinds[rng.IntN(len(kinds))], Province: provinceName,
		Figures: map[string][2]float64{}, Status: map[string]forms.Status{}}
	round := func(v float64, dec int) float64 {
		if dec == 0 {
			return float64(int64(v))
		}
		return float64(int64(v*100)) / 100
	}
	capital := 50000 + rng.Float64()*150000
	for _, ind := range c.Indicators {
		var cur float64
		switch ind.Code {
		case "TONG-NGUON-VON":
			cur = capital
		case "VON-NSDP":
			cur = capital * (0.02 + rng.Float64()*0.2)
		case "TONG-DU-NO":
			cur = capital * 0.97
		case "NO-QUA-HAN":
			cur = capital * rng.Float64() * 0.01
		default:
			cur = 100 + rng.Float64()*20000
		}
		cur = round(cur, ind.Decimals)
		prev := round(cur*(0.9+rng.Float64()*0.1), ind.Decimals)
		if rng.IntN(50) == 0 {
			continue // a figure not reported, now and then
		}
		cm.Figures[ind.Code] = [2]float64{prev, cur}
	}
	// now and then a proposal, from a few that communes word alike
	// (their case and stops varied) and one of its own
	pool := []string{"Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội",
		"đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội.",
		"Đề nghị Ủy ban nhân dân tỉnh bố trí thêm vốn ngân sách địa phương ủy thác",
		"Đề nghị Chính phủ nâng mức cho vay hộ cận nghèo",
		fmt.Sprintf("Đề nghị hỗ trợ kinh phí cho Tổ tiết kiệm và vay vốn thôn %d", rng.IntN(20)+1)}
	if rng.IntN(3) == 0 {
		cm.Proposals = map[string]string{}
		var codes []string
		for _, sec := range c.Sections {
			for _, t := range sec.Items {
				if !t.Heading {
					codes = append(codes, t.Code)
				}
			}
		}
		cm.Proposals[codes[rng.IntN(len(codes))]] = pool[rng.IntN(len(pool))]
	}
	statuses := []forms.Status{forms.StatusDone, forms.StatusDone, forms.StatusInProgress, forms.StatusNotStarted, forms.StatusNotApplicable}
	for _, sec := range c.Sections {
		for _, t := range sec.Items {
			if !t.Heading && rng.IntN(8) != 0 {
				cm.Status[t.Code] = statuses[rng.IntN(len(statuses))]
			}
		}
	}
	return cm
}

// Province is a province's data for n synthetic communes (Varied's names),
// with the indicators and targets of the commune's catalog c.
func Province(c *catalog.Catalog, name string, seed uint64, n int) *province.Data {
	d := &province.Data{Province: name, Issuer: "ỦY BAN NHÂN DÂN\nTỈNH " + upper(name), Place: name, ReportSuffix: "BC-UBND",
		Authority: "TM. ỦY BAN NHÂN DÂN", SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", Indicators: c.Indicators, Targets: c.Targets}
	for i := range n {
		cm := Varied(c, name, seed, i)
		d.Communes = append(d.Communes, province.Commune{Code: fmt.Sprintf("%05d", i+1), Name: cm.Name, Kind: cm.Kind, Line: i + 2})
	}
	return d
}

// Write writes n synthetic communes' attachments for p into dir, one
// file each (named by number: the province goes by the data), using both
// cores. It returns the files' paths.
func Write(c *catalog.Catalog, provinceName string, p period.Period, seed uint64, n int, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, 4)
	for i := range n {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			b, err := Attachment(c, p, Varied(c, provinceName, seed, i))
			if err == nil {
				paths[i] = filepath.Join(dir, fmt.Sprintf("tep-%05d.xlsx", i+1))
				err = os.WriteFile(paths[i], b, 0o644)
			}
			if err == nil {
				mod := p.To().AddDate(0, 0, 3).Add(time.Duration(i) * time.Second)
				err = os.Chtimes(paths[i], mod, mod)
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			return nil, err
		}
	}
	return paths, nil
}
