package province

import (
	"fmt"
	"strings"
	"testing"

	"baocao/internal/summary"
)

// The report names the communes of an ask: «các xã A, B» of one kind,
// each with its kind otherwise, ten at most and where to find the rest;
// a body's paragraph says ten asks at most.
func TestProposalTexts(t *testing.T) {
	var cs []Commune
	for i := range 12 {
		cs = append(cs, Commune{Code: fmt.Sprint(i), Name: fmt.Sprintf("X%d", i), Kind: "xã"})
	}
	for _, tt := range []struct {
		cs   []Commune
		want string
	}{
		{cs[:1], "xã X0"},
		{cs[:3], "các xã X0, X1, X2"},
		{append([]Commune{{Name: "Y", Kind: "phường"}}, cs[:2]...), "phường Y, xã X0, xã X1"},
		{cs, "các xã X0, X1, X2, X3, X4, X5, X6, X7, X8, X9 và 2 xã, phường, đặc khu khác"},
	} {
		if got := communeNames(tt.cs, reportCommunes); got != tt.want {
			t.Errorf("%d communes: %q, want %q", len(tt.cs), got, tt.want)
		}
	}
	r := &Rollup{}
	for i, c := range cs {
		var props []summary.ProposalData
		for j := 0; j <= i; j++ {
			props = append(props, summary.ProposalData{To: "Chính phủ", Ask: fmt.Sprintf("việc %d", j)})
		}
		r.Communes = append(r.Communes, &Row{Commune: c, Attachment: &Attachment{Data: &summary.Data{Version: summary.DataVersion, Proposals: props}}})
	}
	r.proposals()
	texts := strings.Join(r.proposalTexts(len(cs)), "\n")
	for _, want := range []string{
		"Kiến nghị với Chính phủ: việc 0 (các xã X0, X1, X2, X3, X4, X5, X6, X7, X8, X9 và 2 xã, phường, đặc khu khác, tên các xã tại bảng tổng hợp kèm theo, trang «Kiến nghị»); việc 1 (",
		"; việc 9 (các xã X9, X10, X11); và 2 kiến nghị khác (tại bảng tổng hợp kèm theo, trang «Kiến nghị»).",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("report lacks %q:\n%s", want, texts)
		}
	}
}
