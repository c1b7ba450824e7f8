package outfile

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// JournalName is the file, in the folder of a set of files being put in
// place, that lists the moves still to make: written (and flushed) once
// every file is on disk under a temporary name, removed once every file
// has its name. A program killed between the two leaves it, and Recover
// makes the rest of the moves, so that the set is all old or all new.
const JournalName = ".baocao-dang-ghi.json"

// TempPrefix begins the name of every temporary file or folder: what a
// program killed half-way leaves, and Recover removes.
const TempPrefix = ".tmp-"

// CrashAfter, for tests only, stops Commit after that many moves as a
// kill would, the journal left in place; -1 (always, outside tests) never.
var CrashAfter = -1

// ErrCrashed is Commit's error when CrashAfter stopped it.
var ErrCrashed = errors.New("outfile: stopped as by a kill (test)")

// Move is one file to put in place: From, a temporary file on disk, is
// renamed To.
type Move struct {
	From string `json:"tu"`
	To   string `json:"den"`
	// New forbids replacing a file of that name: one made there by
	// another program in the meantime is kept, and the move fails.
	New bool `json:"moi,omitempty"`
}

// Commit renames every move's From to its To, as one step that survives a
// kill: the moves are journalled in dir first. Paths in the journal are
// relative to dir where they can be.
func Commit(dir string, moves []Move) error {
	rel := make([]Move, len(moves))
	for i, m := range moves {
		rel[i] = Move{From: relTo(dir, m.From), To: relTo(dir, m.To), New: m.New}
	}
	b, _ := json.Marshal(rel)
	journal := filepath.Join(dir, JournalName)
	tmp, err := os.CreateTemp(dir, TempPrefix+"nhat-ky-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), journal)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	syncDir(dir)
	for i, m := range moves {
		if i == CrashAfter {
			return ErrCrashed // as a kill here would: the journal stays
		}
		if err := move(m); err != nil {
			// Undo the journal: the moves made stay, the rest is
			// cleaned as temporary files.
			os.Remove(journal)
			return &moveError{to: m.To, err: err}
		}
	}
	syncDir(dir)
	return os.Remove(journal)
}

type moveError struct {
	to  string
	err error
}

func (e *moveError) Error() string { return e.to + ": " + e.err.Error() }
func (e *moveError) Unwrap() error { return e.err }

// move makes one move: a rename, or for a New one a hard link then the
// temporary name removed (a link never replaces), or where the disk has
// no links (FAT) a rename after looking.
func move(m Move) error {
	if !m.New {
		return os.Rename(m.From, m.To)
	}
	err := os.Link(m.From, m.To)
	if err == nil {
		return os.Remove(m.From)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(m.To); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(m.From, m.To)
}

func relTo(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported everywhere (Windows): best effort
		d.Close()
	}
}

// Recover finishes in dir what a program killed half-way left: the moves
// of a journal are made (those whose temporary file is still there), then
// every temporary file or folder (TempPrefix) is removed. It returns the
// names put in place. Call it with the folder's writers kept out (Lock).
func Recover(dir string) (done []string, err error) {
	journal := filepath.Join(dir, JournalName)
	if b, rerr := os.ReadFile(journal); rerr == nil {
		var moves []Move
		if json.Unmarshal(b, &moves) == nil {
			for _, m := range moves {
				from, to := abs(dir, m.From), abs(dir, m.To)
				if _, serr := os.Stat(from); serr != nil {
					continue // made before the kill
				}
				if merr := move(Move{From: from, To: to, New: m.New}); merr != nil && err == nil {
					err = merr
				} else if merr == nil {
					done = append(done, to)
				}
			}
		}
		if err == nil {
			os.Remove(journal)
		}
	} else if !errors.Is(rerr, fs.ErrNotExist) {
		return nil, rerr
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), TempPrefix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	return done, err
}

func abs(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}
