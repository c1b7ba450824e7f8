package province

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
	"baocao/internal/summary"
	"baocao/internal/vntext"
)

// Severity says whether a problem keeps a file out of the roll-up.
type Severity int

const (
	// Error: the file is not used.
	Error Severity = iota
	// Warning: the file is used, and this is said about it.
	Warning
)

// Problem is something said about one input file, in Vietnamese.
type Problem struct {
	Severity Severity
	File     string // the file, as found (a zip's file: zip path/inner path)
	Message  string
	// Period is the file's own period when it is of another: rolling up
	// that period is a fix (the message says it in words; a front end
	// may offer it as its own control).
	Period period.Period
	// Together: the file came with another of its commune at the same
	// time and is not the one used (chosen by name); setting aside the
	// one not wanted is a fix (a front end words it).
	Together bool
}

func (p Problem) String() string {
	kind := "lỗi"
	if p.Severity == Warning {
		kind = "lưu ý"
	}
	return fmt.Sprintf("%s: %s: %s", p.File, kind, p.Message)
}

// Attachment is one commune's attachment that goes into the roll-up.
type Attachment struct {
	File    string
	ModTime time.Time // when it was saved (the file's, or the zip entry's, time)
	Commune Commune
	// Data is what the roll-up uses of the machine-readable part: see slim.
	Data *summary.Data
	// Printed: Data was read from the printed sheets, the machine-readable
	// part being gone or edited by hand.
	Printed bool
}

// Received is what came in for a period: one attachment a commune at
// most, in the order of the province's list, and every problem.
type Received struct {
	Attachments []*Attachment
	Problems    []Problem
	Roots       []string // the folders and files read, as given
	// Named are the files refused that say which commune of the list sent
	// them (its attachment for this period or another, with an error), by
	// file: the commune did send, and the page says so.
	Named map[string]Named
}

// Named is the commune a refused file says it is of, and when the file
// was saved.
type Named struct {
	Commune Commune
	ModTime time.Time
}

// relativeTo is file as named under the root it was found in (a folder:
// the path below it; a file or zip: its name and what is inside), so that
// printed outputs do not show the officer's machine's folders.
func relativeTo(roots []string, file string) string {
	for _, root := range roots {
		root = filepath.Clean(root)
		if file == root {
			return filepath.Base(root)
		}
		if rest, ok := strings.CutPrefix(file, root+string(filepath.Separator)); ok {
			if st, err := os.Stat(root); err == nil && !st.IsDir() {
				return filepath.ToSlash(filepath.Join(filepath.Base(root), rest))
			}
			return filepath.ToSlash(rest)
		}
		if rest, ok := strings.CutPrefix(file, root+"/"); ok { // a zip's file
			return filepath.ToSlash(filepath.Base(root) + "/" + rest)
		}
	}
	return filepath.Base(file)
}

// The bounds of one input file (an attachment is some tens of kilobytes).
const (
	maxFileBytes = 20 << 20 // a workbook
	maxZipBytes  = 200 << 20
)

// job is one workbook to read: a file, or a zip's file in memory.
type job struct {
	file string
	mod  time.Time
	data []byte // nil: read file from disk
}

// result is what one job gave.
type result struct {
	att      *Attachment
	previous bool // att is of the period before: kept to check the figures
	// named is the commune of the list a refused file says it is of
	named    *Commune
	problems []Problem
}

// Read reads every attachment under paths (folders, their subfolders,
// zips, workbooks) for period p and the province d. Files are read in
// parallel; the result does not depend on the order they finish.
// (*Cache).Read gives the same, reading only the files it has not read.
func Read(d *Data, p period.Period, paths ...string) *Received {
	return read(nil, d, p, paths...)
}

