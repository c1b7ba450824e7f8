package intake

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/soffice"
	"baocao/internal/vntext"
)

// ReadAll reads files and folders (their workbooks, recursively) with at
// most GOMAXPROCS files in flight (and maxReaders in the whole program),
// and returns the submissions in input
// order. Nothing in a folder goes unmentioned: a PDF, a Word file, a
// picture, an .xlsb gets a submission with an error saying what to do,
// attributed to a unit by its name where possible; a .zip is opened and
// its workbooks read in memory, one submission each; any other file gets
// a note; only the system's files (Thumbs.db, hidden files) are passed
// over. Lock files ("~$…") and hidden workbooks get a note only. Of two
// files for the same unit and period, the older (by the save time the
// workbook records, else the date on the form, else the modification
// time) is marked SupersededBy the newer, with a warning on both saying
// which one is used. Figures are compared with those of the same unit's
// file of the period before, when it is among the files.
func ReadAll(paths []string, c *catalog.Catalog, opt Options) []*Submission {
	type job struct {
		path string
		note *Submission // set for entries that are not read
		zip  bool
	}
	var jobs []job
	seen := map[string]bool{}
	add := func(path string, note *Submission, isZip bool) {
		key := path
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
		}
		if seen[key] {
			s := &Submission{Path: path}
			s.addf(SeverityWarning, "", Pos{}, "tệp đã có ở trên trong danh sách cần kiểm tra nên không đọc lại.")
			note, isZip = s, false
		}
		seen[key] = true
		jobs = append(jobs, job{path: path, note: note, zip: isZip})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			k := kindOfName(p)
			switch {
			case err != nil || k == fileWorkbook || k == fileSystem:
				add(p, skipNote(p), false) // a file named is read, whatever its name
			case k == fileZip:
				add(p, nil, true)
			default:
				add(p, otherFile(p, k, c, opt, st.ModTime(), ""), false)
			}
			continue
		}
		found := 0
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				s := &Submission{Path: path}
				s.addf(SeverityError, "", Pos{}, "%s", openError(err))
				jobs = append(jobs, job{path: path, note: s})
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch k := kindOfName(name); k {
			case fileWorkbook:
				found++
				add(path, skipNote(path), false)
			case fileZip:
				found++
				add(path, nil, true)
			case fileSystem:
			default:
				var mod time.Time
				if info, err := d.Info(); err == nil {
					mod = info.ModTime()
				}
				if note := otherFile(path, k, c, opt, mod, ""); note != nil {
					found++
					add(path, note, false)
				}
			}
			return nil
		})
		if found == 0 {
			s := &Submission{Path: p}
			s.addf(SeverityError, "", Pos{}, "thư mục không có tệp Excel nào (.xlsx, .xlsm, .xls). Kiểm tra lại đường dẫn, hoặc chép các tệp đơn vị gửi về vào thư mục này.")
			jobs = append(jobs, job{path: p, note: s})
		}
	}

	catKey := ""
	if opt.Cache != nil {
		catKey = catalogKey(c)
	}
	results := make([][]*Submission, len(jobs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				switch j := jobs[i]; {
				case j.note != nil:
					results[i] = []*Submission{j.note}
				case opt.Context != nil && opt.Context.Err() != nil:
					s := &Submission{Path: j.path, Unit: opt.unitFor(j.path), Period: opt.Period}
					s.addf(SeverityError, "", Pos{}, "chưa đọc tệp này vì việc kiểm tra đã bị dừng.")
					results[i] = []*Submission{s}
				case j.zip:
					results[i] = opt.Cache.read(j.path, true, c, catKey, opt, func() []*Submission {
						defer reading()()
						return readZip(j.path, c, opt)
					})
				default:
					results[i] = opt.Cache.read(j.path, false, c, catKey, opt, func() []*Submission {
						defer reading()()
						return []*Submission{Read(j.path, c, opt)}
					})
				}
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []*Submission
	for _, r := range results {
		out = append(out, r...)
	}
	markSuperseded(out, c, paths)
	checkAgainstPrevious(out, c, opt.Period)
	setAside(out, c, opt.Period)
	besideWorkbook(out, c)
	return out
}

// maxReaders bounds the files read at once in the whole program, however
// many cores it has and however many ReadAll run together (the page's
// views of several periods): the memory of reading grows with this, not
// with the cores (issue 24; each file is bounded by tooComplex).
const maxReaders = 4

var readSlots = make(chan struct{}, maxReaders)

// inFlight and peakReaders count the files being read, for tests.
var inFlight, peakReaders atomic.Int32

// reading waits for a reader's slot and returns its release.
func reading() func() {
	readSlots <- struct{}{}
	return counted()
}

// tryReading takes a reader's slot if one is free.
func tryReading() (func(), bool) {
	select {
	case readSlots <- struct{}{}:
		return counted(), true
	default:
		return nil, false
	}
}

// counted counts a reader that holds a slot and returns its release.
func counted() func() {
	n := inFlight.Add(1)
	for p := peakReaders.Load(); n > p && !peakReaders.CompareAndSwap(p, n); p = peakReaders.Load() {
	}
	return func() {
		inFlight.Add(-1)
		<-readSlots
	}
}

// entryReaders read the workbooks of one zip: the zip's own goroutine,
// and helpers while readers' places are free (never waited for, so that
// zips read at once cannot hold each other's places), so that the .xls
// and .ods of a zip convert side by side (soffice.Parallel at once). One
// entry is in memory per reader.
type entryReaders struct {
	work chan func()
	wg   sync.WaitGroup
	n    int
}

func newEntryReaders() *entryReaders {
	e := &entryReaders{work: make(chan func())}
	for range min(soffice.Parallel, runtime.GOMAXPROCS(0)) - 1 {
		release, ok := tryReading()
		if !ok {
			break
		}
		e.n++
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			defer release()
			for fn := range e.work {
				fn()
			}
		}()
	}
	return e
}

