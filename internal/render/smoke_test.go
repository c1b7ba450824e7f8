package render

import "testing"

func TestSmoke(t *testing.T) {
	tpl := doc(para("Xin chào {ten", "_xa}") + para("{#phan}") + para("{so}. {ten}") + para("{/phan}") +
		table(row(cell(para("STT")), cell(para("Nội dung"))), row(cell(para("{#pl}{stt}")), cell(para("{noi_dung}{/pl}")))))
	out, warns, err := Render(tpl, Data{"ten_xa": "XÃ XỐP <&>", "phan": []Data{{"so": "I", "ten": "A"}, {"so": "II", "ten": "{ten_xa}"}},
		"pl": []Data{{"stt": 1, "noi_dung": "x\ny"}, {"stt": 2, "noi_dung": "  z  "}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(warns)
	t.Log(dump(t, out))
}