func read(cache *Cache, d *Data, p period.Period, paths ...string) *Received {
	rec := &Received{Roots: paths, Named: map[string]Named{}}
	var jobs []job
	// a file met twice (a folder given twice, or a folder and a file in
	// it) is one file, not two from one commune
	seen := map[string]bool{}
	collect := func(file string, info fs.FileInfo, jobs []job, rec *Received) []job {
		key, err := filepath.Abs(file)
		if err != nil {
			key = file
		}
		if seen[key] {
			return jobs
		}
		seen[key] = true
		return collectFile(file, info, jobs, rec)
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			rec.Problems = append(rec.Problems, Problem{File: root, Message: "không tìm thấy tệp hoặc thư mục này"})
			continue
		}
		if !st.IsDir() {
			jobs = collect(root, st, jobs, rec)
			continue
		}
		filepath.WalkDir(root, func(file string, e fs.DirEntry, err error) error {
			if err != nil {
				rec.Problems = append(rec.Problems, Problem{File: file, Message: osProblem(err)})
				return nil
			}
			if e.IsDir() {
				return nil
			}
			info, err := e.Info()
			if err != nil {
				rec.Problems = append(rec.Problems, Problem{File: file, Message: osProblem(err)})
				return nil
			}
			jobs = collect(file, info, jobs, rec)
			return nil
		})
	}

	results := make([]result, len(jobs))
	index := newIndex(d)
	key := ""
	if cache != nil {
		if key = dataKey(d); key != "" {
			key += "\x00" + p.String()
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = cache.read(jobs[i], key, d, index, p)
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	// One attachment a commune: the later by saved time (then by name,
	// so that the choice does not depend on the order of reading).
	byCode := map[string][]*Attachment{}
	before := map[string]*Attachment{} // the latest of the period before
	for i, r := range results {
		rec.Problems = append(rec.Problems, r.problems...)
		if r.named != nil {
			rec.Named[jobs[i].file] = Named{Commune: *r.named, ModTime: jobs[i].mod}
		}
		switch {
		case r.att == nil:
		case r.previous:
			if b := before[r.att.Commune.Code]; b == nil || later(r.att, b) {
				before[r.att.Commune.Code] = r.att
			}
		default:
			byCode[r.att.Commune.Code] = append(byCode[r.att.Commune.Code], r.att)
		}
	}
	for _, c := range d.Communes {
		atts := byCode[c.Code]
		if len(atts) == 0 {
			continue
		}
		slices.SortFunc(atts, func(a, b *Attachment) int {
			if c := a.ModTime.Compare(b.ModTime); c != 0 {
				return c
			}
			return strings.Compare(a.File, b.File)
		})
		// Files that came within a minute of the latest came together (one
		// selection sent on the page, one zip, one copy into the folder):
		// their times do not say which is newer, so the choice among them
		// is by name, and said so.
		latest := atts[len(atts)-1].ModTime
		together := func(a *Attachment) bool { return latest.Sub(a.ModTime) < time.Minute }
		kept := atts[len(atts)-1]
		for _, a := range atts {
			if together(a) && a.File > kept.File {
				kept = a
			}
		}
		name := relativeTo(paths, kept.File)
		for _, a := range atts {
			if a == kept {
				continue
			}
			pr := Problem{Severity: Warning, File: a.File}
			if together(a) {
				pr.Together = true
				pr.Message = fmt.Sprintf("%s gửi hai tệp cùng lúc (%s): tệp này, «%s», và «%s»; đang dùng «%s» (theo thứ tự tên tệp)",
					c.FullName(), stamp(kept.ModTime), relativeTo(paths, a.File), name, name)
			} else {
				// The files' times: when the page received them, or when
				// they were put in the folder read; the later is newer.
				pr.Message = fmt.Sprintf("%s đã gửi hai tệp: tệp này (%s) và «%s» (%s); dùng tệp mới hơn, «%s»",
					c.FullName(), stamp(a.ModTime), name, stamp(kept.ModTime), name)
			}
			rec.Problems = append(rec.Problems, pr)
		}
		rec.Attachments = append(rec.Attachments, kept)
		if b := before[c.Code]; b != nil {
			rec.Problems = append(rec.Problems, contradictions(kept, b, relativeTo(paths, b.File))...)
		}
	}
	slices.SortStableFunc(rec.Problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
	return rec
}

// later tells whether a was saved after b (by name when at the same time).
func later(a, b *Attachment) bool {
	if c := a.ModTime.Compare(b.ModTime); c != 0 {
		return c > 0
	}
	return a.File > b.File
}

// contradictions compares the figures a commune gives for the period
// before in att with those of its own attachment of that period: each
// difference is a warning on att with both values.
func contradictions(att, before *Attachment, beforeName string) []Problem {
	was := map[string]summary.IndicatorData{}
	for _, ind := range before.Data.Indicators {
		was[ind.Code] = ind
	}
	var out []Problem
	for _, ind := range att.Data.Indicators {
		b, ok := was[ind.Code]
		if !ok || ind.Previous == nil || b.Current == nil || math.Abs(*ind.Previous-*b.Current) <= 1e-9*max(1, math.Abs(*b.Current)) {
			continue
		}
		out = append(out, Problem{Severity: Warning, File: att.File, Message: fmt.Sprintf("%s: %s kỳ trước ghi %s, nhưng bảng tổng hợp %s của %s («%s») ghi %s; kiểm tra lại với xã",
			ind.Code, ind.Name, vntext.FormatAuto(*ind.Previous), before.Data.PeriodName, att.Commune.FullName(), beforeName, vntext.FormatAuto(*b.Current))})
	}
	return out
}

// osProblem says in words why a file or folder could not be read. The
// system's own text (English, with the machine's full path) is not shown:
// the problem is printed with the file's name below the folder read.
func osProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp (có lẽ đã bị xóa, đổi tên hoặc chuyển đi trong lúc đọc)"
	case errors.Is(err, fs.ErrPermission):
		return "máy không cho chương trình đọc tệp hoặc thư mục này (không có quyền đọc); chép tệp sang thư mục khác hoặc cấp quyền đọc rồi chạy lại"
	case errors.Is(err, syscall.EISDIR):
		return "là một thư mục, không phải tệp, nên không đọc được như một bảng tổng hợp"
	default:
		return "không đọc được tệp từ ổ đĩa (tệp đang bị chương trình khác giữ, hoặc ổ đĩa lỗi); đóng tệp rồi chạy lại"
	}
}

