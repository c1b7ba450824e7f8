package officetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// EditOp is one thing a user does in LibreOffice Calc. Rows are 1-based,
// as Calc shows them.
type EditOp struct {
	Op    string  `json:"op"` // "delete", "insert", "text", "number", "formula", "format", "newsheet", "rename", "hide", "removesheet"
	Sheet string  `json:"sheet"`
	Row   int     `json:"row,omitempty"`   // delete, insert: the row; insert puts a new row at Row (above the old one)
	Count int     `json:"count,omitempty"` // delete, insert: how many rows (1 when 0)
	Cell  string  `json:"cell,omitempty"`  // text, number, formula, format: "G12"
	Text  string  `json:"text,omitempty"`  // text: the string typed; formula: "=IF(...)"; format: a number format ("0%"); newsheet, rename: the new name
	Value float64 `json:"value,omitempty"` // number
	// From is the sheet copied by newsheet ("" for an empty sheet).
	From string `json:"from,omitempty"`
}

// Delete deletes rows of a sheet, as "Xóa dòng" in Calc does.
func Delete(sheet string, row, count int) EditOp {
	return EditOp{Op: "delete", Sheet: sheet, Row: row, Count: count}
}

// Insert inserts count empty rows at row, above the row that was there.
func Insert(sheet string, row, count int) EditOp {
	return EditOp{Op: "insert", Sheet: sheet, Row: row, Count: count}
}

// Type types text into a cell.
func Type(sheet, cell, text string) EditOp {
	return EditOp{Op: "text", Sheet: sheet, Cell: cell, Text: text}
}

// Number types a number into a cell.
func Number(sheet, cell string, v float64) EditOp {
	return EditOp{Op: "number", Sheet: sheet, Cell: cell, Value: v}
}

// Formula types a formula (English function names, "," between arguments)
// into a cell; LibreOffice computes and caches its value on saving.
func Formula(sheet, cell, formula string) EditOp {
	return EditOp{Op: "formula", Sheet: sheet, Cell: cell, Text: formula}
}

// Format gives a cell a number format, such as "0%".
func Format(sheet, cell, format string) EditOp {
	return EditOp{Op: "format", Sheet: sheet, Cell: cell, Text: format}
}

// CopySheet copies sheet from under the name name, at the end.
func CopySheet(from, name string) EditOp {
	return EditOp{Op: "newsheet", From: from, Text: name}
}

// Rename renames a sheet.
func Rename(sheet, name string) EditOp {
	return EditOp{Op: "rename", Sheet: sheet, Text: name}
}

// Hide hides a sheet.
func Hide(sheet string) EditOp {
	return EditOp{Op: "hide", Sheet: sheet}
}

// RemoveSheet deletes a sheet (hidden or not), as Calc's Sheet > Delete
// Sheet does.
func RemoveSheet(sheet string) EditOp {
	return EditOp{Op: "removesheet", Sheet: sheet}
}

// editScript runs in the python3 of LibreOffice's UNO bridge: it connects
// to the soffice started by Edit, opens the file, applies the operations
// (sheet protection without a password is lifted first, as a user does
// with Tools > Protect Sheet), saves as .xlsx and stops LibreOffice.
const editScript = `
import json, os, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

port, src, dst, opsfile = sys.argv[1:5]
with open(opsfile, encoding="utf-8") as f:
    ops = json.load(f)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx, deadline = None, time.time() + 90
while ctx is None:
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext" % port)
    except Exception:
        if time.time() > deadline:
            raise
        time.sleep(0.2)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
if doc is None:
    sys.exit("LibreOffice could not open " + src)
try:
    for op in ops:
        kind = op["op"]
        if kind == "newsheet":
            names = doc.Sheets.getElementNames()
            if op.get("from"):
                doc.Sheets.copyByName(op["from"], op["text"], len(names))
            else:
                doc.Sheets.insertNewByName(op["text"], len(names))
            continue
        if kind == "removesheet":
            doc.Sheets.removeByName(op["sheet"])
            continue
        sheet = doc.Sheets.getByName(op["sheet"])
        if sheet.isProtected():
            sheet.unprotect("")
        n = op.get("count") or 1
        if kind == "delete":
            sheet.Rows.removeByIndex(op["row"] - 1, n)
        elif kind == "insert":
            sheet.Rows.insertByIndex(op["row"] - 1, n)
        elif kind == "text":
            sheet.getCellRangeByName(op["cell"]).setString(op["text"])
        elif kind == "number":
            sheet.getCellRangeByName(op["cell"]).setValue(op["value"])
        elif kind == "formula":
            sheet.getCellRangeByName(op["cell"]).setFormula(op["text"])
        elif kind == "format":
            formats = doc.getNumberFormats()
            locale = uno.createUnoStruct("com.sun.star.lang.Locale")
            key = formats.queryKey(op["text"], locale, False)
            if key == -1:
                key = formats.addNew(op["text"], locale)
            sheet.getCellRangeByName(op["cell"]).NumberFormat = key
        elif kind == "rename":
            sheet.setName(op["text"])
        elif kind == "hide":
            sheet.IsVisible = False
        else:
            sys.exit("unknown operation " + kind)
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
finally:
    doc.close(True)
print("saved", flush=True)
try:
    desktop.terminate()
except Exception:
    pass  # the bridge drops as LibreOffice stops
# Leave without tearing down the bridge to a LibreOffice that is gone:
# Python's own exit crashes in it now and then.
sys.stdout.flush()
os._exit(0)
`

