package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

// MaxFilesPerRequest bounds the files of one upload.
const MaxFilesPerRequest = 30

// maxUploadBody bounds the body of one upload.
const maxUploadBody = MaxFilesPerRequest * (cycle.MaxReceivedSize + 64<<10)

//go:embed assets
var assets embed.FS

var pageTemplates = template.Must(template.New("").ParseFS(assets, "assets/*.html"))

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /tai-nguyen/{name}", s.asset)
	m.HandleFunc("GET /api/tinh-hinh", s.status)
	m.HandleFunc("POST /api/nhan-tep", s.upload)
	m.HandleFunc("POST /api/gan-don-vi", s.assign)
	m.HandleFunc("POST /api/de-rieng", s.setAside)
	m.HandleFunc("POST /api/dua-lai", s.restore)
	m.HandleFunc("POST /api/lap-bao-cao", s.build)
	m.HandleFunc("GET /api/tien-do", s.progress)
	m.HandleFunc("GET /api/phien-ban", s.version)
	m.HandleFunc("POST /api/cong-van", s.reminder)
	m.HandleFunc("GET /mau-bieu/{ky}/{name}", s.form)
	m.HandleFunc("GET /ket-qua/{ky}/{name}", s.output)
	m.HandleFunc("GET /nhan-ve/{ky}/{name}", s.receivedFile)
	m.HandleFunc("GET /huong-dan", s.guide)
	m.HandleFunc("GET /huong-dan-mau", s.guide) // the address older messages give
	m.HandleFunc("GET /huong-dan/mau/{name}", s.builtinTemplate)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "Không có trang này", "Địa chỉ không đúng. Quay lại trang chính: "+s.origin()+"/")
	})
	s.mux = m
}

// userError is a message for the clerk with the status to answer.
type userError struct {
	status int
	msg    string
}