func stamp(t time.Time) string { return t.Local().Format("15:04 02/01/2006") }

// collectFile adds the workbooks of file (itself, or a zip's) to jobs,
// and says what it does not read.
func collectFile(file string, info fs.FileInfo, jobs []job, rec *Received) []job {
	base := filepath.Base(file)
	switch ext := strings.ToLower(filepath.Ext(file)); {
	case strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".~lock"):
		rec.Problems = append(rec.Problems, Problem{Severity: Warning, File: file, Message: "tệp tạm của Excel hoặc LibreOffice (khi bảng đang mở), không phải bảng tổng hợp: bỏ qua"})
	case strings.HasPrefix(base, ".baocao-"):
		rec.Problems = append(rec.Problems, Problem{Severity: Warning, File: file, Message: "tệp ghi chép của chương trình baocao (trong thư mục kết quả), không phải bảng tổng hợp: bỏ qua"})
	case ext != ".xlsx" && ownDocument(base):
		rec.Problems = append(rec.Problems, Problem{Severity: Warning, File: file, Message: "văn bản của tỉnh do chương trình lập, không phải của xã: bỏ qua"})
	case ext == ".xlsx" || ext == ".xlsm":
		if info.Size() > maxFileBytes {
			rec.Problems = append(rec.Problems, Problem{File: file, Message: fmt.Sprintf("tệp quá lớn (%d MB, tối đa %d MB) để là bảng tổng hợp của một xã", info.Size()>>20, maxFileBytes>>20)})
			break
		}
		jobs = append(jobs, job{file: file, mod: info.ModTime()})
	case ext == ".zip":
		jobs = collectZip(file, info, jobs, rec)
	default:
		rec.Problems = append(rec.Problems, Problem{File: file, Message: "không phải bảng tổng hợp (.xlsx) của xã nên không đọc; xã gửi kèm báo cáo tệp tong-hop-KỲ.xlsx do baocao lập"})
	}
	return jobs
}