// UnoPython returns a python3 that can import uno (Debian's python3-uno),
// or skips (fails under BAOCAO_REQUIRE_LIBREOFFICE=1) when there is none.
func UnoPython(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"python3", "/usr/bin/python3", "/usr/lib/libreoffice/program/python"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if exec.Command(p, "-c", "import uno").Run() == nil {
			return p
		}
	}
	const reason = "no python3 with LibreOffice's UNO bridge: apt-get install python3-uno"
	if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
		t.Fatal(reason + " (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
	}
	t.Skip(reason)
	return ""
}

// Edit opens src in LibreOffice Calc through its scripting bridge, applies
// ops in order as a user would, saves the result as .xlsx (Calc's "Excel
// 2007-365" filter) into a fresh temporary folder under name and returns
// its path. src is not changed. It skips like Binary and UnoPython when
// LibreOffice or python3-uno is missing.
func Edit(t testing.TB, src, name string, ops ...EditOp) string {
	t.Helper()
	bin := Binary(t)
	python := UnoPython(t)
	unoMu.Lock()
	defer unoMu.Unlock()

	work := t.TempDir()
	script := filepath.Join(work, "edit.py")
	opsFile := filepath.Join(work, "ops.json")
	data, err := json.Marshal(ops)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(editScript), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(opsFile, data, 0o600); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), name)
	port := freePort(t)
	profile := filepath.Join(work, "profile")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	office := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.ToSlash(profile),
		"--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault",
		"--accept=socket,host=127.0.0.1,port="+strconv.Itoa(port)+";urp;")
	office.Env = append(os.Environ(), "HOME="+profile)
	var officeOut strings.Builder
	office.Stdout, office.Stderr = &officeOut, &officeOut
	ownGroup(office)
	if err := office.Start(); err != nil {
		t.Fatalf("start soffice: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- office.Wait() }()
	defer func() {
		// The script stops LibreOffice; make sure it is gone.
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			killGroup(office)
			<-done
		}
	}()

	py := exec.CommandContext(ctx, python, script, strconv.Itoa(port), abs, dst, opsFile)
	py.Env = append(os.Environ(), "HOME="+profile)
	if out, err := py.CombinedOutput(); err != nil {
		killGroup(office)
		t.Fatalf("LibreOffice edit of %s: %v\n%s\n%s", src, err, out, officeOut.String())
	}
	if fi, err := os.Stat(dst); err != nil || fi.Size() == 0 {
		t.Fatalf("LibreOffice saved no %s: %v\n%s", dst, err, officeOut.String())
	}
	return dst
}

// freePort asks the system for a free TCP port on 127.0.0.1.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("no free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// String describes an operation for test logs.
func (op EditOp) String() string {
	switch op.Op {
	case "delete", "insert":
		return fmt.Sprintf("%s %s!%d (%d)", op.Op, op.Sheet, op.Row, max(op.Count, 1))
	case "number":
		return fmt.Sprintf("%s %s!%s %v", op.Op, op.Sheet, op.Cell, op.Value)
	}
	return fmt.Sprintf("%s %s!%s %q", op.Op, op.Sheet, op.Cell, op.Text)
}

// unoMu runs one LibreOffice driven through UNO at a time: it is heavy,
// and the machines have two cores.
var unoMu sync.Mutex
