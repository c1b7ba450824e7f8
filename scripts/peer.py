#!/usr/bin/python3
"""The Python peer of `baocao check` and `baocao report`, for
scripts/bench-vs-peer.sh: what a capable user could script instead with
openpyxl (read-only mode) and python-docx. It reads every workbook, finds
the header row, matches each row to a task by its code or, failing that,
by the similarity of its content to every task's (folded words and word
pairs, as baocao does), and for `report` writes a Word report (a heading
per section, a paragraph per task and unit, an appendix table) and an
Excel summary. It checks much less than baocao does: it is a lower bound.

    peer.py check DATA_DIR PATH...
    peer.py report DATA_DIR IN_DIR OUT_DIR
"""
import os
import re
import sys
import unicodedata

import docx
import openpyxl
import yaml


def fold(s):
    s = unicodedata.normalize("NFD", str(s).lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def similarity(a, b):
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb:
        return 0.0
    ua, ub = set(wa), set(wb)
    ba, bb = set(zip(wa, wa[1:])), set(zip(wb, wb[1:]))
    dice = 2 * len(ua & ub) / (len(ua) + len(ub))
    contain = len(ua & ub) / min(len(ua), len(ub))
    if ba and bb:
        dice = (dice + 2 * len(ba & bb) / (len(ba) + len(bb))) / 2
        contain = (contain + len(ba & bb) / min(len(ba), len(bb))) / 2
    contain *= 0.9 * min(1, min(len(wa), len(wb)) / 6)
    return max(dice, contain)


def load_tasks(data_dir):
    with open(os.path.join(data_dir, "tasks.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    sections, tasks = [], {}
    for sec in doc["sections"]:
        items = [t for t in sec["tasks"] if not t.get("heading")]
        sections.append((sec["code"], sec["title"], [t["code"] for t in items]))
        for t in items:
            tasks[t["code"]] = t
    return sections, tasks


CODE = re.compile(r"^\s*([IVX]+(?:[.\-]\d+)(?:[.\-][a-z])?)\s*$")
HEADS = {"code": ("ma nhiem vu", "stt", "ma"), "content": ("noi dung",),
         "status": ("tinh trang",), "result": ("ket qua",)}


def read_workbook(path, tasks):
    rows_out, problems = [], []
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()  # our writers declare a dimension of A1
            cols = None
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = ["" if v is None else str(v).strip() for v in row[:30]]
                if cols is None:
                    found = {}
                    for i, v in enumerate(cells):
                        fv = fold(v)
                        for key, names in HEADS.items():
                            if key not in found and any(fv.startswith(n) for n in names):
                                found[key] = i
                    if "content" in found and len(found) >= 3:
                        cols = found
                    continue
                if not any(cells):
                    continue
                get = lambda k: cells[cols[k]] if k in cols and cols[k] < len(cells) else ""
                code, content = get("code"), get("content")
                task = None
                m = CODE.match(code)
                if m and m.group(1) in tasks:
                    task = m.group(1)
                elif content:
                    best = max(tasks, key=lambda c: similarity(content, tasks[c]["content"]))
                    if similarity(content, tasks[best]["content"]) >= 0.5:
                        task = best
                if task is None:
                    problems.append(f"{os.path.basename(path)}, {ws.title}, dòng {r}: không khớp nhiệm vụ")
                rows_out.append({"task": task, "status": get("status"), "result": get("result"),
                                 "file": os.path.basename(path)})
    finally:
        wb.close()
    return rows_out, problems


def workbooks(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.lower().endswith(".xlsx") and not name.startswith("~$"):
                    yield os.path.join(p, name)
        else:
            yield p


def check(data_dir, paths):
    _, tasks = load_tasks(data_dir)
    n = bad = 0
    for path in workbooks(paths):
        rows, problems = read_workbook(path, tasks)
        n += 1
        bad += bool(problems)
        print(f"{os.path.basename(path)}: {len(rows)} dòng, {len(problems)} vấn đề")
        for p in problems:
            print("  " + p)
    print(f"{n} tệp, {bad} tệp có vấn đề")


def report(data_dir, in_dir, out_dir):
    sections, tasks = load_tasks(data_dir)
    by_task = {}
    for path in workbooks([in_dir]):
        rows, _ = read_workbook(path, tasks)
        for row in rows:
            if row["task"]:
                by_task.setdefault(row["task"], []).append(row)
    os.makedirs(out_dir, exist_ok=True)
    d = docx.Document()
    d.add_heading("BÁO CÁO", 0)
    table_rows = []
    for code, title, codes in sections:
        d.add_heading(f"{code}. {title}", 1)
        for c in codes:
            d.add_paragraph(f"{c}. {tasks[c]['content']}")
            for row in by_task.get(c, []):
                if row["result"] or row["status"]:
                    d.add_paragraph(f"- {row['file']}: {row['status']}. {row['result']}")
            statuses = sorted({r["status"] for r in by_task.get(c, []) if r["status"]})
            table_rows.append((c, tasks[c]["content"], "; ".join(statuses)))
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "Mã", "Nội dung", "Tình trạng"
    for r in table_rows:
        cells = t.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = v
    d.save(os.path.join(out_dir, "bao-cao.docx"))
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Tổng hợp")
    ws.append(["Mã", "Nội dung", "Tình trạng"])
    for r in table_rows:
        ws.append(list(r))
    wb.save(os.path.join(out_dir, "tong-hop.xlsx"))
    print(f"{len(table_rows)} nhiệm vụ")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 5 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