// run runs fn on a free helper, else here.
func (e *entryReaders) run(fn func()) {
	select {
	case e.work <- fn:
	default:
		fn()
	}
}

// wait waits for the helpers to finish and lets them go.
func (e *entryReaders) wait() {
	close(e.work)
	e.wg.Wait()
}

// besideWorkbook turns the error of a file that is no workbook (a PDF, a
// Word file, a picture) into a warning when the same unit's usable
// workbook of the period is among the files: the unit sent its form, and
// a copy besides. The file is marked SupersededBy that workbook, so that
// no report counts it; a unit with no usable workbook is still asked for
// one.
func besideWorkbook(subs []*Submission, c *catalog.Catalog) {
	for _, s := range subs {
		if s.sentAs == "" || s.Unit == "" {
			continue
		}
		for _, used := range subs {
			// the same period, a part of it, or the long period it is part of
			if !usable(used) || used.Unit != s.Unit || !(s.Period.IsZero() || used.Period == s.Period || used.Period.PartOf(s.Period) || s.Period.PartOf(used.Period)) {
				continue
			}
			s.SupersededBy = used.Path
			s.Problems = nil
			s.addf(SeverityWarning, "", Pos{}, "%s gửi thêm %s «%s»; đã dùng tệp Excel «%s» của đơn vị, %s không được đọc.",
				nameOf(c, s.Unit), s.sentAs, filepath.Base(s.Path), ShownName(used.Path), s.sentAs)
			break
		}
	}
}

// skipNote returns a note for a lock or hidden file, or nil to read it.
func skipNote(path string) *Submission {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, "~$"):
		s := &Submission{Path: path}
		s.addf(SeverityWarning, "", Pos{}, "bỏ qua tệp khóa tạm do Excel tạo khi đang mở một tệp (tên bắt đầu bằng «~$»); đây không phải báo cáo. Đóng Excel thì tệp này tự mất.")
		return s
	case strings.HasPrefix(name, "."):
		s := &Submission{Path: path}
		s.addf(SeverityWarning, "", Pos{}, "bỏ qua tệp ẩn (tên bắt đầu bằng dấu chấm). Nếu đây là báo cáo của đơn vị, đổi tên tệp bỏ dấu chấm ở đầu rồi chạy lại.")
		return s
	}
	return nil
}

