// Package catalog loads the plan's data files (plan.yaml, tasks.yaml,
// units.yaml, indicators.yaml) and checks them: every task's units exist,
// codes are unique, required fields are present. A mistake is reported as a
// *DataError that names the file and line, in Vietnamese, because the office
// edits these files by hand.
//
// The catalog is the single source of truth about the plan: which tasks
// exist, who leads and who coordinates each one (groups such as "Các phòng,
// đơn vị liên quan" resolved to their units), and which credit indicators are
// reported.
package catalog
