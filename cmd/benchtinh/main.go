//go:build unix

// Command benchtinh measures the province's roll-up at scale: it makes N
// communes' attachments by running the commune's cycle (consolidate and
// summary) on varied synthetic submissions, then, for each size, runs the
// roll-up in a fresh process (read every attachment, roll up, build the
// workbook and the Word report in memory) and prints its wall time, time
// per commune and peak memory (the child's maximum resident set).
//
//	go run ./cmd/benchtinh [-dir DIR] [-sizes 100,1000,3300]
//
// The attachments are kept in DIR (default a folder under the system's
// temporary folder) and reused by later runs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"baocao"
	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/province"
	"baocao/internal/province/gen"
	"baocao/internal/summary"
)

const seed = 23

var q1 = period.MustParse("2026-Q1")

func main() {
	// one folder a version of the attachment's data, so that files of an
	// earlier version are not measured as this one's
	dir := flag.String("dir", filepath.Join(os.TempDir(), fmt.Sprintf("baocao-benchtinh-v%d", summary.DataVersion)), "thư mục giữ các bảng tổng hợp sinh ra")
	sizes := flag.String("sizes", "100,1000,3300", "các số xã cần đo, cách nhau bằng dấu phẩy")
	child := flag.Int("child", 0, "(nội bộ) chạy một lần đo với N xã")
	cpuprofile := flag.String("cpuprofile", "", "ghi hồ sơ CPU của lần đo -child vào TỆP")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if err := run(*dir, *sizes, *child); err != nil {
		fmt.Fprintln(os.Stderr, "benchtinh:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(dir, sizes string, child int) error {
	c, err := catalog.LoadFS(baocao.Data(), "(có sẵn)")
	if err != nil {
		return err
	}
	if child > 0 {
		return measure(c, dir, child)
	}
	var ns []int
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("số xã không hợp lệ: %q", s)
		}
		ns = append(ns, n)
	}
	most := slices.Max(ns)
	if err := generate(c, dir, most); err != nil {
		return err
	}
	fmt.Printf("%d lõi (GOMAXPROCS %d), %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("%8s %10s %12s %12s\n", "xã", "thời gian", "ms/xã", "bộ nhớ đỉnh")
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, n := range ns {
		cmd := exec.Command(self, "-dir", dir, "-child", strconv.Itoa(n))
		var phases bytes.Buffer
		cmd.Stderr = &phases
		start := time.Now()
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("lần đo %d xã: %w\n%s", n, err, phases.String())
		}
		wall := time.Since(start)
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		inner, _ := time.ParseDuration(strings.TrimSpace(string(out)))
		fmt.Printf("%8d %9.2fs %12.2f %9.0f MB   (trong tiến trình: %.2fs; CPU %.2fs, %.2f ms/xã)\n", n, wall.Seconds(), float64(wall.Milliseconds())/float64(n), float64(rss)/1024,
			inner.Seconds(), cpu.Seconds(), float64(cpu.Milliseconds())/float64(n))
		os.Stdout.Write(phases.Bytes())
	}
	return nil
}

// generate makes the first n attachments in dir, keeping those there.
func generate(c *catalog.Catalog, dir string, n int) error {
	have := 0
	for have < n {
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("tep-%05d.xlsx", have+1))); err != nil {
			break
		}
		have++
	}
	if have == n {
		return nil
	}
	fmt.Printf("Sinh %d bảng tổng hợp qua consolidate và summary vào %s ...\n", n, dir)
	start := time.Now()
	if _, err := gen.Write(c, "Quảng Ngãi", q1, seed, n, dir); err != nil {
		return err
	}
	fmt.Printf("Đã sinh trong %.1fs\n", time.Since(start).Seconds())
	return nil
}

// measure runs one roll-up of the first n attachments and prints its
// duration.
func measure(c *catalog.Catalog, dir string, n int) error {
	d := gen.Province(c, "Quảng Ngãi", seed, n)
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("tep-%05d.xlsx", i+1))
	}
	tmpl, _, err := province.LoadTemplate("")
	if err != nil {
		return err
	}
	start := time.Now()
	lap := start
	var phases []string
	phase := func(name string) {
		phases = append(phases, fmt.Sprintf("%s %.2fs", name, time.Since(lap).Seconds()))
		lap = time.Now()
	}
	rec := province.Read(d, q1, paths...)
	phase("đọc")
	r := province.Roll(d, q1, rec)
	phase("tổng hợp")
	if len(rec.Attachments) != n || len(r.Proposals) == 0 {
		return fmt.Errorf("%d/%d bảng dùng được; %v", len(rec.Attachments), n, rec.Problems[:min(3, len(rec.Problems))])
	}
	if _, err := province.Workbook(r); err != nil {
		return err
	}
	phase("bảng Excel")
	if _, _, err := province.Report(r, tmpl, q1.To().AddDate(0, 0, 6)); err != nil {
		return err
	}
	phase("báo cáo Word")
	fmt.Fprintf(os.Stderr, "  %d xã: %s\n", n, strings.Join(phases, ", "))
	fmt.Println(time.Since(start))
	return nil
}