// markSuperseded keeps the newest usable file of each unit and period. A
// file with errors is left out anyway, so it does not push aside an older
// usable one: a unit's broken resend must not drop its report.
func markSuperseded(subs []*Submission, c *catalog.Catalog, roots []string) {
	name := func(path string) string { return Relative(path, roots) }
	groups := map[string][]*Submission{}
	var keys []string
	var broken []*Submission
	key := func(s *Submission) string { return s.Unit + "|" + s.Period.String() }
	for _, s := range subs {
		if s.Unit == "" || s.Period.IsZero() || len(s.Rows)+len(s.Unmatched)+len(s.Indicators) == 0 {
			continue
		}
		if s.HasErrors() {
			broken = append(broken, s)
			continue
		}
		k := key(s)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], s)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		by := latestBy(g)
		// Newest first; on equal times the later in input order wins.
		sorted := make([]*Submission, len(g))
		copy(sorted, g)
		sort.SliceStable(sorted, func(i, j int) bool {
			a, b := sorted[i], sorted[j]
			if c := by.compare(a, b); c != 0 {
				return c > 0
			}
			return indexOf(g, a) > indexOf(g, b)
		})
		used := sorted[0]
		var older []string
		for _, s := range sorted[1:] {
			s.SupersededBy = used.Path
			if by.compare(s, used) == 0 {
				s.addFix(Fix{Kind: FixSetOtherAside, File: name(used.Path)}, SeverityWarning, "", Pos{}, "%s có nhiều tệp cho %s, %s cùng lúc (%s); dùng tệp %s (đứng sau trong danh sách), không dùng tệp này.",
					nameOf(c, s.Unit), s.Period.Name(), by.verb, by.show(s), name(used.Path))
			} else {
				s.addf(SeverityWarning, "", Pos{}, "%s đã gửi nhiều tệp cho %s; không dùng tệp này (%s lúc %s) vì tệp %s mới hơn (%s lúc %s), %s.",
					nameOf(c, s.Unit), s.Period.Name(), by.verb, by.show(s), name(used.Path), by.verb, by.show(used), by.why)
			}
			older = append(older, fmt.Sprintf("%s (%s lúc %s)", name(s.Path), by.verb, by.show(s)))
		}
		used.addf(SeverityWarning, "", Pos{}, "%s đã gửi nhiều tệp cho %s; dùng tệp này vì mới nhất (%s lúc %s), %s; không dùng: %s.",
			nameOf(c, used.Unit), used.Period.Name(), by.verb, by.show(used), by.why, strings.Join(older, ", "))
	}
	for _, s := range broken {
		for _, u := range groups[key(s)] {
			if u.SupersededBy == "" {
				s.addf(SeverityWarning, "", Pos{}, "vì tệp này có lỗi, báo cáo dùng tệp %s cũng của %s cho %s. Nếu tệp này là bản sửa mới, đề nghị đơn vị sửa lỗi rồi gửi lại.", name(u.Path), nameOf(c, s.Unit), s.Period.Name())
			}
		}
	}
}

