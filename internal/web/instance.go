package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"time"
)

// One page per workspace, across restarts (issue 22):
//   - the secret of the page's address is kept in the workspace
//     (SecretFile, readable by its owner alone), so that a bookmark, an old
//     tab and the printed address keep working when the program starts
//     again, for this user; others and other hosts stay refused;
//   - a running page holds LockFile in the workspace, with its address,
//     from the moment it listens until it ends; a second start on the same
//     workspace finds it, asks the page whether it answers (with the
//     secret, so that only this workspace's page counts), and opens it
//     rather than starting a second server. A lock left by a program that
//     died answers nothing and is taken over.

// Files of the page kept in the workspace.
const (
	SecretFile = ".baocao-khoa"
	LockFile   = ".baocao-dang-mo.json"
	OpenerFile = ".baocao-mo-trang.html"
)

// Opener writes OpenerFile in workspace, the owner's alone (0600): a page
// that sends the browser on to url, the page's address with the secret.
// The browser is given this file's path rather than url, so that the
// secret is on no process's command line (xdg-open's, the browser's),
// which other users of the machine can read.
func Opener(workspace, url string) (string, error) {
	path := filepath.Join(workspace, OpenerFile)
	esc := html.EscapeString(url)
	page := "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n" +
		"<meta http-equiv=\"refresh\" content=\"0; url=" + esc + "\">\n" +
		"<meta name=\"referrer\" content=\"no-referrer\">\n" +
		"<title>baocao</title></head>\n<body><p>Đang mở trang làm việc của văn phòng… Nếu trang không tự mở, bấm <a href=\"" + esc + "\">vào đây</a>.</p></body></html>\n"
	tmp, err := os.CreateTemp(workspace, OpenerFile+".*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return "", err
	}
	if _, err := tmp.WriteString(page); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	return path, nil
}

var secretPattern = regexp.MustCompile(`^[0-9a-f]{48}$`)

// Secret returns the workspace's secret, making it (24 random bytes, in
// hex) on first use. The file is the owner's alone (0600); one found with
// wider rights is narrowed, one that does not hold a secret is replaced.
func Secret(workspace string) (string, error) {
	path := filepath.Join(workspace, SecretFile)
	if b, err := os.ReadFile(path); err == nil {
		if s := string(b); secretPattern.MatchString(s) {
			if runtime.GOOS != "windows" {
				if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o600 {
					if err := os.Chmod(path, 0o600); err != nil {
						return "", fmt.Errorf("giới hạn quyền đọc tệp %s: %w", path, err)
					}
				}
			}
			return s, nil
		}
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	s := hex.EncodeToString(b)
	// Written whole beside, then renamed: a start that dies half-way
	// leaves the old secret or the new one, never a part.
	tmp, err := os.CreateTemp(workspace, SecretFile+".*")
	if err != nil {
		return "", fmt.Errorf("không ghi được mã của trang vào thư mục làm việc %s: %w", workspace, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return "", err
	}
	if _, err := tmp.WriteString(s); err != nil {
		tmp.Close()
		return "", fmt.Errorf("không ghi được mã của trang vào thư mục làm việc %s: %w", workspace, err)
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("không ghi được mã của trang vào thư mục làm việc %s: %w", workspace, err)
	}
	return s, nil
}

// lockInfo is what LockFile holds.
type lockInfo struct {
	Addr    string    `json:"dia_chi"` // 127.X.Y.Z:PORT
	PID     int       `json:"pid"`     // for whoever looks; not relied on
	Started time.Time `json:"bat_dau"`
}

// pageURL is the address of the page at addr with the secret.
func pageURL(addr, secret string) string {
	return "http://" + addr + "/?" + TokenParam + "=" + secret
}

// Running returns the address (with the secret) of the page that serves
// workspace now, or "" when none does: no lock, or a lock whose page does
// not answer as this workspace's.
func Running(workspace, secret string) string {
	info, err := readLock(workspace)
	if err != nil {
		return ""
	}
	if !answers(info.Addr, secret) {
		return ""
	}
	return pageURL(info.Addr, secret)
}

func readLock(workspace string) (lockInfo, error) {
	var info lockInfo
	b, err := os.ReadFile(filepath.Join(workspace, LockFile))
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(b, &info); err != nil {
		return info, err
	}
	if _, _, err := net.SplitHostPort(info.Addr); err != nil {
		return info, err
	}
	return info, nil
}

// probeTimeout bounds the question to a page that may be gone.
var probeTimeout = 3 * time.Second

// answers tells whether the page at addr answers with this secret: a page
// of another workspace, or another program on the port, does not.
func answers(addr, secret string) bool {
	host, port, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || ip.To4() == nil || !ip.IsLoopback() {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/api/phien-ban", nil)
	if err != nil {
		return false
	}
	req.AddCookie(&http.Cookie{Name: "baocao_khoa_" + port, Value: secret})
	res, err := (&http.Client{Transport: &http.Transport{Proxy: nil}}).Do(req)
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// Claim makes this program, listening at addr, the page of workspace: it
// writes LockFile and returns the function that removes it (when the
// program ends). When another page of the workspace answers already, it
// writes nothing and returns that page's address as running. A lock whose
// page is gone is taken over.
func Claim(workspace, addr, secret string) (release func(), running string, err error) {
	path := filepath.Join(workspace, LockFile)
	mine := lockInfo{Addr: addr, PID: os.Getpid(), Started: time.Now()}
	data, _ := json.Marshal(mine)
	for attempt := 0; attempt < 5; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			_, werr := f.Write(data)
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(path)
				return nil, "", fmt.Errorf("không ghi được tệp %s: %w", path, werr)
			}
			return func() {
				// Only our own lock: a later start may have taken over.
				if info, err := readLock(workspace); err == nil && info.Addr == mine.Addr && info.PID == mine.PID && info.Started.Equal(mine.Started) {
					os.Remove(path)
				}
			}, "", nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", fmt.Errorf("không ghi được tệp %s: %w", path, err)
		}
		info, rerr := readLock(workspace)
		if rerr != nil {
			// Being written by a start at the same moment, or broken:
			// wait a little; a broken one goes on the next round.
			if attempt < 2 {
				time.Sleep(100 * time.Millisecond)
				continue
			}
		} else if answers(info.Addr, secret) {
			return nil, pageURL(info.Addr, secret), nil
		}
		// A page that died: take its lock over.
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("không xóa được tệp khóa cũ %s: %w", path, err)
		}
	}
	return nil, "", fmt.Errorf("không giữ được tệp %s: nhiều chương trình baocao cùng mở một thư mục làm việc", path)
}
