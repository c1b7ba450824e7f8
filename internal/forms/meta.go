package forms

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Meta identifies a form: whose it is, for which period, from which plan.
type Meta struct {
	Unit        string
	Period      string
	Fingerprint string
	Version     string
	// Summary is set (to its period) when the workbook is not a form but
	// the summary that baocao writes (SummaryMarker).
	Summary string
}

func (m Meta) pairs() [][2]string {
	return [][2]string{
		{MetaUnit, m.Unit},
		{MetaPeriod, m.Period},
		{MetaFingerprint, m.Fingerprint},
		{MetaVersion, m.Version},
	}
}

func (m *Meta) set(key, value string) {
	value = strings.TrimSpace(value)
	var field *string
	switch key {
	case MetaUnit:
		field = &m.Unit
	case MetaPeriod:
		field = &m.Period
	case MetaFingerprint:
		field = &m.Fingerprint
	case MetaVersion:
		field = &m.Version
	case SummaryMarker:
		field = &m.Summary
	default:
		return
	}
	if *field == "" {
		*field = value
	}
}

// metadata writes Meta in three places: custom document properties, the very
// hidden MetaSheet and workbook defined names.
func (b *builder) metadata() {
	f := b.f
	m := Meta{Unit: b.u.Code, Period: b.p.String(), Fingerprint: b.c.Fingerprint, Version: Version}
	_, err := f.NewSheet(MetaSheet)
	b.check(err)
	for i, kv := range m.pairs() {
		b.check(f.SetCustomProps(excelize.CustomProperty{Name: kv[0], Value: kv[1]}))
		b.check(f.SetCellStr(MetaSheet, cell(0, i+1), kv[0]))
		b.check(f.SetCellStr(MetaSheet, cell(1, i+1), kv[1]))
		b.check(f.SetDefinedName(&excelize.DefinedName{Name: kv[0], RefersTo: quote(kv[1])}))
	}
	b.protect(MetaSheet)
	b.check(f.SetSheetVisible(MetaSheet, false, true))
}

// quote writes s as a formula string constant: "KT".
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// unquote reads a defined name's formula back: ="KT", "KT" or KT.
func unquote(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "="))
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// ReadMeta finds a form's metadata, trying the custom document properties,
// then the MetaSheet, then the defined names; a field missing in one place
// is taken from the next. ok tells whether the unit and the period were
// found.
func ReadMeta(f *excelize.File) (m Meta, ok bool) {
	if props, err := f.GetCustomProps(); err == nil {
		for _, p := range props {
			if s, isString := p.Value.(string); isString {
				m.set(p.Name, s)
			}
		}
	}
	if m.Unit != "" && m.Period != "" && m.Fingerprint != "" && m.Version != "" {
		return m, true // the other places could only repeat it
	}
	if idx, err := f.GetSheetIndex(MetaSheet); err == nil && idx >= 0 {
		if rows, err := f.Rows(MetaSheet); err == nil {
			for n := 0; rows.Next() && n < 100; n++ {
				cols, err := rows.Columns()
				if err != nil {
					break
				}
				if len(cols) >= 2 {
					m.set(strings.TrimSpace(cols[0]), cols[1])
				}
			}
			rows.Close()
		}
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "" || dn.Scope == "Workbook" {
			m.set(dn.Name, unquote(dn.RefersTo))
		}
	}
	return m, m.Unit != "" && m.Period != ""
}
