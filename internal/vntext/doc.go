// Package vntext handles Vietnamese text for the rest of baocao: the intake,
// which reads workbooks filled in by the commune's units, and the renderers,
// which write the report.
//
// It normalises text typed with many different tools (Clean), folds it for
// matching without diacritics or case (Fold, Words, Similarity), recognises
// and converts text typed with the old TCVN3 (ABC) and VNI fonts (DetectLegacy,
// FromLegacy, Repair, and the reverse EncodeTCVN3 and EncodeVNI for test
// fixtures), and reads and writes numbers the Vietnamese way, with a dot for
// thousands and a comma for decimals (ParseNumber, FormatNumber, FormatAuto).
package vntext
