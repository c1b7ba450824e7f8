// Package province is the province's roll-up, one level above the commune:
// it loads the province's data folder (its facts, the list of its
// communes, the indicators and targets), reads the communes' attachments
// (the machine-readable part that internal/summary writes into
// tong-hop-KỲ.xlsx) from folders and zips, recognises each commune by its
// data, and rolls them up: per commune and for the province, each
// indicator at both dates with its change, the targets' shares recomputed
// from their parts, the communes ranked, the tasks counted by status, and
// which communes have not sent. Every input it cannot use is a Problem
// naming the file; nothing is dropped silently.
package province
