// Package planimport reads a commune's appendix of tasks, the table that
// comes with its plan, from a Word document (.docx) or the same table in a
// workbook (.xlsx), and writes the plan's four data files (plan.yaml,
// tasks.yaml, units.yaml, indicators.yaml) with a review list in
// Vietnamese: every guess it made, every empty cell, every row it could not
// place, each with the table row it comes from.
//
// The columns are found by their header text, in any order: STT, Nội dung
// nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Sản phẩm, Thời gian thực hiện.
// Rows are sections (Roman numerals, often one merged cell), numbered tasks,
// lettered items under a group heading and deeper items (b.1), and rows with
// an empty STT that continue the row above across a page break. Vertically
// merged cells give their text to every row they cover. Unit names are
// gathered into a registry where spellings that differ only in case,
// diacritics form or a known abbreviation (UBMTTQ, NHCSXH, HĐND và UBND,
// VH-XH...) are one unit, and plural phrases ("Các phòng, đơn vị liên
// quan") are groups whose members the office confirms.
//
// Reading a file never panics and never writes anything: Import returns the
// files to write and the review; Result.Write puts them in a folder whole
// or not at all, and never over existing files.
package planimport
