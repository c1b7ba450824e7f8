package cycle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/soffice"
)

// The folders of a period in the workspace, and the file that records which
// unit a received file is for.
const (
	FormsFolder     = "mau-bieu"
	ReceivedFolder  = "nhan-ve"
	AssignmentsFile = ".don-vi.json"
)

// Limits on what the workspace takes in: a filled form is a few dozen KB.
const (
	MaxReceivedSize = intake.ZipMaxFileBytes // one file, or one file inside a zip
	maxNameRunes    = 120                    // a stored name, extension included
	maxNameBytes    = 200                    // the same in UTF-8 bytes
	maxCopies       = 1000                   // "name (2)" … "name (1000)"
)

// Workspace is the office's folder, which it can also open in Explorer.
// Per period P: P/mau-bieu/ holds the forms sent, P/nhan-ve/ the files
// received (kept as they came, never replaced or deleted; the office may
// move one to P/bo-qua/ and back, SetAside), and P/ the
// outputs, laid out as «baocao report --out» lays them.
type Workspace struct {
	Root string
	// Soffice, when set, is a LibreOffice kept running for the builds'
	// PDFs (the page sets one while it is open); nil starts LibreOffice
	// for each build.
	Soffice *soffice.Warm
	// Recovered are the files that opening the workspace put in place,
	// finishing a program killed half-way (for whoever looks).
	Recovered []string
	// Now, when set, is the clock that stamps when a file is received
	// (tests give a fixed one); nil is the system's.
	Now func() time.Time

	mu    sync.Mutex
	busy  map[period.Period]time.Time // builds running, since when
	files sync.Mutex                  // receiving and assigning
	// cache keeps each received file's reading (by content, data and
	// period), so that the page reads a file once, not on every view.
	cache *intake.Cache
}

// readCache is the workspace's cache of readings, made on first use.
func (w *Workspace) readCache() *intake.Cache {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cache == nil {
		w.cache = intake.NewCache(5000)
	}
	return w.cache
}

// DefaultWorkspace is the workspace used when none is given: baocao in the
// user's Documents folder on Windows (wherever Windows keeps it, OneDrive
// included), ~/baocao elsewhere.
func DefaultWorkspace() (string, error) {
	dir, err := documentsDir()
	if err != nil {
		return "", inputErr("không tìm thấy thư mục của người dùng để đặt thư mục làm việc (%v): chọn thư mục bằng --workspace.", err)
	}
	return filepath.Join(dir, "baocao"), nil
}

// OpenWorkspace makes root ("" for DefaultWorkspace) if it does not exist
// yet and returns the workspace there. A root that is a file or cannot be
// made is an *InputError naming the folder.
func OpenWorkspace(root string) (*Workspace, error) {
	if root == "" {
		var err error
		if root, err = DefaultWorkspace(); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(root)
	if err == nil {
		root = abs
	}
	if fi, err := os.Stat(root); err == nil && !fi.IsDir() {
		return nil, inputErr("«%s» là một tệp, không phải thư mục: chọn thư mục làm việc khác bằng --workspace.", root)
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, inputErr("không tạo được thư mục làm việc %s (%v): chọn thư mục khác bằng --workspace.", root, err)
	}
	w := &Workspace{Root: root}
	w.Recovered = w.recover()
	return w, nil
}

// recover finishes what a program killed half-way left in the workspace
// (issue 24): in each period's folder and its nhan-ve, the journalled
// moves of a zip's unpacking or a build's outputs are made, and temporary
// files (.tmp-*) removed. It returns the files put in place.
func (w *Workspace) recover() []string {
	unlock, err := outfile.Lock(w.Root)
	if err != nil {
		return nil
	}
	defer unlock()
	entries, _ := os.ReadDir(w.Root)
	var done []string
	for _, e := range entries {
		p, err := period.Parse(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		for _, dir := range []string{w.PeriodDir(p), w.ReceivedDir(p)} {
			d, _ := outfile.Recover(dir)
			done = append(done, d...)
		}
	}
	return done
}

// PeriodDir is where the outputs of p go: Root/P.
func (w *Workspace) PeriodDir(p period.Period) string { return Dir(w.Root, p) }

// FormsDir holds the forms of p: Root/P/mau-bieu.
func (w *Workspace) FormsDir(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), FormsFolder)
}