// collectZip reads a zip's workbooks within intake's zip policy.
func collectZip(file string, info fs.FileInfo, jobs []job, rec *Received) []job {
	fail := func(msg string) []job {
		rec.Problems = append(rec.Problems, Problem{File: file, Message: msg})
		return jobs
	}
	if info.Size() > maxZipBytes {
		return fail(fmt.Sprintf("tệp nén quá lớn (%d MB, tối đa %d MB): giải nén vào thư mục rồi chạy lại", info.Size()>>20, maxZipBytes>>20))
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return fail(osProblem(err))
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fail("tệp nén bị hỏng hoặc chưa tải về hết nên không mở được")
	}
	budget := intake.NewZipBudget()
	var notRead intake.NameList
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		label := file + "/" + vntext.FileName(f.Name)
		clean := path.Clean(f.Name)
		if strings.HasPrefix(clean, "../") || clean == ".." || path.IsAbs(clean) {
			rec.Problems = append(rec.Problems, Problem{File: label, Message: "tên tệp trong tệp nén không hợp lệ (có «..» hoặc đường dẫn tuyệt đối) nên không đọc"})
			continue
		}
		ext := strings.ToLower(path.Ext(clean))
		if ext != ".xlsx" && ext != ".xlsm" {
			rec.Problems = append(rec.Problems, Problem{File: label, Message: "không phải bảng tổng hợp (.xlsx) của xã nên không đọc"})
			continue
		}
		if budget.Spent() || !budget.Take() {
			notRead.Add(f.Name)
			continue
		}
		data, err := budget.Read(f)
		switch {
		case errors.Is(err, intake.ErrZipFileTooLarge):
			rec.Problems = append(rec.Problems, Problem{File: label, Message: "tệp quá lớn để là bảng tổng hợp của một xã"})
			continue
		case errors.Is(err, intake.ErrZipSpent):
			notRead.Add(f.Name)
			continue
		case err != nil:
			rec.Problems = append(rec.Problems, Problem{File: label, Message: "tệp trong tệp nén bị hỏng nên không giải nén được"})
			continue
		}
		mod := f.Modified
		if mod.IsZero() {
			mod = info.ModTime()
		}
		jobs = append(jobs, job{file: label, mod: mod, data: data})
	}
	if notRead.Len() > 0 {
		rec.Problems = append(rec.Problems, Problem{File: file, Message: fmt.Sprintf("tệp nén lớn quá mức đọc (%s) nên không đọc %d tệp: %s; giải nén vào thư mục rồi chạy lại", intake.ZipLimitsText(), notRead.Len(), notRead.String())})
	}
	return jobs
}

