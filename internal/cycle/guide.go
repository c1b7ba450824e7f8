package cycle

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/render"
)

// GuideHelp says where the clerk reads the template guide with the program
// alone: the help topic of the command line and the office's page.
const GuideHelp = "Cú pháp, định dạng và danh sách trường dùng được: gõ «baocao help mau», hoặc mở «Hướng dẫn sửa mẫu» trên trang của văn phòng."

// TemplateGuide is the template guide for the clerk: the syntax of
// placeholders and blocks, the formatters and the fields of both
// templates, made from the tables the engine checks templates with, so
// that it never says other than what the check does.
func TemplateGuide() string {
	return `Mẫu báo cáo (bao-cao.docx) và công văn đôn đốc (don-doc.docx) là tệp Word bình thường: Văn phòng
sửa câu chữ bằng Word, LibreOffice Writer hoặc WPS. «baocao init» ghi bản sao sửa được vào
templates/; «baocao report --template TỆP.docx» dùng một mẫu khác. Chỗ cần điền số liệu thì viết
tên trường trong dấu ngoặc nhọn.

` + TemplateReference()
}

// TemplateReference is the template guide without the words of the
// command line: the syntax, the formatters and the fields, which the
// office's page shows under its own guide.
func TemplateReference() string {
	var b strings.Builder
	b.WriteString(`Cú pháp:
  {ten_xa}                          điền giá trị của trường ten_xa
  {ky_nay|so}                       điền kèm định dạng (xem «Định dạng»)
  {#phan} ... {/phan}               khối lặp: các đoạn (hoặc hàng bảng) ở giữa được lặp cho mỗi mục của phan; bên trong dùng thẳng trường của mục ({so}, {ten}) và cả trường bên ngoài
  {?co_ton_tai} ... {/co_ton_tai}   khối điều kiện: chỉ hiện khi co_ton_tai đúng (hoặc không rỗng)
  {^co_ton_tai} ... {/co_ton_tai}   khối ngược lại: chỉ hiện khi co_ton_tai sai hoặc rỗng

Quy tắc:
  - Dấu khối tác động lên cả đoạn văn; đoạn chỉ có dấu khối sẽ biến mất khi điền.
  - Lặp hàng bảng: đặt {#phu_luc} ở ô đầu và {/phu_luc} ở ô cuối của hàng.
  - Khối mở trong một bảng phải đóng trong bảng đó.
  - Tên trường viết chữ không dấu, chữ số, «_»; tô đậm một phần tên trường cũng không sao.
  - Không đặt chỗ điền trong hộp văn bản, khung hay điều khiển nội dung.
  - Mọi lỗi của mẫu được báo cùng lúc, mỗi lỗi nói rõ phần (thân văn bản, đầu trang, chân trang),
    bảng, hàng, ô, số thứ tự đoạn, nội dung đoạn và dấu bị sai.

Định dạng:
`)
	var rows [][2]string
	for _, f := range render.Formatters() {
		kinds := "mọi trường"
		if len(f.Kinds) > 0 {
			var ks []string
			for _, k := range f.Kinds {
				ks = append(ks, string(k))
			}
			kinds = "trường " + strings.Join(ks, ", ")
		}
		rows = append(rows, [2]string{f.Name, f.Example + " (dùng cho " + kinds + ")"})
	}
	writeColumns(&b, rows)
	b.WriteString("  Không ghi định dạng: số in như số Việt Nam (0,25), ngày theo dd/mm/yyyy, đúng/sai thành có/không.\n")
	for _, t := range []struct {
		title  string
		fields []render.Spec
	}{
		{"Các trường của báo cáo (bao-cao.docx)", compose.ReportFields()},
		{"Các trường của công văn đôn đốc (don-doc.docx)", consolidate.ReminderFields()},
	} {
		fmt.Fprintf(&b, "\n%s:\n", t.title)
		rows = rows[:0]
		var add func(fields []render.Spec, depth int)
		add = func(fields []render.Spec, depth int) {
			for _, f := range fields {
				desc := string(f.Kind) + ": " + f.Doc
				if f.Example != "" {
					desc += " (ví dụ «" + f.Example + "»)"
				}
				if f.Kind == render.SpecList {
					desc += fmt.Sprintf("; dùng {#%s} ... {/%s}, trong khối:", f.Name, f.Name)
				}
				rows = append(rows, [2]string{strings.Repeat("  ", depth) + f.Name, desc})
				add(f.Fields, depth+1)
			}
		}
		add(t.fields, 0)
		writeColumns(&b, rows)
	}
	return strings.TrimRight(b.String(), "\n")
}

// writeColumns writes rows as two columns, the second aligned by
// characters.
func writeColumns(b *strings.Builder, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(b, "  %s%s   %s\n", r[0], strings.Repeat(" ", width-utf8.RuneCountInString(r[0])), r[1])
	}
}
