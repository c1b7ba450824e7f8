package web

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"baocao"
	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/period"
	"baocao/internal/province"
	"baocao/internal/render"
)

// The province's page (issue 23): the same program and the same safety as
// the commune's (server.go: its own address, the secret, bounded bodies,
// GETs that write nothing), opened on a province's workspace, in three
// steps: the communes and who has sent, the attachments received, the
// roll-up. A period's attachments are kept in P/nhan-ve as the commune's
// page keeps its units' files (received, set aside and put back by the
// same workspace); what each file is and what the roll-up says come from
// internal/province, which this file only arranges for the page.

// provinceReadings bounds the attachments' readings the page keeps: a
// province's communes over a few periods (a reading is a few kilobytes).
const provinceReadings = 5000

func (s *Server) provinceRoutes() {
	s.provinceCache = province.NewCache(provinceReadings)
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.provincePage)
	m.HandleFunc("GET /tai-nguyen/{name}", s.asset)
	m.HandleFunc("GET /api/tinh-hinh", s.provinceStatus)
	m.HandleFunc("POST /api/nhan-tep", s.provinceUpload)
	m.HandleFunc("POST /api/de-rieng", s.provinceMove((*cycle.Workspace).SetAside, "đã để riêng vào thư mục "+cycle.SetAsideFolder+"; không còn được tính. Bấm «Đưa lại» ở mục «Tệp đã để riêng» để dùng lại."))
	m.HandleFunc("POST /api/dua-lai", s.provinceMove((*cycle.Workspace).Restore, "đã đưa lại vào các tệp đã nhận."))
	m.HandleFunc("POST /api/lap-bao-cao", s.provinceBuild)
	m.HandleFunc("GET /api/tien-do", s.provinceProgress)
	m.HandleFunc("GET /api/phien-ban", s.version)
	m.HandleFunc("GET /ket-qua/{ky}/{name}", s.provinceOutput)
	m.HandleFunc("GET /nhan-ve/{ky}/{name}", s.receivedFile)
	m.HandleFunc("GET /huong-dan", s.provinceGuide)
	m.HandleFunc("GET /huong-dan/mau/{name}", s.provinceBuiltinTemplate)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "Không có trang này", "Địa chỉ không đúng. Quay lại trang chính: "+s.origin()+"/")
	})
	s.mux = m
}

// provinceData loads the province's data as `baocao tinh` does, on every
// request, so that an edit of xa.csv is seen without restarting.
func (s *Server) provinceData() (*province.Data, error) {
	d, err := province.Load(s.opt.ProvinceDir)
	var de catalog.Errors
	if errors.As(err, &de) {
		// The page was started on the province's folder: it names no option.
		msg := strings.ReplaceAll(de.Error(), "tùy chọn --data", "thư mục dữ liệu của tỉnh")
		return nil, &userError{status: http.StatusUnprocessableEntity, msg: "Dữ liệu của tỉnh có lỗi, cần sửa trước khi làm tiếp:\n" + msg}
	}
	return d, err
}

// provincePeriod reads the period of a request: {ky}, ?ky=, or the one the
// province gathers now.
func (s *Server) provincePeriod(r *http.Request) (period.Period, error) {
	code := r.PathValue("ky")
	if code == "" {
		code = r.URL.Query().Get("ky")
	}
	if code == "" {
		return province.CurrentPeriod(s.opt.Now()), nil
	}
	p, err := period.Parse(code)
	if err != nil {
		return p, badRequest("%s", err.Error())
	}
	return p, nil
}

// provinceSetup loads the data and the period of an API request, answering
// the error itself when it fails.
func (s *Server) provinceSetup(w http.ResponseWriter, r *http.Request) (*province.Data, period.Period, bool) {
	d, err := s.provinceData()
	if err != nil {
		s.apiError(w, r, err)
		return nil, period.Period{}, false
	}
	p, err := s.provincePeriod(r)
	if err != nil {
		s.apiError(w, r, err)
		return nil, period.Period{}, false
	}
	return d, p, true
}