// readOne reads one workbook and checks it against the province and the
// period.
func readOne(j job, d *Data, index *communeIndex, p period.Period) (r result) {
	fail := func(format string, args ...any) result {
		r.problems = append(r.problems, Problem{File: j.file, Message: fmt.Sprintf(format, args...)})
		return r
	}
	// one damaged file must never take the others down
	defer func() {
		if v := recover(); v != nil {
			r = result{problems: []Problem{{File: j.file, Message: "tệp hỏng nên không đọc được; đề nghị xã gửi lại tệp tong-hop-KỲ.xlsx do chương trình lập"}}}
		}
	}()
	// name: a refused file is said to be of the commune it names, when
	// it is of this province and the commune in its list
	name := func(sd *summary.Data) {
		if sd == nil || provinceKey(sd.Province) != provinceKey(d.Province) {
			return
		}
		if c, _, ok := index.find(sd); ok {
			r.named = &c
		}
	}
	b := j.data
	if b == nil {
		var err error
		if b, err = os.ReadFile(j.file); err != nil {
			return fail("%s", osProblem(err))
		}
	}
	if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
		return fail("không mở được như một bảng Excel (.xlsx): tệp hỏng, có mật khẩu, hoặc không phải bảng tổng hợp")
	}
	sd, sheets, err := summary.ReadDataSheets(b, summary.SheetFigures)
	var printed string // why the printed sheets were read, "" when not
	switch {
	case errors.Is(err, summary.ErrNoData) && ownWorkbook(b):
		r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: "bảng của tỉnh do chương trình lập (tong-hop-tinh-KỲ.xlsx), không phải của xã: bỏ qua"})
		return r
	case errors.Is(err, summary.ErrNoData) && officeWorkbook(b):
		return fail("đây là bảng kiểm tra của văn phòng xã (kiem-tra-KỲ.xlsx), không gửi lên tỉnh; đề nghị xã gửi tệp tong-hop-KỲ.xlsx gửi kèm báo cáo")
	case errors.Is(err, summary.ErrNoData) && sheets[summary.SheetFigures] == nil:
		return fail("không có phần dữ liệu cho máy đọc (trang ẩn «%s») cũng không có trang «%s»: không phải bảng tổng hợp do baocao lập; đề nghị xã gửi tệp tong-hop-KỲ.xlsx do chương trình lập, không sửa tay", summary.SheetData, summary.SheetFigures)
	case errors.Is(err, summary.ErrNoData):
		printed = fmt.Sprintf("tệp không còn phần dữ liệu cho máy đọc (trang ẩn «%s», có lẽ đã bị xóa)", summary.SheetData)
	case errors.As(err, new(*summary.FormatError)):
		return fail("%v", err)
	case err != nil:
		return fail("phần dữ liệu cho máy đọc không đọc được: tệp hỏng, hoặc không phải bảng tổng hợp do baocao lập; đề nghị xã gửi lại tệp tong-hop-KỲ.xlsx do chương trình lập")
	}
	if printed == "" {
		if msgs := edited(sd); len(msgs) > 0 {
			printed = fmt.Sprintf("phần dữ liệu cho máy đọc (trang ẩn «%s») đã bị sửa tay hoặc hỏng: %s", summary.SheetData, strings.Join(msgs, "; "))
		}
	}
	if printed == "" {
		if msgs := printedDiffers(sd, sheets[summary.SheetFigures]); len(msgs) > 0 {
			name(sd)
			return fail("số trên trang «%s» khác phần dữ liệu cho máy đọc (trang ẩn «%s»): %s; một trong hai đã bị sửa tay, không biết số nào đúng; đề nghị xã lập lại bảng tổng hợp bằng chương trình và gửi lại",
				summary.SheetFigures, summary.SheetData, strings.Join(msgs, "; "))
		}
	}
	if printed != "" {
		// the printed sheets, when they are as the program wrote them
		machine := sd
		var err error
		if sd, err = readPrinted(b, d, p); err != nil {
			name(machine)
			return fail("%s, và không đọc thay được từ các trang in: %v; đề nghị xã lập lại bảng tổng hợp bằng chương trình và gửi lại, không sửa tay", printed, err)
		}
	}
	who := sd.CommuneName
	if who == "" {
		who = sd.Commune
	}
	previous := sd.Period == p.Previous().String()
	if sd.Period != p.String() && !previous {
		name(sd)
		pname := sd.PeriodName
		if pname == "" {
			pname = sd.Period
		}
		r = fail("bảng tổng hợp của %s cho %s, không phải %s đang tổng hợp; đề nghị %s gửi bảng tổng hợp %s, hoặc chọn kỳ %s để tổng hợp kỳ đó",
			who, pname, p.Name(), who, p.Name(), pname)
		if other, err := period.Parse(sd.Period); err == nil {
			r.problems[len(r.problems)-1].Period = other
		}
		return r
	}
	if provinceKey(sd.Province) != provinceKey(d.Province) {
		return fail("bảng tổng hợp của %s thuộc tỉnh %s, không phải tỉnh %s", who, orDash(sd.Province), d.Province)
	}
	c, loose, ok := index.find(sd)
	if !ok {
		return fail("%s không có trong danh sách xã của tỉnh (%s): kiểm tra tên xã trong tệp, hoặc thêm xã vào danh sách", who, CommunesFile)
	}
	r.att = &Attachment{File: j.file, ModTime: j.mod, Commune: c, Data: slim(sd), Printed: printed != ""}
	if printed != "" {
		r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: fmt.Sprintf("%s; đã đọc số liệu và tình trạng nhiệm vụ của %s từ các trang in «%s», «%s» (còn nguyên như chương trình lập); tệp không cho biết đề xuất, kiến nghị của xã; đề nghị xã gửi lại tệp do chương trình lập, không sửa tay",
			printed, c.FullName(), summary.SheetFigures, summary.SheetTasks)})
	}
	if previous {
		r.previous = true
		r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: fmt.Sprintf("bảng tổng hợp %s của %s, kỳ trước %s: không tổng hợp, chỉ dùng để đối chiếu số kỳ trước", sd.PeriodName, c.FullName(), p.Name())})
		return r
	}
	if !sd.HasProposals() && printed == "" {
		r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: fmt.Sprintf("bảng tổng hợp của %s lập bằng phiên bản trước của chương trình (dữ liệu phiên bản %d): đã đọc đủ số liệu và nhiệm vụ, nhưng tệp không mang đề xuất, kiến nghị của xã; xem kiến nghị trong báo cáo của xã",
			c.FullName(), sd.Version)})
	}
	if loose {
		r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: fmt.Sprintf("tên trong tệp «%s» khác tên trong danh sách «%s» (mã %s) ở dấu: tính là %s; nếu không phải, sửa tên trong %s",
			who, c.FullName(), c.Code, c.FullName(), CommunesFile)})
	}
	known := map[string]bool{}
	for _, ind := range d.Indicators {
		known[ind.Code] = true
	}
	for _, ind := range sd.Indicators {
		if !known[ind.Code] {
			r.problems = append(r.problems, Problem{Severity: Warning, File: j.file, Message: fmt.Sprintf("chỉ tiêu «%s» (%s) không có trong chỉ tiêu của tỉnh nên không tổng hợp", ind.Code, ind.Name)})
		}
	}
	return r
}

