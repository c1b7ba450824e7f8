package consolidate

import (
	"os"
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
		mismatches, empty := render.DataMismatches(tc.data, tc.fields)
		for _, m := range mismatches {
			t.Errorf("%s: %s", tc.name, m)
		}
		for _, e := range empty {
			t.Errorf("%s: the scenario leaves %s empty: its items' fields are not checked", tc.name, e)
		}
	}
}

// The committed templates use only the declared fields, with formatters
// that fit them.
func TestCommittedTemplatesUseDeclaredFields(t *testing.T) {
	// the report's template is held to its fields by package compose
	for name, fields := range map[string][]render.Spec{
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
