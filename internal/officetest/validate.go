package officetest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Validate runs the Open XML SDK validator (the npm package
// @ooxml-tools/validate, installed under .ci/validator by `npm ci`) on
// every file in one process, and returns each file's errors, worded as
// "part xpath: description". It skips when Node or the package is missing,
// unless BAOCAO_REQUIRE_VALIDATOR=1 (set by CI), in which case it fails.
func Validate(t testing.TB, files ...string) map[string][]string {
	t.Helper()
	script := validatorScript()
	node, err := exec.LookPath("node")
	if err != nil || script == "" {
		reason := "the Open XML validator is not installed: run `npm ci --prefix .ci/validator` (needs Node)"
		if os.Getenv("BAOCAO_REQUIRE_VALIDATOR") == "1" {
			t.Fatal(reason + " (BAOCAO_REQUIRE_VALIDATOR=1 forbids skipping)")
		}
		t.Skip(reason)
	}
	cmd := exec.Command(node, append([]string{script}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ooxml validator: %v\n%s", err, tail(stderr.String(), 2000))
	}
	var res map[string][]struct{ Description, Part, XPath string }
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("ooxml validator: %v in %q", err, tail(string(out), 500))
	}
	errs := map[string][]string{}
	for _, f := range files {
		got, ok := res[f]
		if !ok {
			t.Fatalf("ooxml validator said nothing of %s", f)
		}
		for _, e := range got {
			errs[f] = append(errs[f], fmt.Sprintf("%s %s: %s", e.Part, e.XPath, e.Description))
		}
	}
	return errs
}

// validatorScript finds .ci/validator/validate.mjs with its package
// installed, from the module's root above the test's folder.
func validatorScript() string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			v := filepath.Join(dir, ".ci", "validator")
			if _, err := os.Stat(filepath.Join(v, "node_modules", "@ooxml-tools", "validate")); err != nil {
				return ""
			}
			return filepath.Join(v, "validate.mjs")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// CheckXML lists what the validator does not look at but Word or Excel
// refuse: characters that XML 1.0 forbids in any part of the package.
func CheckXML(data []byte) []string {
	return eachPart(data, func(name string) bool {
		return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
	}, func(name string, b []byte) []string {
		for i, r := range string(b) {
			if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				return []string{fmt.Sprintf("%s, byte %d: character U+%04X is not allowed in XML", name, i, r)}
			}
		}
		return nil
	})
}

// eachPart calls check on every part of the package that keep selects and
// gathers the problems it returns.
func eachPart(data []byte, keep func(string) bool, check func(name string, b []byte) []string) []string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, f := range zr.File {
		if !keep(f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			problems = append(problems, f.Name+": "+err.Error())
			continue
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			problems = append(problems, f.Name+": "+err.Error())
			continue
		}
		problems = append(problems, check(f.Name, b)...)
	}
	return problems
}

var colMin = regexp.MustCompile(`<col [^>]*\bmin="(\d+)"`)

var mergeRef = regexp.MustCompile(`<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"`)

func mergeRefs(xml string) []string {
	var refs []string
	for _, m := range mergeRef.FindAllStringSubmatch(xml, -1) {
		refs = append(refs, m[1])
	}
	return refs
}

// CheckWorkbook lists what Excel refuses in a workbook and the validator
// misses: merged ranges that overlap, column widths not in ascending
// order, and list validations whose inline list is longer than Excel's
// 255 characters.
func CheckWorkbook(data []byte) []string {
	problems := CheckXML(data)
	// Merged ranges as written: excelize mends overlaps when it reads them.
	problems = append(problems, eachPart(data, func(name string) bool {
		return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
	}, func(name string, b []byte) []string {
		var overlaps []string
		var boxes [][4]int
		for _, ref := range mergeRefs(string(b)) {
			from, to, _ := strings.Cut(ref, ":")
			c1, r1, _ := excelize.CellNameToCoordinates(from)
			c2, r2, _ := excelize.CellNameToCoordinates(to)
			for _, o := range boxes {
				if c1 <= o[2] && o[0] <= c2 && r1 <= o[3] && o[1] <= r2 {
					overlaps = append(overlaps, fmt.Sprintf("%s: merged ranges overlap at %s", name, ref))
				}
			}
			boxes = append(boxes, [4]int{c1, r1, c2, r2})
		}
		last := 0
		for _, m := range colMin.FindAllStringSubmatch(string(b), -1) {
			n, _ := strconv.Atoi(m[1])
			if n <= last {
				overlaps = append(overlaps, fmt.Sprintf("%s: column widths not in ascending order (column %d after %d)", name, n, last))
				break
			}
			last = n
		}
		return overlaps
	})...)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return append(problems, err.Error())
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			problems = append(problems, sheet+": "+err.Error())
		}
		for _, dv := range dvs {
			if dv.Type == "list" && strings.HasPrefix(dv.Formula1, `"`) && utf8.RuneCountInString(strings.Trim(dv.Formula1, `"`)) > 255 {
				problems = append(problems, fmt.Sprintf("%s %s: inline list of %d characters (Excel takes 255)", sheet, dv.Sqref, utf8.RuneCountInString(dv.Formula1)))
			}
		}
	}
	return problems
}