// ReceivedDir holds the files received for p: Root/P/nhan-ve.
func (w *Workspace) ReceivedDir(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), ReceivedFolder)
}

// FormPath is where the form of unit for p is: Root/P/mau-bieu/<CODE>-<P>.xlsx.
func (w *Workspace) FormPath(p period.Period, unit string) string {
	return forms.Path(w.Root, p, unit)
}

// EnsureForm writes the form of unit for p unless it is there already (the
// office may have edited it before sending it) and returns its path.
func (w *Workspace) EnsureForm(c *catalog.Catalog, p period.Period, unit string) (string, error) {
	path := w.FormPath(p, unit)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := forms.Write(c, unit, p, path); err != nil {
		return "", err
	}
	return path, nil
}

// Form returns the form of unit for p without writing anything: the file
// in the workspace when there is one (the office may have edited it before
// sending it), else one built in memory. A GET on the page calls it, and a
// GET never writes (issue 24).
func (w *Workspace) Form(c *catalog.Catalog, p period.Period, unit string) (data []byte, modTime time.Time, err error) {
	path := w.FormPath(p, unit)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		b, err := os.ReadFile(path)
		return b, fi.ModTime(), err
	}
	f, err := forms.Build(c, unit, p)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, time.Time{}, err
	}
	return buf.Bytes(), time.Now(), nil
}

// FormsZip returns the forms of every reporting unit for p as one zip,
// with the name to give it: those of the workspace as they are, the others
// built in memory. It writes nothing.
func (w *Workspace) FormsZip(c *catalog.Catalog, p period.Period) (name string, data []byte, err error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, u := range c.ReportingUnits() {
		b, mod, err := w.Form(c, p, u.Code)
		if err != nil {
			return "", nil, err
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.Base(w.FormPath(p, u.Code)), Method: zip.Deflate, Modified: mod})
		if err != nil {
			return "", nil, err
		}
		if _, err := f.Write(b); err != nil {
			return "", nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return "", nil, err
	}
	return "mau-bieu-" + p.String() + ".zip", buf.Bytes(), nil
}

// SafeName reduces a file name sent by a browser, or found in a zip, to a
// base name that is safe in the workspace on any system: the last element
// of any path, in NFC, without control characters or the characters Windows
// forbids (<>:"/\|?*), without leading dots (hidden files) or trailing dots
// and spaces, not a Windows device name (CON, NUL, COM1…), and not too long.
// It is an *InputError when nothing usable is left.
func SafeName(name string) (string, error) {
	name = strings.ToValidUTF8(name, "_")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = norm.NFC.String(name)
	name = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
			return -1
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ". ")
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "", inputErr("tên tệp không dùng được (trống hoặc chỉ có dấu chấm): đổi tên tệp rồi gửi lại.")
	}
	ext := filepath.Ext(name)
	if utf8.RuneCountInString(ext) > 10 {
		ext = ""
	}
	stem := strings.TrimSuffix(name, ext)
	if r := []rune(stem); len(r) > maxNameRunes-len([]rune(ext)) {
		stem = strings.TrimRight(string(r[:maxNameRunes-len([]rune(ext))]), ". ")
	}
	// File systems count bytes (255 on Linux), and «Ạ» takes three: keep
	// room for " (1000)" too.
	for len(stem)+len(ext) > maxNameBytes {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	stem = strings.TrimRight(stem, ". ")
	if stem == "" {
		stem = "tep"
	}
	if reservedName(stem) {
		stem = "_" + stem
	}
	return stem + ext, nil
}

// reservedName tells the Windows device names, which cannot name a file
// whatever its extension: CON, PRN, AUX, NUL, COM1…COM9, LPT1…LPT9 (and
// with a superscript digit), CONIN$, CONOUT$.
func reservedName(stem string) bool {
	s := strings.ToUpper(stem)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " ")
	switch s {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	r := []rune(s)
	return len(r) == 4 && (strings.HasPrefix(s, "COM") || strings.HasPrefix(s, "LPT")) &&
		strings.ContainsRune("123456789¹²³", r[3])
}

