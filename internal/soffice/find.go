package soffice

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// EnvVar names the environment variable that may hold the path of soffice.
const EnvVar = "BAOCAO_SOFFICE"

// ErrNotFound is returned by Find when LibreOffice is nowhere to be found.
var ErrNotFound = errors.New("không tìm thấy LibreOffice (soffice) trên máy này: cài LibreOffice (https://www.libreoffice.org/download/) hoặc chỉ đường dẫn tới tệp soffice bằng tùy chọn --soffice hay biến môi trường " + EnvVar)

// Find returns the soffice program: explicit (a --soffice flag) if not empty,
// else the one named by the environment variable BAOCAO_SOFFICE, else soffice
// or libreoffice on PATH, else the usual install places: on Windows
// LibreOffice\program\soffice.exe under Program Files (64 and 32 bit), on
// macOS /Applications/LibreOffice.app/Contents/MacOS/soffice. explicit and
// the variable may also name the folder LibreOffice is installed in.
//
// It returns ErrNotFound when there is none. A path given explicitly (or in
// the variable) that holds no program is an error naming it, not
// ErrNotFound: the user asked for that one.
func Find(explicit string) (string, error) {
	if explicit != "" {
		return lookExplicit(explicit, "tùy chọn --soffice")
	}
	if env := os.Getenv(EnvVar); env != "" {
		return lookExplicit(env, "biến môi trường "+EnvVar)
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range installPlaces(runtime.GOOS, os.Getenv) {
		if isProgram(p) {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// lookExplicit finds the program the user named in source: a path, a name
// on PATH, or the folder LibreOffice is installed in.
func lookExplicit(name, source string) (string, error) {
	st, err := os.Stat(name)
	if err != nil && runtime.GOOS == "windows" && filepath.Ext(name) == "" {
		if st2, err2 := os.Stat(name + ".exe"); err2 == nil {
			name, st, err = name+".exe", st2, nil
		}
	}
	switch {
	case err == nil && st.IsDir():
		for _, p := range []string{
			filepath.Join(name, "program", "soffice.exe"), filepath.Join(name, "soffice.exe"),
			filepath.Join(name, "program", "soffice"), filepath.Join(name, "soffice"),
			filepath.Join(name, "Contents", "MacOS", "soffice"),
		} {
			if isProgram(p) {
				return p, nil
			}
		}
		return "", &Error{Msg: fmt.Sprintf("thư mục %s (chỉ định bằng %s) không chứa chương trình soffice của LibreOffice", name, source), Err: fs.ErrNotExist}
	case err == nil:
		if !isProgram(name) {
			return "", &Error{Msg: fmt.Sprintf("tệp %s (chỉ định bằng %s) không phải chương trình chạy được", name, source), Err: fs.ErrPermission}
		}
		if abs, err := filepath.Abs(name); err == nil {
			name = abs
		}
		return name, nil
	}
	// A bare name ("soffice7.6") is looked for on PATH.
	if filepath.Base(name) == name {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", &Error{Msg: fmt.Sprintf("không tìm thấy LibreOffice tại %s (chỉ định bằng %s): không có tệp này, kiểm tra lại đường dẫn", name, source), Err: fs.ErrNotExist}
}

// installPlaces lists where LibreOffice's installers put soffice on goos.
func installPlaces(goos string, getenv func(string) string) []string {
	switch goos {
	case "windows":
		var places []string
		seen := map[string]bool{}
		for _, v := range []struct{ env, def string }{
			{"ProgramFiles", `C:\Program Files`},
			{"ProgramW6432", ""}, // the 64-bit folder, seen from a 32-bit program
			{"ProgramFiles(x86)", `C:\Program Files (x86)`},
		} {
			dir := getenv(v.env)
			if dir == "" {
				dir = v.def
			}
			if dir == "" || seen[dir] {
				continue
			}
			seen[dir] = true
			places = append(places, dir+`\LibreOffice\program\soffice.exe`)
		}
		return places
	case "darwin":
		places := []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"}
		if home := getenv("HOME"); home != "" {
			places = append(places, home+"/Applications/LibreOffice.app/Contents/MacOS/soffice")
		}
		return places
	}
	return nil
}

// isProgram tells whether p is a file that can be run.
func isProgram(p string) bool {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return false
	}
	if runtime.GOOS == "windows" {
		return true
	}
	return st.Mode().Perm()&0o111 != 0
}