// provinceFiles are the files received for p: its own folder only (a
// year's roll-up reads the communes' year attachments, not their
// quarters'), zips left out (their files were taken out beside them).
func (s *Server) provinceFiles(p period.Period) []string {
	dir := s.opt.Workspace.ReceivedDir(p)
	var out []string
	for _, f := range s.opt.Workspace.ReceivedFiles(p) {
		if filepath.Dir(f) == dir {
			out = append(out, f)
		}
	}
	return out
}

type provinceView struct {
	Province     string
	Code, Name   string
	Title        string
	From, To     string
	Groups       []choiceGroup
	Workspace    string
	DataDir      string
	CommunesFile string
	ReceivedDir  string
	OutDir       string
	Communes     []communeView
	Files        []provinceFileView
	SetAside     []fileView
	Sent, Total  int
	Refused      int // files refused for an error
	Missing      []string
	// Partial says which communes sent without credit figures, so that
	// the province's sums are over the others ("" when none).
	Partial   string
	Outputs   []outputView
	MaxMB     int
	MaxFiles  int
	FirstStep string
	account   *province.Account
	byName    map[string]*provinceFileView
}

type communeView struct {
	Code, Name, Kind string
	State, Class     string
	File, URL, Time  string
	Notes            []string // what was said about its file
	// Refused is the commune's latest file refused, sent after the one
	// used (or with none used), and when it was saved.
	Refused, RefusedTime string
}

type provinceFileView struct {
	ID, Name, URL, Time, Folder string
	State, Class                string
	Commune                     string // the commune it is of, when refused and it says
	Problems                    []problemView
	Open                        bool
	outcome                     string
	verdict                     string
}

// shown words a problem of the province's reading for the page: the
// received folder's paths become the files' names.
func (s *Server) shown(p period.Period, msg string) string {
	return strings.ReplaceAll(msg, s.opt.Workspace.ReceivedDir(p)+string(filepath.Separator), "")
}