// Received is one file stored in a period's nhan-ve folder.
type Received struct {
	Sent   string // the name it came with (in a zip: its name there)
	Stored string // its base name in nhan-ve
	// Same: the bytes equal those of the file Stored, received before
	// (at its time, Since), so nothing was stored again.
	Same  bool
	Since time.Time
}

// Receipt is what Receive stored.
type Receipt struct {
	// Files are the files to read: the file sent, or those taken out of
	// the zip sent.
	Files []Received
	// Zip is the zip sent, stored as it came; "" when no zip was sent.
	Zip *Received
	// Notes say, in Vietnamese, what of a zip was not taken out.
	Notes []string
}

// TooLargeError is a file above MaxReceivedSize.
type TooLargeError struct{ Name string }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("tệp «%s» lớn hơn %d MB nên không nhận: biểu mẫu báo cáo thường chỉ vài chục KB. Kiểm tra đã chọn đúng tệp chưa; nếu đúng, mở tệp, xóa ảnh và trang tính thừa, lưu lại rồi gửi lên.", e.Name, MaxReceivedSize>>20)
}

// Receive stores a file received for p under nhan-ve, with its safe name
// and, when a file of that name is there already, a suffix " (2)", " (3)"…:
// nothing is ever replaced. The stored file's modification time is when
// it was received (the page says «nhận lúc» of it; the time the unit saved
// it is the one the workbook records, which tells the newest of a unit's
// files). A zip is stored too, and the files in it are taken out beside
// it, each under the same rules, within intake's zip policy (one budget
// for this zip). More than MaxReceivedSize bytes is a *TooLargeError and
// nothing is stored.
func (w *Workspace) Receive(p period.Period, name string, r io.Reader) (*Receipt, error) {
	return w.ReceiveWithin(p, name, r, intake.NewZipBudget())
}

// now is the workspace's clock.
func (w *Workspace) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// ReceiveWithin is Receive with the zip budget given: the page gives one
// budget to all the files of one upload, so that thirty zips in a request
// unpack no more than one may.
func (w *Workspace) ReceiveWithin(p period.Period, name string, r io.Reader, budget *intake.ZipBudget) (*Receipt, error) {
	safe, err := SafeName(name)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxReceivedSize+1))
	if err != nil {
		return nil, fmt.Errorf("nhận tệp %s: %w", name, err)
	}
	if len(data) > MaxReceivedSize {
		return nil, &TooLargeError{Name: name}
	}
	w.files.Lock()
	defer w.files.Unlock()
	unlock, err := outfile.Lock(w.Root)
	if err != nil {
		return nil, receiveErr(w.Root, err)
	}
	defer unlock()
	dir := w.ReceivedDir(p)
	if same, since := sameFile(dir, data); same != "" {
		return &Receipt{Files: []Received{{Sent: name, Stored: same, Same: true, Since: since}}}, nil
	}
	// A file, or a zip with the files taken out of it, is put in place
	// whole, in one journalled step: a program killed half-way leaves
	// all of it or none (outfile.Recover, on the next start).
	st, err := newStaging(dir, w.now())
	if err != nil {
		return nil, err
	}
	defer st.discard()
	stored, err := st.add(safe, data)
	if err != nil {
		return nil, err
	}
	got := Received{Sent: name, Stored: stored}
	rc := &Receipt{Files: []Received{got}}
	if strings.EqualFold(filepath.Ext(safe), ".zip") {
		rc = &Receipt{Zip: &got}
		w.unzip(st, name, data, rc, budget)
	}
	if err := st.commit(); err != nil {
		return nil, err
	}
	return rc, nil
}