// readPrinted reads an attachment from its printed sheets (see
// summary.ReadPrinted), for period p or the one before, and gives its
// indicators the province's codes by their names; the province is d's
// (the printed sheets do not say it).
func readPrinted(b []byte, d *Data, p period.Period) (*summary.Data, error) {
	_, sheets, err := summary.ReadDataSheets(b, summary.SheetTasks, summary.SheetFigures)
	if err != nil && !errors.Is(err, summary.ErrNoData) && sheets == nil {
		return nil, err
	}
	sd, err := summary.ReadPrinted(sheets, p.Previous(), p)
	if err != nil {
		return nil, err
	}
	sd.Province = d.Province
	byName, byFold := map[string]string{}, map[string]string{}
	for _, ind := range d.Indicators {
		byName[ind.Name] = ind.Code
		byFold[vntext.Fold(ind.Name)] = ind.Code
	}
	for i := range sd.Indicators {
		ind := &sd.Indicators[i]
		if ind.Code = byName[ind.Name]; ind.Code == "" {
			ind.Code = byFold[vntext.Fold(ind.Name)]
		}
		if ind.Code == "" {
			ind.Code = ind.Name // not the province's: said as such below
		}
	}
	return sd, nil
}

// part is the bytes of one small part of the package b ("" when absent).
func part(b []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name == name && f.UncompressedSize64 < 1<<20 {
			rc, err := f.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			data, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
			return data
		}
	}
	return nil
}