func indexOf(list []*Submission, s *Submission) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// checkAgainstPrevious compares each file's figures with those of the same
// unit's file for the period before, when it is among the files read: its
// "cuối kỳ trước" must be the other's "cuối kỳ này", and a figure that
// changed more than jumpFactor times is implausible. Each finding is a
// warning on the later file naming both cells. The file before, kept for
// this while another period is checked, gets a note (keptForComparison).
func checkAgainstPrevious(subs []*Submission, c *catalog.Catalog, asked period.Period) {
	used := func(s *Submission) bool {
		return s.SupersededBy == "" && s.Unit != "" && !s.Period.IsZero() && len(s.Indicators) > 0
	}
	for _, s := range subs {
		if !used(s) {
			continue
		}
		var before *Submission
		for _, t := range subs {
			if t != s && used(t) && t.Unit == s.Unit && t.Period == s.Period.Previous() {
				before = t
				break
			}
		}
		if before == nil {
			continue
		}
		keptForComparison(before, s, asked)
		then := map[string]IndicatorValue{}
		for _, v := range before.Indicators {
			if _, dup := then[v.Code]; !dup {
				then[v.Code] = v
			}
		}
		other := fmt.Sprintf("tệp %s (báo cáo %s của cùng đơn vị)", filepath.Base(before.Path), before.Period.Name())
		for _, v := range s.Indicators {
			w, ok := then[v.Code]
			if !ok || w.Current == nil {
				continue
			}
			ind := c.Indicator(v.Code)
			measure := ""
			if ind != nil {
				measure = " " + ind.Measure
			}
			switch {
			case v.Previous != nil && !sameFigure(*v.Previous, *w.Current):
				s.addf(SeverityWarning, v.Sheet, v.PreviousCell, "chỉ tiêu %s: cuối kỳ trước ghi %s%s (ô %s) nhưng %s ghi cuối kỳ này %s%s (trang tính «%s», ô %s). Hai số phải bằng nhau: kiểm tra lại một trong hai ô.",
					v.Code, vntext.FormatAuto(*v.Previous), measure, v.PreviousCell.Ref(), other, vntext.FormatAuto(*w.Current), measure, w.Sheet, w.CurrentCell.Ref())
			case v.Previous == nil && v.Current != nil && jumps(*v.Current, *w.Current):
				s.addf(SeverityWarning, v.Sheet, v.CurrentCell, "chỉ tiêu %s: cuối kỳ này %s%s (ô %s) %s cuối kỳ này của %s, %s%s (trang tính «%s», ô %s): thay đổi hơn %d lần trong một kỳ là bất thường. Kiểm tra lại, nhất là đơn vị tính.",
					v.Code, vntext.FormatAuto(*v.Current), measure, v.CurrentCell.Ref(), jumpWord(*v.Current, *w.Current), other, vntext.FormatAuto(*w.Current), measure, w.Sheet, w.CurrentCell.Ref(), jumpFactor)
			}
		}
	}
}

// keptForComparison turns the error that before is of another period
// into a note when later is the same unit's file of the period checked
// (asked): before is at hand to compare figures with, not a report sent
// by mistake. The parts of a long period are left as they are.
func keptForComparison(before, later *Submission, asked period.Period) {
	if before.otherPeriod == 0 || asked.IsZero() || later.Period != asked {
		return
	}
	before.ComparedWith = later.Path
	p := &before.Problems[before.otherPeriod-1]
	p.Severity = SeverityWarning
	p.Message = fmt.Sprintf("tệp là báo cáo %s, kỳ trước %s: chỉ dùng để đối chiếu số liệu chỉ tiêu với tệp %s của cùng đơn vị, không đưa vào báo cáo %s.",
		before.Period.Name(), later.Period.Name(), filepath.Base(later.Path), later.Period.Name())
	before.otherPeriod = 0
}

// setAside notes the files a unit sent beside those the report of the
// period asked uses, rather than call them mistakes: a file of another
// period when the unit has a usable file for this one (last quarter's
// form left in the folder), and a quarter's form of a long period the
// unit sent its own form for (the report uses that one). Each is marked
// SetAsideFor and is not used.
func setAside(subs []*Submission, c *catalog.Catalog, asked period.Period) {
	if asked.IsZero() {
		return
	}
	own, part := map[string]*Submission{}, map[string]*Submission{}
	for _, s := range subs {
		switch {
		case !usable(s):
		case s.Period == asked:
			own[s.Unit] = s
		case s.Period.PartOf(asked):
			part[s.Unit] = s
		}
	}
	for _, s := range subs {
		switch {
		case s.otherPeriod != 0 && s.Unit != "" && !overlaps(s.Period, asked):
			used := own[s.Unit]
			if used == nil {
				used = part[s.Unit]
			}
			if used == nil {
				continue // the unit's only file is of another period: an error
			}
			p := &s.Problems[s.otherPeriod-1]
			p.Severity = SeverityWarning
			p.Message = fmt.Sprintf("tệp là báo cáo %s, không thuộc %s: không dùng cho báo cáo này (báo cáo dùng tệp %s của cùng đơn vị).",
				s.Period.Name(), asked.Name(), ShownName(used.Path))
			s.otherPeriod, s.SetAsideFor = 0, used.Path
		case s.Period.PartOf(asked) && own[s.Unit] != nil && s.SupersededBy == "" && s.SetAsideFor == "" && s.sentAs == "":
			// unused whatever it holds: its mistakes are for the record
			for i := range s.Problems {
				s.Problems[i].Severity = SeverityWarning
			}
			s.addf(SeverityWarning, "", Pos{}, "%s đã gửi biểu %s (tệp %s) nên báo cáo dùng biểu đó, không dùng biểu %s này.",
				nameOf(c, s.Unit), asked.Name(), ShownName(own[s.Unit].Path), s.Period.Name())
			s.SetAsideFor = own[s.Unit].Path
		}
	}
}

