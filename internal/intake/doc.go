// Package intake reads the workbooks that units send back: our own forms,
// re-saved by Excel, LibreOffice or WPS, and the units' own layouts. It finds
// the table by the words of its header row, tells which unit and period the
// file is for, matches every row to a task of the plan (by code, else by
// content), reads statuses, texts and credit indicators, and lists every
// problem with its place (file, sheet, cell or row) in Vietnamese, saying
// what to do.
//
// Read never panics and never drops a non-empty row: each row is matched to
// a task or listed among the unmatched rows with its place. Inputs are only
// read; an old .xls is converted into a temporary copy.
package intake