func (s *Server) provinceView(d *province.Data, p period.Period) *provinceView {
	ws := s.opt.Workspace
	files := s.provinceFiles(p)
	a := s.provinceCache.Account(d, p, files)
	now := s.opt.Now()
	v := &provinceView{
		Province: d.Province, Code: p.String(), Name: p.Name(), Title: upperFirst(p.Name()),
		From: period.ShortDate(p.From()), To: period.ShortDate(p.To()),
		Workspace: ws.Root, DataDir: d.Dir, ReceivedDir: ws.ReceivedDir(p), OutDir: ws.PeriodDir(p),
		MaxMB: cycle.MaxReceivedSize >> 20, MaxFiles: MaxFilesPerRequest,
		account: a, byName: map[string]*provinceFileView{},
	}
	if abs, err := filepath.Abs(d.Dir); err == nil {
		v.DataDir = abs
	}
	v.CommunesFile = filepath.Join(v.DataDir, province.CommunesFile)
	current := province.CurrentPeriod(now)
	// Not «kỳ hiện tại»: the commune's page calls so the period its
	// communes report on now (cycle.CurrentPeriod), which on the same day
	// is often the next one.
	v.Groups = periodGroups(cycle.PeriodChoices(0, now), p, current, "kỳ vừa hết số liệu")

	notes := map[string][]string{} // by file: what was said
	for _, fa := range a.Files {
		name := filepath.Base(fa.File)
		fi, _ := os.Stat(fa.File)
		fv := provinceFileView{Name: name, Folder: p.String(), URL: "/nhan-ve/" + p.String() + "/" + url.PathEscape(name)}
		fv.ID = "tep-" + idOf(p.String()+"/"+name)
		if fi != nil {
			fv.Time = timeText(fi.ModTime())
		}
		// said: the problems as sentences, the first left in lower case
		// to follow «không dùng:» on the upload's line.
		var said []string
		for i, pr := range fa.Problems {
			msg := s.shown(p, pr.Message)
			if pr.Together {
				msg += "; nếu không đúng, bấm «Để riêng» ở tệp không muốn dùng"
			}
			msg += "."
			kind := "Lỗi"
			if pr.Severity == province.Warning {
				kind = "Lưu ý"
			}
			fv.Problems = append(fv.Problems, problemView{Error: pr.Severity == province.Error, Kind: kind, Message: upperFirst(msg)})
			if i > 0 {
				msg = upperFirst(msg)
			}
			said = append(said, msg)
		}
		switch fa.State {
		case province.FileUsed:
			fv.State, fv.Class = "Dùng cho "+fa.Commune.FullName(), "du"
			fv.outcome, fv.verdict = "dung", fa.Commune.FullName()+": dùng để tổng hợp."
			if len(said) > 0 {
				fv.outcome = "canh-bao"
				fv.verdict += " Lưu ý: " + strings.Join(said, " ")
			}
			for _, pv := range fv.Problems {
				notes[fa.File] = append(notes[fa.File], pv.Message)
			}
		case province.FileRefused:
			v.Refused++
			fv.State, fv.Class, fv.Open = "Có lỗi, không dùng", "loi", true
			fv.outcome, fv.verdict = "loi", "không dùng: "+strings.Join(said, " ")
			if fa.Commune != nil {
				// the file says whose it is: the commune did send
				fv.Commune = fa.Commune.FullName()
				fv.verdict = "của " + fv.Commune + ", " + fv.verdict
			}
		default:
			fv.State, fv.Class = "Không dùng", "thieu"
			fv.outcome, fv.verdict = "canh-bao", "không dùng: "+strings.Join(said, " ")
			if len(said) == 0 {
				fv.verdict = "không dùng."
			}
		}
		v.Files = append(v.Files, fv)
	}
	// What needs the clerk first: refused files, then those not used.
	rank := map[string]int{"loi": 0, "thieu": 1, "du": 2}
	slices.SortStableFunc(v.Files, func(a, b provinceFileView) int { return cmp.Compare(rank[a.Class], rank[b.Class]) })
	for i := range v.Files {
		v.byName[v.Files[i].Name] = &v.Files[i]
	}
	r := a.Rollup
	for _, row := range r.Communes {
		c := row.Commune
		cv := communeView{Code: c.Code, Name: c.Name, Kind: c.Kind, State: "Chưa gửi", Class: "chua"}
		if row.Sent() {
			name := filepath.Base(row.Attachment.File)
			cv.State, cv.Class = "Đã gửi", "du"
			cv.File, cv.URL, cv.Time = name, "/nhan-ve/"+p.String()+"/"+url.PathEscape(name), timeText(row.Attachment.ModTime)
			cv.Notes = notes[row.Attachment.File]
			if len(cv.Notes) > 0 {
				cv.State, cv.Class = "Đã gửi, có lưu ý", "thieu"
			}
		}
		if f := a.Refused(c.Code); f != nil {
			cv.Refused, cv.RefusedTime = filepath.Base(f.File), timeText(f.ModTime)
			if row.Sent() {
				cv.State, cv.Class = "Tệp gửi lại có lỗi", "thieu"
			} else {
				cv.State, cv.Class = "Gửi tệp có lỗi", "loi"
			}
		}
		v.Communes = append(v.Communes, cv)
	}
	for _, c := range r.Missing {
		v.Missing = append(v.Missing, c.FullName())
	}
	if len(r.WithoutFigures) > 0 {
		var names []string
		for _, c := range r.WithoutFigures {
			names = append(names, c.FullName())
		}
		v.Partial = strings.Join(names, ", ") + " gửi bảng tổng hợp chưa có số liệu tín dụng; số của tỉnh là tổng các xã có số liệu."
	}
	v.Sent, v.Total = a.Sent(), len(d.Communes)
	for _, f := range ws.SetAsideFiles(p) {
		if f.Folder != p {
			continue
		}
		fv := fileView{Name: f.Name, Time: timeText(f.ModTime), Folder: f.Folder.String(), Readable: true}
		fv.ID = "rieng-" + idOf(fv.Folder+"/"+f.Name)
		v.SetAside = append(v.SetAside, fv)
	}
	v.FirstStep = "cac-xa"
	if len(files) > 0 {
		v.FirstStep = "nhan-tep"
	}
	for _, o := range provinceOutputs(ws, p) {
		v.Outputs = append(v.Outputs, outputView{Label: o.Label, Name: o.Name, URL: "/ket-qua/" + p.String() + "/" + url.PathEscape(o.Name), Time: timeText(o.ModTime)})
	}
	return v
}