// usable tells a unit's workbook of a known period that a report can use:
// read without errors, something in it, and not set aside for another.
func usable(s *Submission) bool {
	return s.SupersededBy == "" && s.ComparedWith == "" && s.SetAsideFor == "" && s.Unit != "" && !s.Period.IsZero() &&
		len(s.Rows)+len(s.Unmatched)+len(s.Indicators) > 0 && !s.HasErrors()
}

// overlaps tells periods that share data days (the first half and nine
// months): a form of one is never set aside for the other, it stays an
// error the clerk sees.
func overlaps(a, b period.Period) bool {
	return !a.To().Before(b.From()) && !b.To().Before(a.From())
}

// sameFigure tells two figures equal once rounded as the report shows
// them (two decimals).
func sameFigure(a, b float64) bool { return math.Abs(a-b) < 0.005 }

// latest tells how the files of one unit and period are ordered in time.
type latest struct {
	when func(*Submission) time.Time
	day  bool   // only the day is known
	verb string // "lưu", "ký", "có trên máy"
	why  string // the reason, for the messages
}

func (l latest) compare(a, b *Submission) int { return l.when(a).Compare(l.when(b)) }

// show writes when a file was saved: dd/mm/yyyy hh:mm in local time, or
// dd/mm/yyyy for the date written on a form.
func (l latest) show(s *Submission) string {
	if l.day {
		return l.when(s).Format("02/01/2006")
	}
	return l.when(s).Local().Format("02/01/2006 15:04")
}

// latestBy chooses what tells the newest of several files of a unit: the
// save time each workbook records, when all do and they differ; else the
// date written on each form; else, as a last resort, the files'
// modification times, which say when the office copied them.
func latestBy(g []*Submission) latest {
	all := func(ok func(*Submission) bool) bool {
		for _, s := range g {
			if !ok(s) {
				return false
			}
		}
		return true
	}
	differ := func(when func(*Submission) time.Time) bool {
		for _, s := range g[1:] {
			if !when(s).Equal(when(g[0])) {
				return true
			}
		}
		return false
	}
	saved := func(s *Submission) time.Time { return s.Saved }
	dated := func(s *Submission) time.Time { return s.FormDate }
	switch {
	case all(func(s *Submission) bool { return !s.Saved.IsZero() }) && differ(saved):
		return latest{when: saved, verb: "lưu", why: "theo thời gian lưu do Excel, LibreOffice hoặc WPS ghi trong tệp (không theo ngày chép tệp vào máy)"}
	case all(func(s *Submission) bool { return !s.FormDate.IsZero() }) && differ(dated):
		return latest{when: dated, day: true, verb: "ký", why: "theo ngày đơn vị ghi trên biểu"}
	}
	// The file's time is when the page received it, or when it was last
	// saved or copied onto this machine: the words say no more than that.
	return latest{when: func(s *Submission) time.Time { return s.ModTime }, verb: "có trên máy",
		why: "theo thời gian của tệp trên máy này (lúc nhận trên trang, hoặc lúc tệp được sửa hay chép vào máy), vì các tệp không ghi thời gian lưu hay ngày ký khác nhau"}
}

// Later tells whether a is newer than b as the newest of a unit's files is
// told (the workbooks' saved times, else the dates on the forms, else the
// files' times): a file with errors that is not newer than the unit's
// usable file was replaced by it.
func Later(a, b *Submission) bool {
	return latestBy([]*Submission{a, b}).compare(a, b) > 0
}
