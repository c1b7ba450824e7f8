package soffice

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// fakeProgram writes a file that Find takes for a program named name in dir
// (name.exe on Windows) and returns its path.
func fakeProgram(t *testing.T, dir, name string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// isolate clears every place Find looks at, so that only what a test sets
// up is found.
func isolate(t *testing.T) {
	t.Helper()
	empty := t.TempDir()
	t.Setenv("PATH", "")
	t.Setenv(EnvVar, "")
	for _, v := range []string{"ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"} {
		t.Setenv(v, empty)
	}
	if runtime.GOOS == "darwin" {
		t.Setenv("HOME", empty)
		if _, err := os.Stat("/Applications/LibreOffice.app"); err == nil {
			t.Skip("LibreOffice is installed in /Applications, which Find always finds")
		}
	}
}

func TestFind(t *testing.T) {
	onPath := t.TempDir()
	sofficeOnPath := fakeProgram(t, onPath, "soffice")
	onlyLibre := t.TempDir()
	libreoffice := fakeProgram(t, onlyLibre, "libreoffice")
	custom := fakeProgram(t, t.TempDir(), "soffice-7.6")
	install := t.TempDir()
	installed := fakeProgram(t, filepath.Join(install, "program"), "soffice")
	missing := filepath.Join(t.TempDir(), "khong-co", "soffice")

	tests := []struct {
		name     string
		path     string // PATH
		env      string // BAOCAO_SOFFICE
		explicit string
		want     string
		wantErr  []string // parts of the error message
		notExist bool     // the error is fs.ErrNotExist (and not ErrNotFound)
	}{
		{name: "soffice on PATH", path: onPath, want: sofficeOnPath},
		{name: "libreoffice on PATH", path: onlyLibre, want: libreoffice},
		{name: "soffice before libreoffice", path: onlyLibre + string(os.PathListSeparator) + onPath, want: sofficeOnPath},
		{name: "env before PATH", path: onPath, env: custom, want: custom},
		{name: "explicit before env", path: onPath, env: sofficeOnPath, explicit: custom, want: custom},
		{name: "explicit install folder", explicit: install, want: installed},
		{name: "explicit missing", path: onPath, explicit: missing, wantErr: []string{missing, "--soffice", "không tìm thấy LibreOffice"}, notExist: true},
		{name: "env missing", path: onPath, env: missing, wantErr: []string{missing, "BAOCAO_SOFFICE"}, notExist: true},
		{name: "explicit folder without soffice", explicit: onlyLibre, wantErr: []string{onlyLibre, "không chứa chương trình soffice"}, notExist: true},
		{name: "none", wantErr: []string{"không tìm thấy LibreOffice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			t.Setenv("PATH", tt.path)
			t.Setenv(EnvVar, tt.env)
			got, err := Find(tt.explicit)
			if tt.wantErr == nil {
				if err != nil || got != tt.want {
					t.Fatalf("Find(%q) = %q, %v; want %q", tt.explicit, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Find(%q) = %q, want an error", tt.explicit, got)
			}
			for _, part := range tt.wantErr {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			if tt.notExist != errors.Is(err, fs.ErrNotExist) {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v", err, !tt.notExist)
			}
			if tt.notExist == errors.Is(err, ErrNotFound) {
				t.Errorf("errors.Is(%v, ErrNotFound) = %v: a path the user gave is no reason to go on without LibreOffice", err, !tt.notExist)
			}
		})
	}
}

// TestFindInstallPlace: with nothing on PATH, Find looks where the
// installer puts LibreOffice (Windows: under %ProgramFiles%).
func TestFindInstallPlace(t *testing.T) {
	if runtime.GOOS != "windows" {
		t.Skip("the install places that a test can move are those under %ProgramFiles%, on Windows")
	}
	isolate(t)
	pf := t.TempDir()
	t.Setenv("ProgramFiles(x86)", pf)
	want := fakeProgram(t, filepath.Join(pf, "LibreOffice", "program"), "soffice")
	if got, err := Find(""); err != nil || got != want {
		t.Fatalf("Find = %q, %v; want %q", got, err, want)
	}
}

func TestInstallPlaces(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want []string
	}{
		{"windows", nil, []string{
			`C:\Program Files\LibreOffice\program\soffice.exe`,
			`C:\Program Files (x86)\LibreOffice\program\soffice.exe`,
		}},
		{"windows", map[string]string{"ProgramFiles": `D:\Ứng dụng`, "ProgramFiles(x86)": `D:\Ứng dụng (x86)`}, []string{
			`D:\Ứng dụng\LibreOffice\program\soffice.exe`,
			`D:\Ứng dụng (x86)\LibreOffice\program\soffice.exe`,
		}},
		// A 32-bit program sees the x86 folder as ProgramFiles.
		{"windows", map[string]string{"ProgramFiles": `C:\Program Files (x86)`, "ProgramW6432": `C:\Program Files`, "ProgramFiles(x86)": `C:\Program Files (x86)`}, []string{
			`C:\Program Files (x86)\LibreOffice\program\soffice.exe`,
			`C:\Program Files\LibreOffice\program\soffice.exe`,
		}},
		{"darwin", map[string]string{"HOME": "/Users/lan"}, []string{
			"/Applications/LibreOffice.app/Contents/MacOS/soffice",
			"/Users/lan/Applications/LibreOffice.app/Contents/MacOS/soffice",
		}},
		{"linux", nil, nil},
	}
	for _, tt := range tests {
		got := installPlaces(tt.goos, func(k string) string { return tt.env[k] })
		if !slices.Equal(got, tt.want) {
			t.Errorf("installPlaces(%s, %v) =\n%q\nwant\n%q", tt.goos, tt.env, got, tt.want)
		}
	}
}
