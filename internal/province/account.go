package province

import (
	"strings"
	"time"

	"baocao/internal/period"
)

// CurrentPeriod is the period the province gathers on the day of now: the
// last quarter whose data have ended (its communes report on it a few days
// after). On 16/03/2026 it is 2026-Q1, whose data end on 14/03/2026.
// It is often the period before the one a commune's page calls current
// (cycle.CurrentPeriod: the one its communes report on now), so the
// province's page calls it «kỳ vừa hết số liệu», not «kỳ hiện tại».
func CurrentPeriod(now time.Time) period.Period {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	q := period.Period{Kind: period.Quarter, Year: now.Year() + 1, Quarter: 4}
	for !q.To().Before(day) {
		q = q.Previous()
	}
	return q
}

// FileState is what became of one file given to Read.
type FileState int

const (
	// FileUsed: the commune's attachment, rolled up.
	FileUsed FileState = iota
	// FileNotUsed: readable but left out by rule (a commune's older second
	// file, the period before's attachment kept to check figures, a file
	// the province's own roll-up wrote, a temporary file).
	FileNotUsed
	// FileRefused: an error keeps it out (another period or province, a
	// commune not in the list, the machine part removed or edited, not an
	// attachment at all).
	FileRefused
)

// FileAccount is one file given to Read, with what was said about it.
type FileAccount struct {
	File  string
	State FileState
	// Commune is the commune it is used for, or, refused, the commune of
	// the list it says it is of (nil when it says none).
	Commune *Commune
	// ModTime is when it was saved, when it is used or names its commune.
	ModTime time.Time
	// Problems are the errors and warnings about the file (and about the
	// files in it, when it is a zip).
	Problems []Problem
}

// Account is what came in for a period, file by file and commune by
// commune: the one account a front end shows in every step.
type Account struct {
	Rollup *Rollup
	Files  []FileAccount // in the order given
}

// Sent counts the communes whose attachment is used.
func (a *Account) Sent() int { return len(a.Rollup.Data.Communes) - len(a.Rollup.Missing) }

// NewAccount reads files (each a workbook or a zip) for p and rolls them
// up; (*Cache).Account does the same through a cache.
func NewAccount(d *Data, p period.Period, files []string) *Account {
	return (*Cache)(nil).Account(d, p, files)
}

// Refused is the latest file refused that commune code sent: one saved
// after the attachment used for it, or any when none is used. The
// commune sent again and that file has an error, which the front end
// says beside the file in use. Nil when there is none.
func (a *Account) Refused(code string) *FileAccount {
	var since time.Time
	for _, row := range a.Rollup.Communes {
		if row.Commune.Code == code && row.Sent() {
			since = row.Attachment.ModTime
		}
	}
	var out *FileAccount
	for i := range a.Files {
		f := &a.Files[i]
		if f.State != FileRefused || f.Commune == nil || f.Commune.Code != code {
			continue
		}
		if !since.IsZero() && !f.ModTime.After(since) {
			continue
		}
		if out == nil || f.ModTime.After(out.ModTime) {
			out = f
		}
	}
	return out
}

// Files says, for each of files given to Read that gave rec, whether it is
// used, for which commune, and what was said about it.
func Files(rec *Received, files []string) []FileAccount {
	used := map[string]*Attachment{}
	for _, a := range rec.Attachments {
		used[a.File] = a
	}
	out := make([]FileAccount, 0, len(files))
	for _, f := range files {
		fa := FileAccount{File: f, State: FileNotUsed}
		for _, p := range rec.Problems {
			if p.File == f || strings.HasPrefix(p.File, f+"/") {
				fa.Problems = append(fa.Problems, p)
				if p.Severity == Error {
					fa.State = FileRefused
				}
			}
		}
		if a := used[f]; a != nil {
			c := a.Commune
			fa.State, fa.Commune, fa.ModTime = FileUsed, &c, a.ModTime
		} else if n, ok := rec.Named[f]; ok && fa.State == FileRefused {
			c := n.Commune
			fa.Commune, fa.ModTime = &c, n.ModTime
		}
		out = append(out, fa)
	}
	return out
}
