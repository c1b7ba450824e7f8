//go:build unix

package soffice

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// A fake soffice for ConvertAll is called as
//
//	soffice -env:UserInstallation=URL --headless --norestore --nolockcheck \
//		--convert-to FORMAT --outdir OUT SRC1 SRC2 ...
//
// so after `shift 8` the inputs are "$@".

// fakeBatch makes a fake soffice that logs each call as one line to
// $FAKE_LOG and converts each input it is given by prefixing "%PDF-1.6 ",
// except inputs whose content is "hỏng".
func fakeBatch(t *testing.T) (bin, log string) {
	t.Helper()
	log = filepath.Join(t.TempDir(), "log")
	t.Setenv("FAKE_LOG", log)
	bin = fakeSoffice(t, `out="$8"; shift 8
echo "$#" >> "$FAKE_LOG"
mkdir -p "$out"
for f in "$@"; do
	b=$(basename "$f"); b=${b%.*}
	echo "convert $f -> $out/$b.pdf using filter : writer_pdf_Export"
	if [ "$(cat "$f")" != "hỏng" ]; then { printf '%%PDF-1.6 '; cat "$f"; } > "$out/$b.pdf"; fi
done`)
	return bin, log
}

// TestConvertAllOneProcess: three documents go to one LibreOffice process,
// and each result is its own document's, in order, with progress told as
// each begins.
func TestConvertAllOneProcess(t *testing.T) {
	privateTemp(t)
	bin, log := fakeBatch(t)
	docs := []Doc{{".docx", []byte("báo cáo")}, {".XLSX", []byte("tổng hợp")}, {"docx", []byte("công văn")}}
	var mu sync.Mutex
	var seen []int
	res := ConvertAll(context.Background(), bin, docs, PDF, func(i int) {
		mu.Lock()
		seen = append(seen, i)
		mu.Unlock()
	})
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	for i, want := range []string{"%PDF-1.6 báo cáo", "%PDF-1.6 tổng hợp", "%PDF-1.6 công văn"} {
		if res[i].Err != nil || string(res[i].Data) != want {
			t.Errorf("result %d: %q, %v; want %q", i, res[i].Data, res[i].Err, want)
		}
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != "3" {
		t.Errorf("LibreOffice calls (files each): %q, want one call with 3 files", got)
	}
	if !slices.Equal(seen, []int{1, 2, 3}) {
		t.Errorf("progress %v, want [1 2 3]", seen)
	}
}

// TestConvertAllOneFails: a document LibreOffice makes nothing of gets its
// own one-line message; the others are converted.
func TestConvertAllOneFails(t *testing.T) {
	privateTemp(t)
	bin, _ := fakeBatch(t)
	docs := []Doc{{".docx", []byte("báo cáo")}, {".xlsx", []byte("hỏng")}, {".docx", []byte("công văn")}}
	res := ConvertAll(context.Background(), bin, docs, PDF, nil)
	if res[0].Err != nil || res[2].Err != nil {
		t.Errorf("the good documents failed: %v; %v", res[0].Err, res[2].Err)
	}
	var e *Error
	if !errors.As(res[1].Err, &e) {
		t.Fatalf("the broken document: %v (%T)", res[1].Err, res[1].Err)
	}
	if want := "không chuyển được tệp .xlsx sang PDF: LibreOffice chạy xong nhưng không tạo ra tệp PDF"; e.Error() != want {
		t.Errorf("message %q, want %q", e.Error(), want)
	}
	if res[1].Data != nil {
		t.Error("a failed document has data")
	}
}

// TestConvertAllCrash: LibreOffice dying fails every document, each with
// one Vietnamese line, without LibreOffice's dump.
func TestConvertAllCrash(t *testing.T) {
	privateTemp(t)
	bin := fakeSoffice(t, "cat >&2 <<'EOF'\n"+crashDump+"\nEOF\nexit 134")
	res := ConvertAll(context.Background(), bin, []Doc{{".docx", template(t)}, {".xlsx", []byte("x")}}, PDF, nil)
	for i, ext := range []string{".docx", ".xlsx"} {
		err := res[i].Err
		if err == nil {
			t.Fatalf("%s: no error", ext)
		}
		want := "không chuyển được tệp " + ext + " sang PDF: LibreOffice dừng đột ngột (mã thoát 134)"
		if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "Fatal") {
			t.Errorf("%s: %q, want %q", ext, err, want)
		}
		if !strings.Contains(errors.Unwrap(err).Error(), "Fatal exception") {
			t.Errorf("%s: the wrapped error lacks LibreOffice's output", ext)
		}
	}
}

// TestConvertAllTimeout: a hanging LibreOffice is killed after Timeout, for
// the batch as a whole, and every document says so.
func TestConvertAllTimeout(t *testing.T) {
	privateTemp(t)
	saved := Timeout
	Timeout = 300 * time.Millisecond
	t.Cleanup(func() { Timeout = saved })
	bin := fakeSoffice(t, "sleep 60 & wait")
	start := time.Now()
	res := ConvertAll(context.Background(), bin, []Doc{{".docx", []byte("a")}, {".xlsx", []byte("b")}}, PDF, nil)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("returned after %v", d)
	}
	for i, ext := range []string{".docx", ".xlsx"} {
		want := "LibreOffice không trả lời sau 0,3 giây khi chuyển tệp " + ext + " sang PDF; đóng mọi cửa sổ LibreOffice rồi chạy lại"
		if res[i].Err == nil || res[i].Err.Error() != want || !errors.Is(res[i].Err, context.DeadlineExceeded) {
			t.Errorf("%s: %v, want %q", ext, res[i].Err, want)
		}
	}
}

// TestConvertAllNotFound: without LibreOffice every document has ErrNotFound.
func TestConvertAllNotFound(t *testing.T) {
	res := ConvertAll(context.Background(), "", []Doc{{".docx", nil}, {".xlsx", nil}}, PDF, nil)
	for i := range res {
		if !errors.Is(res[i].Err, ErrNotFound) {
			t.Errorf("%d: %v", i, res[i].Err)
		}
	}
	if ConvertAll(context.Background(), "", nil, PDF, nil) != nil {
		t.Error("results for no document")
	}
}

// TestConvertAllReal: the real LibreOffice converts a Word document and a
// workbook in one call, each to its own PDF.
func TestConvertAllReal(t *testing.T) {
	bin := realSoffice(t)
	var mu sync.Mutex
	var seen []int
	res := ConvertAll(context.Background(), bin, []Doc{{".docx", template(t)}, {".xlsx", workbook(t)}}, PDF, func(i int) {
		mu.Lock()
		seen = append(seen, i)
		mu.Unlock()
	})
	for i := range res {
		if res[i].Err != nil {
			t.Fatalf("%d: %v\n%v", i, res[i].Err, errors.Unwrap(res[i].Err))
		}
	}
	checkPDF(t, res[0].Data, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	checkPDF(t, res[1].Data, xaXop, "Văn phòng HĐND và UBND")
	if !slices.Equal(seen, []int{1, 2}) {
		t.Errorf("progress %v, want [1 2]", seen)
	}
}