func (e *userError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &userError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// catalogOf loads the plan's data as the command line would, so that an
// edit of data/ is seen without restarting.
func (s *Server) catalogOf() (*catalog.Catalog, error) {
	c, err := cycle.LoadCatalog(s.opt.DataDir)
	if err != nil {
		return nil, err
	}
	return c.Catalog, nil
}

// periodOf reads the period of a request: ?ky=, or the one now open.
func (s *Server) periodOf(r *http.Request, c *catalog.Catalog) (period.Period, error) {
	code := r.PathValue("ky")
	if code == "" {
		code = r.URL.Query().Get("ky")
	}
	if code == "" {
		return cycle.CurrentPeriod(c, s.opt.Now()), nil
	}
	p, err := period.Parse(code)
	if err != nil {
		return p, badRequest("%s", err.Error())
	}
	return p, nil
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	c, err := s.catalogOf()
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	p, err := s.periodOf(r, c)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	v := s.view(c, p)
	// A template the office broke stops the report, not the page: forms
	// and checking still work, and the mistakes are said where they matter.
	if _, err := cycle.LoadSources(s.opt.DataDir, "", ""); err != nil {
		s.logInternal(r, err)
		v.TemplateProblem = pageTemplateProblem(userMessage(err))
	}
	s.render(w, "page", v)
}

// guide is the clerk's guide: the three steps, the states, the files, how
// to edit the report's template in Word, where the files are; the fields
// of the templates last, without the command line's words. The developer
// reference is docs/mau-bao-cao.md.
func (s *Server) guide(w http.ResponseWriter, r *http.Request) {
	v := map[string]any{"Reference": cycle.TemplateReference(), "Home": "/", "Workspace": s.opt.Workspace.Root, "Builtin": true}
	if t, err := cycle.LoadTemplate("", cycle.ReportTemplate, ""); err == nil && !t.Builtin {
		v["Builtin"] = false
		v["ReportTemplate"], _ = filepath.Abs(t.Path)
	}
	v["TemplatesDir"], _ = filepath.Abs(cycle.TemplatesDir)
	s.render(w, "guide", v)
}

// builtinTemplate serves a built-in template, for the clerk to save beside
// the program and edit.
func (s *Server) builtinTemplate(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name != cycle.ReportTemplate && name != cycle.ReminderTemplate {
		s.fail(w, r, http.StatusNotFound, "Không có mẫu này", "Chỉ có mẫu «"+cycle.ReportTemplate+"» và «"+cycle.ReminderTemplate+"».")
		return
	}
	t, err := cycle.LoadTemplate("", name, "")
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	serveBytes(w, r, name, t.Data)
}

func (s *Server) render(w http.ResponseWriter, name string, v any) {
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, name, v); err != nil {
		panic(err) // a mistake of ours: the recovery gives the plain page
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// fragments renders the parts of the page that change with the account.
func (s *Server) fragments(v *pageView) map[string]string {
	out := map[string]string{}
	for _, name := range []string{"tally", "units", "unassigned", "outputs", "missing"} {
		var buf bytes.Buffer
		if err := pageTemplates.ExecuteTemplate(&buf, name, v); err != nil {
			panic(err)
		}
		out[name] = buf.String()
	}
	// Step 2 shows the header's count, the same words from the same account.
	out["tally-nhan-tep"] = out["tally"]
	return out
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
	ct, ok := types[filepath.Ext(name)]
	b, err := assets.ReadFile("assets/" + name)
	if !ok || err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(b)
}

// status answers the account of a period, as fragments of the page.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	c, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	v := s.view(c, p)
	writeJSON(w, http.StatusOK, map[string]any{"html": s.fragments(v)})
}

// setup loads the catalog and the period of an API request, answering the
// error itself when it fails.
func (s *Server) setup(w http.ResponseWriter, r *http.Request) (*catalog.Catalog, period.Period, bool) {
	c, err := s.catalogOf()
	if err != nil {
		s.apiError(w, r, err)
		return nil, period.Period{}, false
	}
	p, err := s.periodOf(r, c)
	if err != nil {
		s.apiError(w, r, err)
		return nil, period.Period{}, false
	}
	return c, p, true
}

// fileResult is what became of one file sent.
type fileResult struct {
	Name    string `json:"ten"`
	Stored  string `json:"luu,omitempty"`
	OK      bool   `json:"ok"`
	Message string `json:"thong_bao"`
	// Outcome colours the line: "dung" used, "canh-bao" used with
	// warnings, "loi" refused (errors), "hong" unreadable or not stored,
	// "trung" the same as a file received before.
	Outcome string `json:"ket_qua"`
	// Same: the bytes are those of a file received before (Stored), and
	// nothing was stored again.
	Same bool `json:"da_nhan,omitempty"`
	same *cycle.Received
}

// upload stores the files sent, checks them and answers the new account.
// Each file is at most cycle.MaxReceivedSize; at most MaxFilesPerRequest
// are taken from one request. Each file's time is when it is received.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	c, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	results, notes, ok := s.receive(w, r, p)
	if !ok {
		return
	}
	v := s.view(c, p)
	// Say at once what each file turned out to be.
	for i := range results {
		r := &results[i]
		switch {
		case !r.OK:
			r.Outcome = "hong"
		case strings.HasSuffix(strings.ToLower(r.Stored), ".zip"):
			r.Outcome = "dung"
		default:
			r.Message = v.fileVerdict(p, r.Stored)
			r.Outcome = v.fileOutcome(p, r.Stored)
		}
		if r.same != nil {
			r.Message = "đã nhận tệp này lúc " + timeText(r.same.Since) + " (lưu là «" + r.Stored + "»), không lưu lại lần nữa. " + upperFirst(r.Message)
			if r.Outcome == "dung" || r.Outcome == "canh-bao" {
				r.Outcome = "trung"
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"tep": results, "ghi_chu": notes, "html": s.fragments(v)})
}

// receive stores the files of an upload for p, within the upload's bounds
// and one zip budget, and says what it stored of each (the step's own
// account words each file after). It answers the error itself when the
// body is not an upload.
func (s *Server) receive(w http.ResponseWriter, r *http.Request, p period.Period) (results []fileResult, notes []string, ok bool) {
	mr, err := r.MultipartReader()
	if err != nil {
		s.apiError(w, r, badRequest("Không đọc được các tệp gửi lên. Chọn lại tệp rồi thử lại."))
		return nil, nil, false
	}
	count := 0
	// One zip budget for the whole upload: thirty zips unpack no more
	// than one may (intake's zip policy).
	budget := intake.NewZipBudget()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				notes = append(notes, fmt.Sprintf("Lần gửi này quá lớn: mỗi lần gửi tối đa %d tệp, mỗi tệp tối đa %d MB. Các tệp sau chưa được nhận; gửi lại từng tệp.", MaxFilesPerRequest, cycle.MaxReceivedSize>>20))
			} else {
				notes = append(notes, "Việc gửi tệp bị ngắt giữa chừng; các tệp sau chưa được nhận. Gửi lại các tệp đó.")
			}
			break
		}
		name := partFileName(part)
		if name == "" {
			continue
		}
		count++
		if count > MaxFilesPerRequest {
			notes = append(notes, fmt.Sprintf("Mỗi lần gửi tối đa %d tệp: «%s» và các tệp sau chưa được nhận. Gửi lại các tệp đó.", MaxFilesPerRequest, name))
			break
		}
		rc, err := s.opt.Workspace.ReceiveWithin(p, name, part, budget)
		if err != nil {
			io.Copy(io.Discard, part)
			s.logInternal(r, err)
			results = append(results, fileResult{Name: name, Message: userMessage(err)})
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				break
			}
			continue
		}
		if rc.Zip != nil {
			results = append(results, fileResult{Name: name, Stored: rc.Zip.Stored, OK: len(rc.Files) > 0,
				Message: zipMessage(rc)})
		}
		for _, f := range rc.Files {
			r := fileResult{Name: f.Sent, Stored: f.Stored, OK: true}
			if f.Same {
				r.Same, r.same = true, &f
			}
			results = append(results, r)
		}
	}
	return results, notes, true
}