// provinceOutputs are the roll-up's files of p in the workspace: report,
// workbook, reminder, then their PDFs.
func provinceOutputs(ws *cycle.Workspace, p period.Period) []cycle.Output {
	var out []cycle.Output
	for _, pdf := range []bool{false, true} {
		for _, k := range provinceKinds(p) {
			name := k.name
			if pdf {
				name = strings.TrimSuffix(name, filepath.Ext(name)) + ".pdf"
			}
			path := filepath.Join(ws.PeriodDir(p), name)
			if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
				out = append(out, cycle.Output{Path: path, Name: name, Label: provinceLabel(p, name), ModTime: fi.ModTime()})
			}
		}
	}
	return out
}

type provinceKind struct{ name, label string }

func provinceKinds(p period.Period) []provinceKind {
	return []provinceKind{
		{province.ReportName(p), "Báo cáo của tỉnh"},
		{province.WorkbookName(p), "Bảng tổng hợp của tỉnh"},
		{province.ReminderName(p), "Công văn đôn đốc các xã chưa gửi"},
	}
}

// provinceLabel names an output for the page: «Báo cáo của tỉnh (Word)».
func provinceLabel(p period.Period, name string) string {
	kind := map[string]string{".docx": "Word", ".xlsx": "Excel", ".pdf": "PDF"}[strings.ToLower(filepath.Ext(name))]
	for _, k := range provinceKinds(p) {
		if strings.TrimSuffix(k.name, filepath.Ext(k.name)) == strings.TrimSuffix(name, filepath.Ext(name)) {
			return k.label + " (" + kind + ")"
		}
	}
	return name
}

func (s *Server) provincePage(w http.ResponseWriter, r *http.Request) {
	d, err := s.provinceData()
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	p, err := s.provincePeriod(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	s.render(w, "tinh", s.provinceView(d, p))
}

// provinceFragments renders the parts of the page that change with the
// account; the header's and step 2's counts are the same words.
func (s *Server) provinceFragments(v *provinceView) map[string]string {
	out := map[string]string{}
	for _, name := range []string{"tinh-tally", "tinh-communes", "tinh-files", "tinh-missing", "tinh-outputs", "tinh-partial"} {
		var buf bytes.Buffer
		if err := pageTemplates.ExecuteTemplate(&buf, name, v); err != nil {
			panic(err)
		}
		out[name] = buf.String()
	}
	out["tinh-tally-nhan-tep"] = out["tinh-tally"]
	out["tinh-tally-cac-xa"] = out["tinh-tally"]
	out["tinh-partial-cac-xa"], out["tinh-partial-tong-hop"] = out["tinh-partial"], out["tinh-partial"]
	delete(out, "tinh-partial")
	return out
}

func (s *Server) provinceStatus(w http.ResponseWriter, r *http.Request) {
	d, p, ok := s.provinceSetup(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"html": s.provinceFragments(s.provinceView(d, p))})
}