// unzip takes the files out of a zip received into dir, within budget.
// What is not taken out is said in a few notes, each naming a few files
// and counting the others, however many the zip holds.
func (w *Workspace) unzip(st *staging, zipName string, data []byte, rc *Receipt, budget *intake.ZipBudget) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		rc.Notes = append(rc.Notes, fmt.Sprintf("tệp nén «%s» bị hỏng hoặc chưa tải về hết nên không giải nén được. Tải lại tệp, hoặc đề nghị đơn vị gửi lại.", zipName))
		return
	}
	var tooLarge, nested, damaged, notTaken, failed intake.NameList
	var storeErr string
	for _, f := range zr.File {
		entry := strings.ToValidUTF8(strings.ReplaceAll(f.Name, `\`, "/"), "_")
		base := entry[strings.LastIndex(entry, "/")+1:]
		switch {
		case f.FileInfo().IsDir() || base == "":
			continue
		case strings.HasPrefix(entry, "__MACOSX/") || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$"):
			continue // a Mac's resource forks, hidden and lock files
		case budget.Spent() || !budget.Take():
			notTaken.Add(base)
			continue
		case strings.EqualFold(filepath.Ext(base), ".zip"):
			nested.Add(base)
			continue
		}
		b, err := budget.Read(f)
		switch {
		case errors.Is(err, intake.ErrZipFileTooLarge):
			tooLarge.Add(base)
			continue
		case errors.Is(err, intake.ErrZipSpent):
			notTaken.Add(base)
			continue
		case err != nil:
			damaged.Add(base)
			continue
		}
		safe, err := SafeName(base)
		if err != nil {
			failed.Add(base)
			continue
		}
		if same, since := sameFile(st.dir, b); same != "" {
			rc.Files = append(rc.Files, Received{Sent: base, Stored: same, Same: true, Since: since})
			continue
		}
		if same := st.staged(b); same != "" {
			// The same bytes twice in one zip: stored once.
			rc.Files = append(rc.Files, Received{Sent: base, Stored: same, Same: true, Since: st.at})
			continue
		}
		stored, err := st.add(safe, b)
		if err != nil {
			failed.Add(base)
			storeErr = err.Error()
			continue
		}
		rc.Files = append(rc.Files, Received{Sent: base, Stored: stored})
	}
	if notTaken.Len() > 0 {
		rc.Notes = append(rc.Notes, fmt.Sprintf("tệp nén «%s» vượt mức nhận (%s): không lấy %d tệp (%s). Giải nén rồi gửi lên từng phần.", zipName, intake.ZipLimitsText(), notTaken.Len(), notTaken.String()))
	}
	if tooLarge.Len() > 0 {
		rc.Notes = append(rc.Notes, fmt.Sprintf("trong tệp nén «%s», không lấy %s vì lớn hơn %d MB.", zipName, tooLarge.String(), MaxReceivedSize>>20))
	}
	if damaged.Len() > 0 {
		rc.Notes = append(rc.Notes, fmt.Sprintf("không lấy được %d tệp trong tệp nén «%s» (%s): tệp nén bị hỏng, chưa tải về hết hoặc đặt mật khẩu. Tải lại tệp nén, hoặc đề nghị đơn vị gửi lại.", damaged.Len(), zipName, damaged.String()))
	}
	if failed.Len() > 0 {
		note := fmt.Sprintf("không lưu được %d tệp của tệp nén «%s» (%s)", failed.Len(), zipName, failed.String())
		if storeErr != "" {
			note += ": " + storeErr
		} else {
			note += ": tên tệp không dùng được; đổi tên rồi gửi lên."
		}
		rc.Notes = append(rc.Notes, note)
	}
	if nested.Len() > 0 {
		rc.Notes = append(rc.Notes, fmt.Sprintf("trong tệp nén «%s» có tệp nén khác (%s): giải nén tệp đó rồi gửi lên.", zipName, nested.String()))
	}
	if len(rc.Files) == 0 && len(rc.Notes) == 0 {
		rc.Notes = append(rc.Notes, fmt.Sprintf("tệp nén «%s» không có tệp nào để đọc.", zipName))
	}
}

// staging is a set of received files written under temporary names in
// their folder, put in place together by commit. Names are chosen as
// storeNew did: name, or "name (2)", "name (3)"… when a file of that name
// (in any case or Unicode form) is there or chosen already; never over an
// existing file.
type staging struct {
	dir   string
	at    time.Time // when the files were received: their time
	taken []string
	moves []outfile.Move
	sums  map[[32]byte]string // content of each file staged -> its name
}

// staged is the name of a file staged with the same bytes as data, or "".
func (st *staging) staged(data []byte) string {
	return st.sums[sha256.Sum256(data)]
}

func newStaging(dir string, at time.Time) (*staging, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, receiveErr(dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, receiveErr(dir, err)
	}
	st := &staging{dir: dir, at: at}
	for _, e := range entries {
		st.taken = append(st.taken, e.Name())
	}
	return st, nil
}

// add writes data under a temporary name and returns the base name it
// will have.
func (st *staging) add(name string, data []byte) (string, error) {
	taken := func(n string) bool {
		for _, t := range st.taken {
			if intake.SameFileName(n, t) {
				return true
			}
		}
		return false
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxCopies; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		if taken(n) {
			continue
		}
		f, err := os.CreateTemp(st.dir, outfile.TempPrefix+"nhan-*")
		if err != nil {
			return "", receiveErr(st.dir, err)
		}
		err = f.Chmod(0o644)
		if err == nil {
			_, err = f.Write(data)
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return "", receiveErr(st.dir, err)
		}
		os.Chtimes(f.Name(), st.at, st.at)
		if err := nameCheck(st.dir, n); errors.Is(err, fs.ErrExist) {
			os.Remove(f.Name())
			st.taken = append(st.taken, n) // made there meanwhile
			continue
		} else if err != nil {
			os.Remove(f.Name())
			return "", receiveErr(st.dir, err)
		}
		st.taken = append(st.taken, n)
		st.moves = append(st.moves, outfile.Move{From: f.Name(), To: filepath.Join(st.dir, n), New: true})
		if st.sums == nil {
			st.sums = map[[32]byte]string{}
		}
		st.sums[sha256.Sum256(data)] = n
		return n, nil
	}
	return "", inputErr("thư mục %s đã có quá nhiều tệp tên «%s»: đổi tên tệp rồi gửi lên.", st.dir, name)
}

// nameCheck tries whether the system takes name in dir (a name too long
// is refused there, not when the temporary file is made).
func nameCheck(dir, name string) error {
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// commit puts every file in place in one journalled step.
func (st *staging) commit() error {
	if len(st.moves) == 0 {
		return nil
	}
	if err := outfile.Commit(st.dir, st.moves); err != nil {
		if errors.Is(err, outfile.ErrCrashed) {
			st.moves = nil // a test's kill: nothing cleaned
			return err
		}
		return receiveErr(st.dir, err)
	}
	st.moves = nil
	return nil
}

// discard removes what was not put in place.
func (st *staging) discard() {
	for _, m := range st.moves {
		os.Remove(m.From)
	}
}

// receiveErr words a failure to store a received file, naming the folder.
func receiveErr(dir string, err error) error {
	var why string
	switch {
	case errors.Is(err, fs.ErrPermission):
		why = "không có quyền ghi; chọn thư mục làm việc khác hoặc xin quyền ghi"
	case errors.Is(err, fs.ErrExist):
		why = "có một tệp chiếm chỗ thư mục; đổi tên tệp đó"
	case intake.NameTooLong(err):
		return inputErr("không lưu được tệp vào thư mục %s: tên tệp quá dài (hoặc đường dẫn thư mục quá dài); đổi tên tệp cho ngắn lại (ví dụ KT-2026-Q1.xlsx) rồi gửi lại.", dir)
	case errors.Is(err, syscall.ENOSPC):
		why = "ổ đĩa đầy; xóa bớt tệp hoặc chọn thư mục làm việc ở ổ khác"
	default:
		why = "ổ đĩa bị khóa ghi hoặc lỗi hệ thống"
	}
	return inputErr("không lưu được tệp vào thư mục %s: %s.", dir, why)
}

// Folders are the nhan-ve folders whose files count for p: its own and,
// for a half, nine months or a year, those of its quarters (a unit that
// sent only quarterly forms is reported from them).
func (w *Workspace) Folders(p period.Period) []period.Period {
	out := []period.Period{p}
	if p.Kind != period.Quarter {
		out = append(out, p.Quarters()...)
	}
	return out
}

// ReceivedFiles lists the files received for p, from every folder of
// Folders(p) that exists: all but hidden files (the assignments, temporary
// files) and zips (their files were taken out beside them).
func (w *Workspace) ReceivedFiles(p period.Period) []string {
	var out []string
	for _, f := range w.Folders(p) {
		dir := w.ReceivedDir(f)
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if !e.Type().IsRegular() || strings.HasPrefix(n, ".") || strings.EqualFold(filepath.Ext(n), ".zip") {
				continue
			}
			out = append(out, filepath.Join(dir, n))
		}
	}
	return out
}

// Assignments are the units the office gave to files of folder p that do
// not say whose they are: base name to unit code. Entries whose file is no
// longer there are left out.
func (w *Workspace) Assignments(p period.Period) map[string]string {
	return readAssignments(w.ReceivedDir(p))
}

// readAssignments reads the assignments kept in dir (the received files',
// or those set aside, which keep theirs for when they are put back).
func readAssignments(dir string) map[string]string {
	b, err := os.ReadFile(filepath.Join(dir, AssignmentsFile))
	if err != nil {
		return map[string]string{}
	}
	var m map[string]string
	if json.Unmarshal(b, &m) != nil || m == nil {
		return map[string]string{}
	}
	for name := range m {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil || name != filepath.Base(name) {
			delete(m, name)
		}
	}
	return m
}

// UnitOf gathers the assignments of every folder that counts for p, the
// period's own first.
func (w *Workspace) UnitOf(p period.Period) map[string]string {
	out := map[string]string{}
	for _, f := range w.Folders(p) {
		for name, unit := range w.Assignments(f) {
			if _, ok := out[name]; !ok {
				out[name] = unit
			}
		}
	}
	return out
}

// Assign records that the file name in folder p's nhan-ve is unit's; an
// empty unit removes the assignment. The file must be there and the unit
// one that reports; the record is written whole.
func (w *Workspace) Assign(c *catalog.Catalog, p period.Period, name, unit string) error {
	w.files.Lock()
	defer w.files.Unlock()
	// Another program on the same workspace waits: its update and this
	// one both stay.
	unlock, err := outfile.Lock(w.Root)
	if err != nil {
		return receiveErr(w.Root, err)
	}
	defer unlock()
	dir := w.ReceivedDir(p)
	if name != filepath.Base(name) || strings.HasPrefix(name, ".") || name == "" {
		return inputErr("tên tệp «%s» không hợp lệ.", name)
	}
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		return inputErr("không có tệp «%s» trong các tệp đã nhận của %s.", name, p.Name())
	}
	if unit != "" {
		u := c.Unit(unit)
		if u == nil || !slices.Contains(c.ReportingUnits(), u) {
			return inputErr("không có đơn vị mã «%s» trong danh sách đơn vị báo cáo.", unit)
		}
	}
	m := w.Assignments(p)
	if unit == "" {
		delete(m, name)
	} else {
		m[name] = unit
	}
	return outfile.WriteAll(assignmentsFile(dir, m))
}

// assignmentsFile is the record of the assignments m kept in dir.
func assignmentsFile(dir string, m map[string]string) outfile.File {
	b, _ := json.MarshalIndent(m, "", "  ") // a map of strings always marshals
	return outfile.File{Path: filepath.Join(dir, AssignmentsFile), Data: append(b, '\n')}
}

// BusyError is a build asked for while another of the same period runs.
type BusyError struct {
	Period period.Period
	Since  time.Time
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("báo cáo %s đang được lập (bắt đầu lúc %s), có thể ở một cửa sổ khác: chờ xong rồi tải lại trang để xem kết quả.", e.Period.Name(), e.Since.Format("15:04:05"))
}

// Lock marks a build of p as running until unlock is called; a *BusyError
// when one already is. Report and Reminder take it themselves.
func (w *Workspace) Lock(p period.Period) (unlock func(), err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if since, ok := w.busy[p]; ok {
		return nil, &BusyError{Period: p, Since: since}
	}
	if w.busy == nil {
		w.busy = map[period.Period]time.Time{}
	}
	w.busy[p] = time.Now()
	return func() {
		w.mu.Lock()
		delete(w.busy, p)
		w.mu.Unlock()
	}, nil
}

// request is the build of p from what the workspace received.
func (w *Workspace) request(p period.Period, now time.Time) ReportRequest {
	return ReportRequest{
		Period: p, In: w.ReceivedFiles(p), OutDir: w.Root, Now: now,
		UnitOf: w.UnitOf(p), PDF: true, FromPage: true, Warm: w.Soffice, Cache: w.readCache(),
		Inputs: w.inputs(p),
	}
}
