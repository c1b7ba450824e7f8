// Package cycle holds the steps of a reporting period that both front ends,
// the command line (internal/cli) and the office's page (internal/web),
// call: where the plan's data and the Word templates come from (a folder
// given, the folder here, or the copies built into the program), the units'
// forms, the check of what they send back, and the report with its summary,
// reminder and PDFs, written whole or not at all. Messages are Vietnamese.
package cycle
