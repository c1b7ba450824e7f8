// Package compose writes the commune report's prose from the consolidated
// data: part I by the plan's sections, each unit the subject of what it
// did; the credit figures as a commune writes them, dated and sourced;
// part II's limitations and causes, part III's next tasks and part IV's
// proposals upwards. It tidies the units' words (boilerplate dropped,
// lines joined, abbreviations spelled out, documents cited inline, dates in
// the form of Decree 30/2020) and never adds a fact of its own: every name,
// number and document comes from a unit's cell or the data files.
//
// What it gives are template fields (Fields, declared by Specs): the office
// still shapes the document in its Word template. The program's
// bookkeeping (who sent what, statuses, files) stays out of the prose; it
// belongs to the console, the page, the reminder and the appendix.
package compose