// provinceUpload stores the attachments sent (zips unpacked within their
// budget, the same bytes recognised), reads them and answers the new
// account, each file worded by it.
func (s *Server) provinceUpload(w http.ResponseWriter, r *http.Request) {
	d, p, ok := s.provinceSetup(w, r)
	if !ok {
		return
	}
	results, notes, ok := s.receive(w, r, p)
	if !ok {
		return
	}
	v := s.provinceView(d, p)
	for i := range results {
		res := &results[i]
		switch f := v.byName[res.Stored]; {
		case !res.OK:
			res.Outcome = "hong"
		case strings.HasSuffix(strings.ToLower(res.Stored), ".zip"):
			res.Outcome = "dung"
		case f == nil:
			res.Message, res.Outcome = "đã lưu nhưng không đọc được; tải lại trang.", "hong"
		default:
			res.Message, res.Outcome = f.verdict, f.outcome
		}
		if res.same != nil {
			res.Message = "đã nhận tệp này lúc " + timeText(res.same.Since) + " (lưu là «" + res.Stored + "»), không lưu lại lần nữa. " + upperFirst(res.Message)
			if res.Outcome == "dung" || res.Outcome == "canh-bao" {
				res.Outcome = "trung"
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"tep": results, "ghi_chu": notes, "html": s.provinceFragments(v)})
}

func (s *Server) provinceMove(do func(*cycle.Workspace, period.Period, string) (string, error), said string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d, p, ok := s.provinceSetup(w, r)
		if !ok {
			return
		}
		msg, outcome, err := s.moveOne(r, p, do, said)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"thong_bao": msg, "ket_qua": outcome, "html": s.provinceFragments(s.provinceView(d, p))})
	}
}

// provinceTemplates are the report's and the letter's templates: the
// workspace's templates folder's (baocao init --tinh writes them), else
// those `baocao tinh` finds.
func (s *Server) provinceTemplates() (report, reminder []byte, err error) {
	load := func(name string, from func(string) ([]byte, bool, error)) ([]byte, error) {
		path := filepath.Join(s.opt.Workspace.Root, province.TemplatesDir, name)
		if _, err := os.Stat(path); err != nil {
			path = ""
		}
		b, _, err := from(path)
		if err != nil {
			return nil, &userError{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("Không đọc được mẫu Word «%s» của tỉnh: tệp có đang mở hoặc bị khóa không? Đóng Word rồi thử lại.", path)}
		}
		return b, nil
	}
	if report, err = load(province.TemplateName, province.LoadTemplate); err != nil {
		return nil, nil, err
	}
	reminder, err = load(province.ReminderTemplateName, province.LoadReminderTemplate)
	return report, reminder, err
}

// provinceResultView is what a build says.
type provinceResultView struct {
	Title    string
	Time     string
	Files    []outputView
	PDFNote  string
	SetAside []string
	Summary  string
	Refused  int
	Warnings []string
	// FilesSheet is the workbook's sheet that lists the files not used.
	FilesSheet string
}

