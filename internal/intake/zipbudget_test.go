package intake

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
	"time"
)

// zerosZip is a zip of n entries named name-i.xlsx, each size bytes of
// zeros, declared honestly: about 2 MB for 100 entries of 20 MB. Built
// from one deflated entry, so it is cheap to make.
func zerosZip(t testing.TB, n int, size int64, name string) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	zeros := make([]byte, 1<<20)
	crc := crc32.NewIEEE()
	for left := size; left > 0; left -= int64(len(zeros)) {
		chunk := zeros[:min(int64(len(zeros)), left)]
		fw.Write(chunk)
		crc.Write(chunk)
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range n {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("%s-%d.xlsx", name, i), Method: zip.Deflate,
			CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

// badChecksumZip is a zip of n one-byte stored entries whose checksums
// are wrong.
func badChecksumZip(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range n {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("KT-%d.xlsx", i), Method: zip.Store, CRC32: 1, CompressedSize64: 1, UncompressedSize64: 1})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	zw.Close()
	return buf.Bytes()
}

func TestZipBudget(t *testing.T) {
	zr := func(data []byte) *zip.Reader {
		r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// Twelve honest entries of 19 MB: ten fit in 200 MB, then the
	// budget says no before inflating anything more.
	b := NewZipBudget()
	var read int64
	var errs []error
	for _, f := range zr(zerosZip(t, 12, 19<<20, "KT")).File {
		if !b.Take() {
			t.Fatal("out of files")
		}
		data, err := b.Read(f)
		read += int64(len(data))
		errs = append(errs, err)
	}
	if read != 10*19<<20 || errs[9] != nil || !errors.Is(errs[10], ErrZipSpent) || !errors.Is(errs[11], ErrZipSpent) {
		t.Errorf("read %d MB, errors %v", read>>20, errs)
	}
	if b.Spent() {
		t.Errorf("10 MB are left, the budget is not spent")
	}

	// An entry declaring more than a file may is not inflated; one that
	// lies about its size stops at what it declared.
	b = NewZipBudget()
	for _, f := range zr(zerosZip(t, 1, ZipMaxFileBytes+1, "to")).File {
		if _, err := b.Read(f); !errors.Is(err, ErrZipFileTooLarge) || b.bytes != ZipMaxTotalBytes {
			t.Errorf("too large: %v, %d bytes left", err, b.bytes)
		}
	}
	lying := zerosZip(t, 1, 1<<20, "noi-doi")
	// the central directory's declared size, 1 MB, becomes 10 bytes
	lie := bytes.LastIndex(lying, []byte("PK\x01\x02"))
	copy(lying[lie+24:], []byte{10, 0, 0, 0})
	for _, f := range zr(lying).File {
		if _, err := b.Read(f); !errors.Is(err, ErrZipDamaged) || ZipMaxTotalBytes-b.bytes > 1<<10 {
			t.Errorf("lying: %v, %d bytes spent", err, ZipMaxTotalBytes-b.bytes)
		}
	}

	// Files looked at are counted, whatever becomes of them.
	b = NewZipBudget()
	for range ZipMaxFiles {
		b.Take()
	}
	if b.Take() || !b.Spent() {
		t.Error("more files than the policy")
	}
}

func TestNameList(t *testing.T) {
	var l NameList
	for i := range 100_000 {
		l.Add(fmt.Sprintf("KT-%d.xlsx", i))
	}
	got := l.String()
	if !strings.HasPrefix(got, "«KT-0.xlsx», «KT-1.xlsx»") || !strings.HasSuffix(got, "«KT-9.xlsx» và 99990 tệp khác") || l.Len() != 100_000 {
		t.Errorf("%d: %s", l.Len(), got)
	}
	l = NameList{}
	l.Add("a\u202e.xlsx")
	if got := l.String(); got != "«a.xlsx»" {
		t.Errorf("cleaned: %q", got)
	}
}

// The command line's side of the policy: a zip of 100,000 entries with bad
// checksums costs at most ZipMaxFiles entries and says so in a few lines;
// 2 MB of zeros unpack no more than ZipMaxTotalBytes.
func TestZipBoundedInTotal(t *testing.T) {
	c := loadCatalog(t)
	start := time.Now()
	subs := readZipData("thu/xau.zip", badChecksumZip(t, 100_000), time.Time{}, c, Options{})
	took := time.Since(start)
	t.Logf("100,000 bad entries: %v, %d submissions", took, len(subs))
	if len(subs) != 1+ZipMaxFiles || !hasProblem(subs[0], SeverityError, "không đọc 99800 tệp: «KT-200.xlsx»") ||
		!hasProblem(subs[0], SeverityError, "«KT-209.xlsx» và 99790 tệp khác") || len(problemsText(subs[0])) > 2000 {
		t.Errorf("%d submissions\n%s", len(subs), problemsText(subs[0]))
	}
	if !hasProblem(subs[1], SeverityError, "không lấy được tệp này ra khỏi tệp nén: tệp nén bị hỏng") || strings.Contains(problemsText(subs[1]), "checksum") {
		t.Errorf("a bad entry: %s", problemsText(subs[1]))
	}

	subs = readZipData("thu/khong.zip", zerosZip(t, 100, 20<<20, "HND"), time.Time{}, c, Options{})
	read, spent := 0, 0
	for _, s := range subs {
		switch {
		case hasProblem(s, SeverityError, "chưa đọc: tệp nén đã giải nén đến mức tối đa"):
			spent++
		case strings.HasSuffix(s.Path, ".xlsx"):
			read++
		}
	}
	if read != 10 || !hasProblem(subs[0], SeverityError, "không đọc 90 tệp: «HND-10.xlsx»") {
		t.Errorf("zeros: %d read, %d spent, %d submissions\n%s", read, spent, len(subs), problemsText(subs[0]))
	}
}