// ownWorkbook tells the province's own workbook (Marker).
func ownWorkbook(b []byte) bool {
	return bytes.Contains(part(b, "docProps/custom.xml"), []byte(`name="`+Marker+`"`))
}

// officeWorkbook tells a commune office's own workbook (kiem-tra-KỲ.xlsx):
// the summary marker, and its sheet «Kiểm tra» (the attachment carries
// the marker too).
func officeWorkbook(b []byte) bool {
	return bytes.Contains(part(b, "docProps/custom.xml"), []byte(`name="`+forms.SummaryMarker+`"`)) &&
		bytes.Contains(part(b, "xl/workbook.xml"), []byte(`name="Kiểm tra"`))
}

// ownDocument tells the documents the roll-up writes (and their PDFs), by
// name.
func ownDocument(name string) bool {
	for _, prefix := range []string{"bao-cao-tinh-", "don-doc-tinh-", "tong-hop-tinh-"} {
		if strings.HasPrefix(strings.ToLower(name), prefix) {
			return true
		}
	}
	return false
}

// provinceKey compares provinces: «tỉnh Quảng Ngãi» is «Quảng Ngãi».
func provinceKey(s string) string {
	k := communeKey(s)
	for _, p := range []string{"tỉnh ", "thành phố "} {
		k = strings.TrimPrefix(k, p)
	}
	return k
}

// slim is what the roll-up keeps of an attachment's data: the commune,
// the period, the indicators, each task's code, section and status (not
// its title, status text and leads, nor the units' account and the
// targets, which the province recomputes), and the upward proposals
// (without the units and tasks, the commune's own codes). Strings are copied out of the
// reader's buffers. With thousands of communes this keeps the heap to a
// few kilobytes a commune.
func slim(sd *summary.Data) *summary.Data {
	c := strings.Clone
	out := &summary.Data{Schema: sd.Schema, Version: sd.Version, Issuer: c(sd.Issuer), Commune: c(sd.Commune), CommuneName: c(sd.CommuneName),
		LocalKind: c(sd.LocalKind), Province: c(sd.Province), Period: c(sd.Period), PeriodName: c(sd.PeriodName), From: sd.From, To: sd.To}
	out.Tasks = make([]summary.TaskData, len(sd.Tasks))
	for i, t := range sd.Tasks {
		out.Tasks[i] = summary.TaskData{Code: c(t.Code), Section: c(t.Section), Status: c(t.Status)}
	}
	out.Indicators = make([]summary.IndicatorData, len(sd.Indicators))
	for i, ind := range sd.Indicators {
		ind.Code, ind.Name, ind.Measure, ind.Kind, ind.Source = c(ind.Code), c(ind.Name), c(ind.Measure), c(ind.Kind), c(ind.Source)
		ind.PreviousNote, ind.CurrentNote = c(ind.PreviousNote), c(ind.CurrentNote)
		out.Indicators[i] = ind
	}
	for _, p := range sd.Proposals {
		out.Proposals = append(out.Proposals, summary.ProposalData{To: c(p.To), Ask: c(p.Ask)})
	}
	return out
}

// edited lists what in a machine-readable part cannot have been written by
// baocao: fields missing, dates not the period's, changes that are not the
// difference of their figures.
func edited(sd *summary.Data) []string {
	var out []string
	for _, f := range []struct{ key, value string }{{"period", sd.Period}, {"province", sd.Province}, {"commune_name", sd.CommuneName}} {
		if strings.TrimSpace(f.value) == "" {
			out = append(out, fmt.Sprintf("thiếu «%s»", f.key))
		}
	}
	if p, err := sd.PeriodValue(); err != nil {
		if sd.Period != "" {
			out = append(out, fmt.Sprintf("kỳ «%s» không hợp lệ", sd.Period))
		}
	} else if !sd.From.Equal(p.From()) || !sd.To.Equal(p.To()) {
		out = append(out, fmt.Sprintf("ngày chốt số liệu %s - %s không phải của %s", sd.From.Format("02/01/2006"), sd.To.Format("02/01/2006"), p.Name()))
	}
	for _, ind := range sd.Indicators {
		if ind.Previous == nil || ind.Current == nil {
			continue
		}
		want := *ind.Current - *ind.Previous
		if ind.Change == nil || math.Abs(*ind.Change-want) > 1e-6*max(1, math.Abs(want)) {
			got := "trống"
			if ind.Change != nil {
				got = vntext.FormatAuto(*ind.Change)
			}
			out = append(out, fmt.Sprintf("chỉ tiêu %s: kỳ trước %s, kỳ này %s nhưng tăng/giảm ghi %s", ind.Code, vntext.FormatAuto(*ind.Previous), vntext.FormatAuto(*ind.Current), got))
		}
	}
	return out
}