// partFileName is the name a file was sent with, before any cleaning
// (multipart's own FileName drops the folders, not the other mischief).
func partFileName(part *multipart.Part) string {
	_, params, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
	if err != nil {
		return part.FileName()
	}
	return params["filename"]
}

// zipMessage says what came out of a zip, in time linear in its files.
func zipMessage(rc *cycle.Receipt) string {
	var b strings.Builder
	fmt.Fprintf(&b, "tệp nén: đã lấy ra %d tệp", len(rc.Files))
	for i, f := range rc.Files {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(", ")
		}
		b.WriteString("«" + f.Stored + "»")
	}
	if len(rc.Files) > 0 {
		b.WriteString(")")
	}
	b.WriteString(".")
	for _, n := range rc.Notes {
		b.WriteString(" ")
		b.WriteString(upperFirst(n))
	}
	return b.String()
}

func (s *Server) assign(w http.ResponseWriter, r *http.Request) {
	c, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	parse := r.ParseForm
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		parse = func() error { return r.ParseMultipartForm(MaxFormBody) }
	}
	if err := parse(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.apiError(w, r, &userError{status: http.StatusRequestEntityTooLarge, msg: "Yêu cầu gán đơn vị quá lớn nên không được nhận. Tải lại trang rồi chọn đơn vị lại."})
			return
		}
		s.apiError(w, r, badRequest("Không đọc được yêu cầu gán đơn vị. Tải lại trang rồi chọn đơn vị lại."))
		return
	}
	folder, err := period.Parse(r.PostFormValue("thu_muc"))
	if err != nil {
		folder = p
	}
	if err := s.opt.Workspace.Assign(c, folder, r.PostFormValue("tep"), r.PostFormValue("don_vi")); err != nil {
		s.apiError(w, r, err)
		return
	}
	v := s.view(c, p)
	writeJSON(w, http.StatusOK, map[string]any{"thong_bao": v.fileVerdict(folder, r.PostFormValue("tep")), "html": s.fragments(v)})
}

// setAside moves a received file to the period's bo-qua folder.
func (s *Server) setAside(w http.ResponseWriter, r *http.Request) {
	s.move(w, r, (*cycle.Workspace).SetAside, "đã để riêng vào thư mục "+cycle.SetAsideFolder+"; không còn được tính. Bấm «Đưa lại» ở mục «Tệp đã để riêng» để dùng lại.")
}

// restore puts a file set aside back among the received files.
func (s *Server) restore(w http.ResponseWriter, r *http.Request) {
	s.move(w, r, (*cycle.Workspace).Restore, "đã đưa lại vào các tệp đã nhận.")
}

func (s *Server) move(w http.ResponseWriter, r *http.Request, do func(*cycle.Workspace, period.Period, string) (string, error), said string) {
	c, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	msg, outcome, err := s.moveOne(r, p, do, said)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v := s.view(c, p)
	writeJSON(w, http.StatusOK, map[string]any{"thong_bao": msg, "ket_qua": outcome, "html": s.fragments(v)})
}

// moveOne moves the file the request names (tep, in the folder of period
// thu_muc, else p's) with do, and says what became of it and the outcome
// for the page's log: "ok", or "trung" when the file was already among
// those received (nothing wrong: a notice, as a file sent twice is). Both
// pages, the commune's and the province's, answer through it.
func (s *Server) moveOne(r *http.Request, p period.Period, do func(*cycle.Workspace, period.Period, string) (string, error), said string) (msg, outcome string, err error) {
	folder, err := period.Parse(r.PostFormValue("thu_muc"))
	if err != nil {
		folder = p
	}
	name := r.PostFormValue("tep")
	got, err := do(s.opt.Workspace, folder, name)
	var same *cycle.AlreadyReceivedError
	if errors.As(err, &same) {
		return upperFirst(same.Error()), "trung", nil
	}
	if err != nil {
		return "", "", err
	}
	msg = "«" + name + "»: " + said
	if got != name {
		msg += " Tệp mang tên mới «" + got + "» vì đã có tệp cùng tên."
	}
	return msg, "ok", nil
}

