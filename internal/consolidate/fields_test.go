package consolidate

import (
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/render"
)

// The fields declared for the templates are exactly those TemplateData and
// ReminderData give, of the kinds declared, so that the check of a
// template and the help topic never drift from the data.
func TestFieldsAreTheData(t *testing.T) {
	c := loadCatalog(t)
	kt := sub("KT", q1, time.Now(), row("IV.1.a", forms.StatusDone, "Đã bố trí 300 triệu đồng."), row("I.1", forms.StatusInProgress, "Đang làm."))
	kt.Rows[0].Documents = "Tờ trình số 08/TTr-KT"
	kt.Rows[0].Difficulties = "Ngân sách hạn hẹp"
	kt.Rows[0].Proposals = "Bổ sung vốn"
	nh := sub("NHCSXH", q1, time.Now(), row("IV.1.a", forms.StatusDone, "Phối hợp."))
	nh.Indicators = []intake.IndicatorValue{{Code: "TONG-NGUON-VON", Previous: num(1), Current: num(2), Note: "Nhận thêm vốn ủy thác"}}
	r := Build(c, q1, []*intake.Submission{kt, nh})
	now := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		data   map[string]any
		fields []render.Spec
	}{
		{"TemplateData", r.TemplateData(now), ReportFields()},
		{"ReminderData", r.ReminderData(now), ReminderFields()},
	} {
		var empty []string
		compareFields(t, tc.name, []any{tc.data}, tc.fields, &empty)
		for _, e := range empty {
			t.Errorf("%s: the scenario leaves %s empty: its items' fields are not checked", tc.name, e)
		}
	}
}

func compareFields(t *testing.T, path string, items []any, specs []render.Spec, empty *[]string) {
	t.Helper()
	declared := map[string]render.Spec{}
	for _, s := range specs {
		if _, dup := declared[s.Name]; dup {
			t.Errorf("%s.%s declared twice", path, s.Name)
		}
		declared[s.Name] = s
	}
	given := map[string][]any{}
	for _, it := range items {
		m := it.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s, ok := declared[k]
			if !ok {
				t.Errorf("%s.%s is given to the template but not declared in fields.go", path, k)
				continue
			}
			v := m[k]
			switch x := v.(type) {
			case []map[string]any:
				for _, e := range x {
					given[k] = append(given[k], e)
				}
				if given[k] == nil {
					given[k] = []any{}
				}
				if s.Kind != render.SpecList {
					t.Errorf("%s.%s is a list, declared %s", path, k, s.Kind)
				}
				continue
			case string:
				if s.Kind != render.SpecText && s.Kind != render.SpecNumber {
					t.Errorf("%s.%s is text, declared %s", path, k, s.Kind)
				}
			case bool:
				if s.Kind != render.SpecBool {
					t.Errorf("%s.%s is true/false, declared %s", path, k, s.Kind)
				}
			case time.Time:
				if s.Kind != render.SpecDate {
					t.Errorf("%s.%s is a date, declared %s", path, k, s.Kind)
				}
			case int, float64, render.Note:
				if s.Kind != render.SpecNumber {
					t.Errorf("%s.%s is a number, declared %s", path, k, s.Kind)
				}
			default:
				t.Errorf("%s.%s: a value of type %T", path, k, x)
			}
			if given[k] == nil {
				given[k] = []any{}
			}
		}
	}
	if len(items) == 0 {
		return
	}
	for _, s := range specs {
		got, ok := given[s.Name]
		if !ok {
			t.Errorf("%s.%s is declared but not given to the template", path, s.Name)
			continue
		}
		if s.Kind == render.SpecList {
			if len(got) == 0 {
				*empty = append(*empty, path+"."+s.Name)
			}
			compareFields(t, path+"."+s.Name, got, s.Fields, empty)
		}
	}
}

// The committed templates use only the declared fields, with formatters
// that fit them.
func TestCommittedTemplatesUseDeclaredFields(t *testing.T) {
	for name, fields := range map[string][]render.Spec{
		"../../templates/bao-cao.docx": ReportFields(),
		"../../templates/don-doc.docx": ReminderFields(),
	} {
		tmpl, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := render.CompileFor(tmpl, fields); err != nil {
			t.Errorf("%s: %v", name, strings.ReplaceAll(err.Error(), "\n", "\n\t"))
		}
	}
}
