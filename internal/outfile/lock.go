package outfile

import (
	"os"
	"path/filepath"
)

// LockName is the file whose lock keeps the writers of a folder (programs
// on the same workspace) one at a time.
const LockName = ".baocao-ghi.lock"

// Lock waits until no other program (or other caller of Lock) holds dir's
// lock, and takes it until unlock is called: a read-modify-write of the
// folder's records (which unit a file is, the ledger) then loses no
// other's update. The lock is the system's (flock, LockFileEx): it goes
// with a program that dies.
func Lock(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, LockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		unlockFile(f)
		f.Close()
	}, nil
}

// FolderError words a failure to lock or write into dir as WriteAll would.
func FolderError(dir string, err error) error {
	at := blocking(dir)
	return &Error{Path: at, Err: err, msg: "không ghi được vào thư mục " + dir + ": " + reason(err, at)}
}
