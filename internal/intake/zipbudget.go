package intake

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"baocao/internal/vntext"
)

// The one policy for the zips that come in, on the page (which stores
// their files under nhan-ve) and on the command line (which reads them in
// memory): how many of a zip's files are looked at, how large one file may
// be once unpacked, and how many bytes may be unpacked in all. A file's
// bytes count against the total as they are inflated, whatever its header
// declares, and even when the file then fails its checksum: so the work of
// one zip, or of one upload of several, is bounded in entries, bytes and
// CPU alike.
const (
	ZipMaxFiles      = 200       // files of a zip looked at
	ZipMaxFileBytes  = 20 << 20  // one file, once unpacked
	ZipMaxTotalBytes = 200 << 20 // all files unpacked from one zip (or one upload)
	// zipMaxNamed is how many files one message names; the others are
	// counted.
	zipMaxNamed = 10
)

// Why a zip's file is not unpacked.
var (
	// ErrZipFileTooLarge: the file is above ZipMaxFileBytes.
	ErrZipFileTooLarge = errors.New("intake: zip entry above the size limit")
	// ErrZipSpent: the budget's bytes are spent.
	ErrZipSpent = errors.New("intake: zip budget spent")
	// ErrZipDamaged: the entry cannot be inflated or fails its checksum.
	ErrZipDamaged = errors.New("intake: zip entry damaged")
)

// ZipBudget bounds the work of unpacking: files looked at and bytes
// inflated. One budget serves one zip on the command line, and every zip
// of one upload on the page. It is safe for concurrent use.
type ZipBudget struct {
	mu    sync.Mutex
	files int   // left
	bytes int64 // left
}

// NewZipBudget is a budget of ZipMaxFiles files and ZipMaxTotalBytes.
func NewZipBudget() *ZipBudget {
	return &ZipBudget{files: ZipMaxFiles, bytes: ZipMaxTotalBytes}
}

// Take counts one file looked at; false when ZipMaxFiles have been.
func (b *ZipBudget) Take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.files <= 0 {
		return false
	}
	b.files--
	return true
}

// Spent tells whether nothing more may be unpacked.
func (b *ZipBudget) Spent() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.files <= 0 || b.bytes <= 0
}

// Read unpacks f within the budget: at most ZipMaxFileBytes, and no more
// than the bytes left. A header that declares too much is refused without
// inflating anything.
func (b *ZipBudget) Read(f *zip.File) ([]byte, error) {
	b.mu.Lock()
	left := b.bytes
	b.mu.Unlock()
	if f.UncompressedSize64 > ZipMaxFileBytes {
		return nil, ErrZipFileTooLarge
	}
	if left <= 0 || f.UncompressedSize64 > uint64(left) {
		return nil, ErrZipSpent
	}
	limit := min(int64(ZipMaxFileBytes), left)
	rc, err := f.Open()
	if err != nil {
		return nil, ErrZipDamaged
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	b.mu.Lock()
	b.bytes -= min(int64(len(data)), limit)
	b.mu.Unlock()
	switch {
	case int64(len(data)) > limit && limit == ZipMaxFileBytes:
		return nil, ErrZipFileTooLarge
	case int64(len(data)) > limit:
		return nil, ErrZipSpent
	case err != nil:
		return nil, ErrZipDamaged
	}
	return data, nil
}

// NameList gathers the names of files for one message: the first
// zipMaxNamed are named, the others counted. Adding is constant time, so a
// zip of a hundred thousand bad entries costs no more to tell than ten.
type NameList struct {
	names []string
	n     int
}

// Add counts name (as the zip writes it: cleaned when shown), keeping it
// to be named if there is room.
func (l *NameList) Add(name string) {
	l.n++
	if len(l.names) < zipMaxNamed {
		l.names = append(l.names, name)
	}
}

// Len is the number of names added.
func (l *NameList) Len() int { return l.n }

// String names the files: «a.xlsx», «b.xlsx» và 95 tệp khác.
func (l *NameList) String() string {
	var b strings.Builder
	for i, name := range l.names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("«")
		b.WriteString(shorten(vntext.Clean(vntext.FileName(name)), 80))
		b.WriteString("»")
	}
	if rest := l.n - len(l.names); rest > 0 {
		fmt.Fprintf(&b, " và %d tệp khác", rest)
	}
	return b.String()
}

// ZipLimitsText says the policy in words, for messages.
func ZipLimitsText() string {
	return fmt.Sprintf("mỗi tệp nén chỉ xem %d tệp đầu, mỗi tệp tối đa %d MB và cả tệp nén tối đa %d MB khi giải nén", ZipMaxFiles, ZipMaxFileBytes>>20, ZipMaxTotalBytes>>20)
}