// provinceBuild rolls up what came in and writes the province's report,
// workbook and reminder, with their PDFs where LibreOffice is installed,
// into Root/P/; one build of a period at a time.
func (s *Server) provinceBuild(w http.ResponseWriter, r *http.Request) {
	d, p, ok := s.provinceSetup(w, r)
	if !ok {
		return
	}
	report, reminder, err := s.provinceTemplates()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	unlock, err := s.opt.Workspace.Lock(p)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ctx, done := s.stages.track(s.ctx, p)
	res, err := province.Build(ctx, d, province.BuildRequest{Period: p, In: s.provinceFiles(p), OutDir: s.opt.Workspace.Root,
		Template: report, ReminderTemplate: reminder, Date: s.opt.Now(), PDF: true, Cache: s.provinceCache, Warm: s.opt.Workspace.Soffice})
	done()
	unlock()
	var te *render.TemplateError
	if errors.As(err, &te) {
		err = &userError{status: http.StatusUnprocessableEntity, msg: "Mẫu báo cáo hoặc mẫu công văn của tỉnh có lỗi, cần sửa trong Word (xem «Hướng dẫn» ở chân trang):\n" + te.Error()}
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v := s.provinceView(d, p)
	// The summary counts what the build read: a file received meanwhile
	// is in the page's steps (v), not in this report.
	refused := 0
	for _, f := range res.Account.Files {
		if f.State == province.FileRefused {
			refused++
		}
	}
	rv := &provinceResultView{Time: timeText(s.opt.Now()), PDFNote: res.PDFNote, SetAside: res.SetAside, Warnings: res.Warnings, Refused: refused, FilesSheet: province.SheetFiles,
		Summary: fmt.Sprintf("Đã gửi bảng tổng hợp dùng được: %d/%d xã, phường, đặc khu. Tệp có lỗi không đưa vào: %d.", res.Account.Sent(), len(d.Communes), refused)}
	switch {
	case res.Written:
		rv.Title = "Đã lập báo cáo của tỉnh " + p.Name()
	case len(res.Files) > 0:
		rv.Title = "Chưa có bảng tổng hợp nào dùng được nên chưa lập báo cáo " + p.Name() + "; đã lập công văn đôn đốc"
	default:
		rv.Title = "Chưa lập tệp nào"
	}
	for _, f := range res.Files {
		name := filepath.Base(f)
		rv.Files = append(rv.Files, outputView{Label: provinceLabel(p, name), Name: name, URL: "/ket-qua/" + p.String() + "/" + url.PathEscape(name)})
	}
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, "tinh-result", rv); err != nil {
		panic(err)
	}
	html := s.provinceFragments(v)
	html["result"] = buf.String()
	writeJSON(w, http.StatusOK, map[string]any{"html": html})
}

// provinceProgress answers the stage of the period's running build.
func (s *Server) provinceProgress(w http.ResponseWriter, r *http.Request) {
	p, err := s.provincePeriod(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"buoc": s.stages.of(p)})
}

func (s *Server) provinceOutput(w http.ResponseWriter, r *http.Request) {
	p, err := period.Parse(r.PathValue("ky"))
	if err != nil {
		s.errorPage(w, r, badRequest("%s", err.Error()))
		return
	}
	name := r.PathValue("name")
	for _, o := range provinceOutputs(s.opt.Workspace, p) {
		if o.Name == name {
			s.serveFile(w, r, o.Path)
			return
		}
	}
	s.fail(w, r, http.StatusNotFound, "Chưa có tệp này", "Chưa có tệp «"+name+"» của "+p.Name()+": bấm «Lập báo cáo của tỉnh» ở bước 3 để lập.")
}

// provinceGuide is the clerk's guide at the province.
func (s *Server) provinceGuide(w http.ResponseWriter, r *http.Request) {
	v := map[string]any{"Home": "/", "Workspace": s.opt.Workspace.Root, "DataDir": s.opt.ProvinceDir,
		"TemplatesDir": filepath.Join(s.opt.Workspace.Root, province.TemplatesDir),
		"Report":       province.TemplateName, "Reminder": province.ReminderTemplateName}
	if abs, err := filepath.Abs(s.opt.ProvinceDir); err == nil {
		v["DataDir"] = abs
	}
	var edited []string
	for _, name := range []string{province.TemplateName, province.ReminderTemplateName} {
		if _, err := os.Stat(filepath.Join(s.opt.Workspace.Root, province.TemplatesDir, name)); err == nil {
			edited = append(edited, name)
		}
	}
	v["Edited"] = edited
	s.render(w, "guide-tinh", v)
}

// provinceBuiltinTemplate serves a built-in template of the province, for
// the clerk to save in the workspace's templates folder and edit.
func (s *Server) provinceBuiltinTemplate(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name != province.TemplateName && name != province.ReminderTemplateName {
		s.fail(w, r, http.StatusNotFound, "Không có mẫu này", "Chỉ có mẫu «"+province.TemplateName+"» và «"+province.ReminderTemplateName+"».")
		return
	}
	b, err := fs.ReadFile(baocao.ProvinceTemplates(), name)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	serveBytes(w, r, name, b)
}