// build makes the period's report, summary, reminder and PDFs.
func (s *Server) build(w http.ResponseWriter, r *http.Request) {
	s.make(w, r, (*cycle.Workspace).Report, "result")
}

// reminder makes the reminder letter alone, at any time.
func (s *Server) reminder(w http.ResponseWriter, r *http.Request) {
	s.make(w, r, (*cycle.Workspace).Reminder, "result-cong-van")
}

type buildFunc func(*cycle.Workspace, context.Context, *cycle.Sources, period.Period, time.Time) (*cycle.ReportResult, error)

// make runs a build and answers the page's fragments, with the build's own
// account under key.
func (s *Server) make(w http.ResponseWriter, r *http.Request, do buildFunc, key string) {
	c, p, ok := s.setup(w, r)
	if !ok {
		return
	}
	src, err := cycle.LoadSources(s.opt.DataDir, "", "")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ctx, done := s.stages.track(s.ctx, p)
	res, err := do(s.opt.Workspace, ctx, src, p, s.opt.Now())
	done()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v := s.view(c, p)
	rv := s.resultView(p, res, key != "result", v.account)
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, "result", rv); err != nil {
		panic(err)
	}
	html := s.fragments(v)
	html[key] = buf.String()
	writeJSON(w, http.StatusOK, map[string]any{"html": html})
}

func (s *Server) form(w http.ResponseWriter, r *http.Request) {
	c, err := s.catalogOf()
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	p, err := period.Parse(r.PathValue("ky"))
	if err != nil {
		s.errorPage(w, r, badRequest("%s", err.Error()))
		return
	}
	name := r.PathValue("name")
	if name == "tat-ca.zip" {
		zname, data, err := s.opt.Workspace.FormsZip(c, p)
		if err != nil {
			s.errorPage(w, r, err)
			return
		}
		serveBytes(w, r, zname, data)
		return
	}
	code, ok := strings.CutSuffix(name, "-"+p.String()+".xlsx")
	if u := c.Unit(code); !ok || u == nil {
		s.fail(w, r, http.StatusNotFound, "Không có biểu mẫu này", "Không có biểu mẫu «"+name+"» cho "+p.Name()+".")
		return
	}
	// Read or built in memory: a GET writes nothing.
	data, mod, err := s.opt.Workspace.Form(c, p, code)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	setDownload(w, name)
	http.ServeContent(w, r, "", mod, bytes.NewReader(data))
}

func (s *Server) output(w http.ResponseWriter, r *http.Request) {
	p, err := period.Parse(r.PathValue("ky"))
	if err != nil {
		s.errorPage(w, r, badRequest("%s", err.Error()))
		return
	}
	name := r.PathValue("name")
	for _, o := range s.opt.Workspace.Outputs(p) {
		if o.Name == name {
			s.serveFile(w, r, o.Path)
			return
		}
	}
	s.fail(w, r, http.StatusNotFound, "Chưa có tệp này", "Chưa có tệp «"+name+"» của "+p.Name()+": bấm «Lập báo cáo» để lập.")
}

func (s *Server) receivedFile(w http.ResponseWriter, r *http.Request) {
	p, err := period.Parse(r.PathValue("ky"))
	if err != nil {
		s.errorPage(w, r, badRequest("%s", err.Error()))
		return
	}
	name := r.PathValue("name")
	dir := s.opt.Workspace.ReceivedDir(p)
	for _, path := range s.opt.Workspace.ReceivedFiles(p) {
		if filepath.Dir(path) == dir && filepath.Base(path) == name {
			s.serveFile(w, r, path)
			return
		}
	}
	s.fail(w, r, http.StatusNotFound, "Không có tệp này", "Không có tệp «"+name+"» trong các tệp đã nhận của "+p.Name()+".")
}

// contentTypes are the types of the files served.
var contentTypes = map[string]string{
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
	".xls":  "application/vnd.ms-excel",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".pdf":  "application/pdf",
	".zip":  "application/zip",
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, path string) {
	f, err := os.Open(path)
	if err != nil {
		s.errorPage(w, r, fmt.Errorf("không mở được tệp %s: %w", path, err))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	setDownload(w, filepath.Base(path))
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

func serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	setDownload(w, name)
	http.ServeContent(w, r, "", time.Now(), bytes.NewReader(data))
}

// setDownload sets the type of a download and its name, in ASCII for old
// clients and in UTF-8 (RFC 6266, RFC 8187) for the others.
func setDownload(w http.ResponseWriter, name string) {
	ct := contentTypes[strings.ToLower(filepath.Ext(name))]
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", ContentDisposition(name))
}

// ContentDisposition gives an attachment header for name:
// attachment; filename="Bao cao.docx"; filename*=UTF-8”B%C3%A1o%20c%C3%A1o.docx
func ContentDisposition(name string) string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, asciiName(name), encodeRFC8187(name))
}