// printedDiffers compares the figures printed on the sheet «Chỉ tiêu»
// (a row an indicator, by its name in A: previous in C, current in D,
// change in E) with the machine-readable part, cell by cell.
func printedDiffers(sd *summary.Data, rows [][]string) []string {
	byName := map[string]summary.IndicatorData{}
	for _, ind := range sd.Indicators {
		byName[ind.Name] = ind
	}
	var out []string
	done := map[string]bool{}
	for r, row := range rows {
		if len(row) == 0 || done[row[0]] {
			continue
		}
		ind, ok := byName[row[0]]
		if !ok {
			continue
		}
		done[row[0]] = true
		for _, c := range []struct {
			col  int
			what string
			v    *float64
		}{{3, "kỳ trước", ind.Previous}, {4, "kỳ này", ind.Current}, {5, "tăng, giảm", ind.Change}} {
			var printed *float64
			if c.col-1 < len(row) {
				if x, err := strconv.ParseFloat(strings.TrimSpace(row[c.col-1]), 64); err == nil {
					printed = &x
				}
			}
			same := printed == nil && c.v == nil ||
				printed != nil && c.v != nil && math.Abs(*printed-*c.v) <= 1e-9*max(1, math.Abs(*c.v))
			if same {
				continue
			}
			show := func(v *float64) string {
				if v == nil {
					return "không có số"
				}
				return vntext.FormatAuto(*v)
			}
			cell, _ := excelize.CoordinatesToCellName(c.col, r+1)
			out = append(out, fmt.Sprintf("ô %s (%s, %s) ghi %s, dữ liệu ghi %s", cell, ind.Name, c.what, show(printed), show(c.v)))
		}
	}
	return out
}

// communeIndex finds a commune of the list by the names an attachment
// gives.
type communeIndex struct {
	byName map[string]Commune
	// byFold: the communes by their name without diacritics, when no
	// other commune of the list folds the same
	byFold map[string]Commune
}

func newIndex(d *Data) *communeIndex {
	ix := &communeIndex{byName: map[string]Commune{}, byFold: map[string]Commune{}}
	twice := map[string]bool{}
	for _, c := range d.Communes {
		ix.byName[communeKey(c.FullName())] = c
		k := vntext.Fold(c.FullName())
		if _, ok := ix.byFold[k]; ok {
			twice[k] = true
		}
		ix.byFold[k] = c
	}
	for k := range twice {
		delete(ix.byFold, k)
	}
	return ix
}

// find matches the commune's name in running text («xã Xốp»), else its
// header name («XÃ XỐP»), with its kind. Failing that, a name that differs
// from one commune of the list only in its diacritics («Đắk Pék», «Đăk
// Pék») is that commune, and loose says so.
func (ix *communeIndex) find(sd *summary.Data) (c Commune, loose, ok bool) {
	names := []string{sd.CommuneName, sd.Commune}
	for _, name := range names {
		if c, ok := ix.byName[communeKey(name)]; ok && name != "" {
			return c, false, true
		}
	}
	for _, name := range names {
		if c, ok := ix.byFold[vntext.Fold(name)]; ok && name != "" {
			return c, true, true
		}
	}
	return Commune{}, false, false
}
