package catalog

import (
	"io/fs"
	"strings"

	"baocao/internal/vntext"
)

// LoadIndicatorsFS reads and checks indicators.yaml alone at the root of
// fsys, as a data folder without the plan's units and tasks has it (the
// province's): an indicator's unit is then any code, a target's task is
// not checked. dir names the place in messages.
func LoadIndicatorsFS(fsys fs.FS, dir string) ([]*Indicator, []*Target, error) {
	var errs, notes Errors
	l := loader{fsys: fsys, dir: dir, errs: &errs}
	var inf indicatorsFile
	l.decode(IndicatorsFile, &inf)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	v := validator{dir: dir, errs: &errs, notes: &notes}
	inds := map[string]bool{}
	var out []*Indicator
	for _, ind := range inf.Indicators {
		code := ind.Code.Value
		if code == "" || inds[code] {
			v.add(IndicatorsFile, ind.Code.Line, "mã chỉ tiêu «%s» bị trống hoặc trùng", code)
		}
		inds[code] = true
		if ind.Kind != "stock" && ind.Kind != "flow" {
			v.add(IndicatorsFile, ind.Code.Line, "chỉ tiêu %s: kind phải là stock (số dư) hoặc flow (doanh số trong kỳ)", code)
		}
		decimals, _ := decimalsOf(ind.Measure)
		if ind.Decimals != nil {
			decimals = *ind.Decimals
			if decimals < 0 || decimals > 6 {
				v.add(IndicatorsFile, ind.Code.Line, "chỉ tiêu %s: decimals phải là một số từ 0 đến 6, không phải %d", code, decimals)
			}
		}
		out = append(out, &Indicator{Code: code, Name: vntext.Clean(ind.Name), Measure: strings.TrimSpace(ind.Measure), Unit: ind.Unit.Value, Kind: ind.Kind, Decimals: decimals})
	}
	if len(inf.Indicators) == 0 {
		v.add(IndicatorsFile, 0, "chưa có chỉ tiêu nào (indicators)")
	}
	if inf.Targets.oldForm {
		inf.Targets.entries = append(inf.Targets.entries, oldRatio(inf)...)
	}
	var targets []*Target
	for _, t := range inf.Targets.entries {
		v.checkTarget(t, inds, nil)
		targets = append(targets, &Target{
			Kind: t.Kind.Value, Task: t.Task.Value, Name: vntext.Clean(t.Name),
			Part: t.Part.Value, Whole: t.Whole.Value, Indicator: t.Indicator.Value,
			Percent: t.Percent, MinPercent: t.MinPercent, MaxPercent: t.MaxPercent, Value: t.Value, ByYear: t.ByYear,
		})
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return out, targets, nil
}

// YAMLErrors words a YAML decoding error of the file at path as located
// Vietnamese mistakes, as the plan's own files are worded.
func YAMLErrors(path string, err error) Errors { return yamlErrors(path, err) }
