// Package render fills the commune's Word templates (.docx) with a report's
// data. It is a small template layer over github.com/lukasjarosch/go-docx:
// go-docx replaces the free-form placeholders that stand outside any block
// (it copes with a placeholder that Word split across runs), and this
// package adds what go-docx lacks: blocks that repeat paragraphs or table
// rows ({#x} ... {/x}), conditions ({?x} ... {/x}, {^x} ... {/x}),
// formatters ({x|so}, {x|ngay}, ...), and errors that say where a template
// is wrong, in Vietnamese, all at once.
//
// Blocks are expanded and the values inside them filled in one linear pass
// over a program compiled from the template, so that a table of thousands
// of rows costs time in proportion to its rows; go-docx, whose cost grows
// with placeholders times replacements, only ever sees the small template.
//
// docs/mau-bao-cao.md describes the syntax and the fields of the commune's
// templates for the office; templates/*.docx are produced by
// internal/render/tmplsrc (go run ./cmd/gentemplates).
package render