// asciiName folds a name to printable ASCII for the filename parameter.
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r == '"' || r == '\\' || r < 0x20 || r > 0x7e:
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// encodeRFC8187 percent-encodes every byte that is not an attr-char.
func encodeRFC8187(s string) string {
	const attr = "!#$&+-.^_`|~"
	var b strings.Builder
	for _, c := range []byte(norm.NFC.String(s)) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(attr, c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// userMessage words an error for the clerk: the steps' own errors already
// are; any other is the program's own and said to be so.
func userMessage(err error) string {
	var (
		ue *userError
		ie *cycle.InputError
		be *cycle.BusyError
		te *cycle.TooLargeError
		oe *outfile.Error
		se *cycle.StoppedError
		ar *cycle.AlreadyReceivedError
		de catalog.Errors
	)
	switch {
	case errors.As(err, &ue), errors.As(err, &ie), errors.As(err, &be), errors.As(err, &te), errors.As(err, &oe), errors.As(err, &se), errors.As(err, &ar):
		return upperFirst(err.Error())
	case errors.As(err, &de):
		// The page was started on its data folder: it names no option.
		return "Dữ liệu kế hoạch có lỗi, cần sửa trước khi làm tiếp:\n" + strings.ReplaceAll(de.Error(), "Kiểm tra tùy chọn --data", "Kiểm tra thư mục dữ liệu kế hoạch")
	}
	// The library's own text is logged (apiError, errorPage), not shown.
	return "Chương trình gặp lỗi không lường trước (chi tiết đã ghi ở cửa sổ dòng lệnh của chương trình). Thử lại; nếu vẫn lỗi, báo người phụ trách phần mềm."
}

func statusOf(err error) int {
	var (
		ue *userError
		be *cycle.BusyError
		te *cycle.TooLargeError
		ie *cycle.InputError
		de catalog.Errors
		oe *outfile.Error
		se *cycle.StoppedError
		ar *cycle.AlreadyReceivedError
	)
	switch {
	case errors.As(err, &ue):
		return ue.status
	case errors.As(err, &ar):
		return http.StatusConflict
	case errors.As(err, &be):
		return http.StatusConflict
	case errors.As(err, &te):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &ie), errors.As(err, &de):
		return http.StatusUnprocessableEntity
	case errors.As(err, &oe):
		// A file open in Word, a full disk: the office's files are in the
		// way, not the program, and the message says what to do.
		return http.StatusConflict
	case errors.As(err, &se):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// logInternal logs an error that is the program's own, whose text the
// clerk is not shown.
func (s *Server) logInternal(r *http.Request, err error) {
	if statusOf(err) == http.StatusInternalServerError {
		s.log.Printf("lỗi khi phục vụ %s %s: %v", r.Method, r.URL.Path, err)
	}
}

// apiError answers an error to the page's scripts.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Printf("lỗi khi phục vụ %s %s: %v", r.Method, r.URL.Path, err)
	}
	writeJSON(w, status, map[string]any{"loi": userMessage(err)})
}

// errorPage answers an error with a plain page.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Printf("lỗi khi phục vụ %s %s: %v", r.Method, r.URL.Path, err)
	}
	s.fail(w, r, status, "Không làm được việc này", userMessage(err))
}

// programError answers a panic.
func (s *Server) programError(w http.ResponseWriter, r *http.Request, _ error) {
	s.fail(w, r, http.StatusInternalServerError, "Chương trình gặp lỗi",
		"Chương trình gặp lỗi không lường trước lúc "+s.opt.Now().Format("15:04 02/01/2006")+". Các tệp đã nhận vẫn còn nguyên. Tải lại trang và thử lại; nếu vẫn lỗi, báo người phụ trách phần mềm kèm giờ xảy ra lỗi.")
}

// fail answers a plain page, or JSON for the page's scripts.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]any{"loi": msg})
		return
	}
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, "error", map[string]string{"Title": title, "Message": msg, "Home": s.origin() + "/"}); err != nil {
		buf.Reset()
		buf.WriteString(template.HTMLEscapeString(msg))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
