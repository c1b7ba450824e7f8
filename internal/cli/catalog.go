package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
)

type catalogOptions struct {
	*globalOptions
	unit   string
	asJSON bool
}

func newCatalogCmd(g *globalOptions) *cobra.Command {
	o := &catalogOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "catalog [--unit MÃ] [--json]",
		Short: "Liệt kê các nhiệm vụ của kế hoạch và đơn vị thực hiện",
		Long: `Liệt kê các nhiệm vụ trong phụ lục của kế hoạch: mã, nội dung, đơn vị chủ trì, đơn vị phối hợp,
sản phẩm và thời gian thực hiện. Với --unit, chỉ liệt kê các nhiệm vụ mà đơn vị đó chủ trì
hoặc phối hợp (kể cả qua các nhóm như "Các phòng, đơn vị liên quan"), kèm vai trò.

Trạng thái thoát: 0 thành công; 2 tham số sai hoặc tệp dữ liệu có lỗi.`,
		Example: `  baocao catalog
  baocao catalog --unit ` + exUnit + `
  baocao catalog --json > danh-muc.json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return catalogRun(o) },
	}
	cmd.Flags().StringVar(&o.unit, "unit", "", "chỉ liệt kê nhiệm vụ của đơn vị có `MÃ` này (ví dụ "+exUnit+", "+exUnit2+")")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "in toàn bộ danh mục dạng JSON cho các chương trình khác")
	return cmd
}

func catalogRun(o *catalogOptions) error {
	c, err := loadCatalog(o.globalOptions)
	if err != nil {
		return err
	}
	if o.unit != "" {
		u, err := resolveUnit(c, o.unit)
		if err != nil {
			return err
		}
		o.unit = u.Code
	}
	for _, n := range c.Notes {
		fmt.Fprintln(o.errOut, "Lưu ý:", n.Error())
	}
	if o.asJSON {
		return writeCatalogJSON(o.out, c, o.unit)
	}
	writeCatalogText(o.out, c, o.unit)
	return nil
}

func writeCatalogText(w io.Writer, c *catalog.Catalog, unit string) {
	if unit != "" {
		u := c.Unit(unit)
		lead, supp := 0, 0
		for _, a := range c.Assignments(unit) {
			if a.Role == catalog.RoleLead {
				lead++
			} else {
				supp++
			}
		}
		fmt.Fprintf(w, "Nhiệm vụ của %s (%s): chủ trì %d, phối hợp %d.\n", u.Name, u.Code, lead, supp)
	} else {
		fmt.Fprintf(w, "Phụ lục nhiệm vụ: %d phần, %d nhiệm vụ.\n", len(c.Sections), len(c.Tasks()))
	}
	width := codeWidth(c)
	for _, s := range c.Sections {
		printedSection := false
		for _, t := range s.Items {
			role := catalog.RoleNone
			if unit != "" {
				if t.Heading {
					continue
				}
				if role = t.RoleOf(unit); role == catalog.RoleNone {
					continue
				}
			}
			if !printedSection {
				fmt.Fprintf(w, "\n%s. %s\n", s.Code, strings.ToUpper(s.Title))
				printedSection = true
			}
			writeTask(w, c, t, role, width)
		}
	}
}

const labelWidth = 11

// codeWidth is the width of the code column: the longest code and two
// spaces, at least 8.
func codeWidth(c *catalog.Catalog) int {
	width := 8
	for _, s := range c.Sections {
		for _, t := range s.Items {
			width = max(width, utf8.RuneCountInString(t.Code)+2)
		}
	}
	return width
}

func writeTask(w io.Writer, c *catalog.Catalog, t *catalog.Task, role catalog.Role, width int) {
	indent := strings.Repeat(" ", 2+width)
	code := t.Code + strings.Repeat(" ", width-utf8.RuneCountInString(t.Code))
	fmt.Fprintf(w, "\n  %s%s\n", code, wrap(t.Content, 96, indent))
	if t.Heading {
		return
	}
	line := func(label, value string) {
		fmt.Fprintf(w, "%s%-*s %s\n", indent, labelWidth, label+":", wrap(value, 96-labelWidth-1, indent+strings.Repeat(" ", labelWidth+1)))
	}
	if role != catalog.RoleNone {
		line("Vai trò", role.String())
	}
	line("Chủ trì", unitsText(c, t.LeadText, t.Lead, t.LeadUnits, nil))
	line("Phối hợp", unitsText(c, t.SupportText, t.Support, t.SupportUnits, t.Parties))
	line("Sản phẩm", t.Product)
	timing := t.Timing
	if t.TimingMissing {
		timing = "(phụ lục để trống)"
	}
	line("Thời gian", timing)
}

// unitsText is the appendix's wording, followed by the units it stands for
// when it names a group. Parties that do not report are named as written.
func unitsText(c *catalog.Catalog, text string, refs, units, parties []string) string {
	if text == "" && len(units) == 0 && len(parties) == 0 {
		return "—"
	}
	names := strings.Join(append(c.UnitNames(units), parties...), "; ")
	if text == "" {
		return names
	}
	for _, ref := range refs {
		if c.Unit(ref) == nil && !slices.Contains(parties, ref) {
			return text + " → " + names
		}
	}
	return text
}

// wrap breaks s into lines of at most width runes, continuing with indent.
func wrap(s string, width int, indent string) string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
				lines = append(lines, line)
				line = word
			} else if line == "" {
				line = word
			} else {
				line += " " + word
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"+indent)
}

// The JSON shapes: field names are part of the command-line contract.
type jsonCatalog struct {
	Plan        jsonPlan      `json:"plan"`
	Fingerprint string        `json:"fingerprint"`
	Unit        *jsonUnit     `json:"unit,omitempty"`
	Sections    []jsonSection `json:"sections"`
	Units       []jsonUnit    `json:"units"`
	Groups      []jsonGroup   `json:"groups"`
	Indicators  []jsonInd     `json:"indicators"`
}

type jsonPlan struct {
	Issuer    string `json:"issuer"`
	Commune   string `json:"commune"`
	Place     string `json:"place"`
	Reference string `json:"reference"`
	Title     string `json:"title"`
}

type jsonSection struct {
	Code  string     `json:"code"`
	Title string     `json:"title"`
	Tasks []jsonTask `json:"tasks"`
}

type jsonTask struct {
	Code          string     `json:"code"`
	Heading       bool       `json:"heading,omitempty"`
	Parent        string     `json:"parent,omitempty"`
	Content       string     `json:"content"`
	Lead          []jsonUnit `json:"lead"`
	LeadText      string     `json:"lead_text"`
	Support       []jsonUnit `json:"support"`
	SupportText   string     `json:"support_text"`
	Parties       []string   `json:"parties,omitempty"`
	Product       string     `json:"product"`
	Timing        string     `json:"timing"`
	TimingMissing bool       `json:"timing_missing"`
	Role          string     `json:"role,omitempty"`
}

type jsonUnit struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
}

type jsonGroup struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

type jsonInd struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Measure  string `json:"measure"`
	Unit     string `json:"unit"`
	Decimals int    `json:"decimals"`
}

func writeCatalogJSON(w io.Writer, c *catalog.Catalog, unit string) error {
	units := func(codes []string) []jsonUnit {
		out := []jsonUnit{}
		for _, code := range codes {
			u := c.Unit(code)
			out = append(out, jsonUnit{Code: u.Code, Name: u.Name})
		}
		return out
	}
	doc := jsonCatalog{
		Plan:        jsonPlan{Issuer: c.Plan.Issuer, Commune: c.Plan.Commune, Place: c.Plan.Place, Reference: c.Plan.Reference(), Title: c.Plan.Title},
		Fingerprint: c.Fingerprint,
		Sections:    []jsonSection{},
	}
	if unit != "" {
		u := c.Unit(unit)
		doc.Unit = &jsonUnit{Code: u.Code, Name: u.Name, Short: u.Short}
	}
	for _, s := range c.Sections {
		js := jsonSection{Code: s.Code, Title: s.Title, Tasks: []jsonTask{}}
		for _, t := range s.Items {
			jt := jsonTask{
				Code: t.Code, Heading: t.Heading, Parent: t.Parent, Content: t.Content,
				Lead: units(t.LeadUnits), LeadText: t.LeadText, Support: units(t.SupportUnits), SupportText: t.SupportText, Parties: t.Parties,
				Product: t.Product, Timing: t.Timing, TimingMissing: t.TimingMissing,
			}
			if unit != "" {
				if t.Heading {
					continue
				}
				role := t.RoleOf(unit)
				if role == catalog.RoleNone {
					continue
				}
				jt.Role = role.String()
			}
			js.Tasks = append(js.Tasks, jt)
		}
		if len(js.Tasks) > 0 || unit == "" {
			doc.Sections = append(doc.Sections, js)
		}
	}
	for _, u := range c.Units {
		doc.Units = append(doc.Units, jsonUnit{Code: u.Code, Name: u.Name, Short: u.Short})
	}
	for _, g := range c.Groups {
		doc.Groups = append(doc.Groups, jsonGroup{Code: g.Code, Name: g.Name, Members: g.Members})
	}
	for _, ind := range c.Indicators {
		doc.Indicators = append(doc.Indicators, jsonInd{Code: ind.Code, Name: ind.Name, Measure: ind.Measure, Unit: ind.Unit, Decimals: ind.Decimals})
	}
	return writeJSON(w, doc)
}
