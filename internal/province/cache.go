package province

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"

	"baocao/internal/memo"
	"baocao/internal/period"
)

// Cache keeps what reading each workbook gave, so that the province's
// page, which shows the account of a period on every view and upload,
// reads a file once (issue 24) and then only the files new or changed. An
// entry is found by the workbook's content (SHA-256), the province's data
// (a hash of what reading a file uses of them) and the period: another
// file, an edit of xa.csv or another period reads it again; a rename or a
// new modification time does not (the file's name and time are given to
// the reading found). Two readers of the same content at once read it
// once, the second waiting for the first; readers of other files never
// wait. Reading through a Cache gives what reading without one gives. A
// Cache is safe for concurrent use; a nil *Cache keeps nothing.
type Cache struct{ memo *memo.Cache[result] }

// NewCache keeps the readings of up to max workbooks (the least recently
// used goes first).
func NewCache(max int) *Cache { return &Cache{memo: memo.New[result](max)} }

// Reads is the number of workbooks the cache read rather than found.
func (c *Cache) Reads() int {
	if c == nil {
		return 0
	}
	return c.memo.Misses()
}

// Read is Read, through the cache.
func (c *Cache) Read(d *Data, p period.Period, paths ...string) *Received {
	return read(c, d, p, paths...)
}

// Account is NewAccount, through the cache.
func (c *Cache) Account(d *Data, p period.Period, files []string) *Account {
	rec := c.Read(d, p, files...)
	return &Account{Rollup: Roll(d, p, rec), Files: Files(rec, files)}
}

// dataKey is a hash of what reading a workbook uses of d (the province,
// its communes, its indicators), "" when it cannot be made (then nothing
// is kept).
func dataKey(d *Data) string {
	b, err := json.Marshal(struct {
		Province   string
		Communes   any
		Indicators any
	}{d.Province, d.Communes, d.Indicators})
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// read reads j as readOne does, or finds its reading; key is the data's
// and the period's part of the key.
func (c *Cache) read(j job, key string, d *Data, index *communeIndex, p period.Period) result {
	if c == nil || key == "" {
		return readOne(j, d, index, p)
	}
	if j.data == nil {
		b, err := os.ReadFile(j.file)
		if err != nil {
			return readOne(j, d, index, p) // which says why
		}
		j.data = b
	}
	h := sha256.Sum256(j.data)
	r := c.memo.Do(string(h[:])+"\x00"+key, func() (result, bool) {
		return readOne(j, d, index, p).as(job{}), true
	})
	return r.as(j)
}

// as is r said of the file j: its name and saved time given to what
// reading it gave, copied so that no two readings share what Read changes.
func (r result) as(j job) result {
	out := result{previous: r.previous, named: r.named, problems: slices.Clone(r.problems)}
	for i := range out.problems {
		out.problems[i].File = j.file
	}
	if r.att != nil {
		a := *r.att
		a.File, a.ModTime = j.file, j.mod
		out.att = &a
	}
	return out
}
