// Package intake reads the workbooks that units send back: our own forms,
// re-saved by Excel, LibreOffice or WPS, and the units' own layouts. It finds
// the table by the words of its header row (one row, or two under merged
// group headers), tells which unit and period the file is for, matches every
// row to a task of the plan (by code, else by content), reads statuses,
// texts and credit indicators, and lists every problem with its place
// (file, sheet, cell or row) in Vietnamese, saying what to do.
//
// Read never panics and never drops a non-empty row: each row is matched to
// a task or listed among the unmatched rows with its place. Inputs are only
// read; an old .xls is converted into a temporary copy.
//
// What units really write is read with care, and wherever the reading
// interprets, a warning says so at the cell:
//
//   - a sheet is as long as the rows that hold a value: empty or
//     style-only rows (LibreOffice's row 1048576) cost nothing;
//   - a status in the unit's own words is read clause by clause, never
//     dropping a negation; a qualified status keeps the unit's words in
//     Row.StatusWords for the report; a column per status marked "x" is
//     read too (readStatusText, statusAt);
//   - a figure with a unit ("12,5 tỷ") is converted to the indicator's
//     measure or refused at its cell, and checked against the previous
//     period (readFigure, checkAgainstPrevious);
//   - of a workbook with a sheet per period, only the period asked for is
//     read (choosePeriod);
//   - of two files of a unit, the latest is told by the save time the
//     workbook records, else the date on the form (latestBy);
//   - every file in a folder is mentioned, a .zip is read in memory
//     (ReadAll, readZip).
package intake
