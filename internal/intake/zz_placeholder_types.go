package intake

// TEMPORARY: the API agreed with the intake branch, so that consolidate
// compiles before intake lands. Deleted at merge.

import (
	"time"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

type Severity int

const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityError {
		return "lỗi"
	}
	return "cảnh báo"
}

type Problem struct {
	Severity          Severity
	File, Sheet, Cell string
	Message           string
}

func (p Problem) Error() string { return p.File + ": " + p.Message }

type Row struct {
	Sheet                                            string
	Row                                              int
	Task                                             string
	Match                                            string
	Confidence                                       float64
	Role                                             catalog.Role
	Status                                           forms.Status
	StatusText                                       string
	Results, Documents, Difficulties, Proposals, Notes string
	Text                                             string
}

type IndicatorValue struct {
	Code              string
	Previous, Current *float64
	Sheet             string
	Row               int
}

type Submission struct {
	Path       string
	Unit       string
	Period     period.Period
	ModTime    time.Time
	Sheet      string
	Rows       []Row
	Unmatched  []Row
	Indicators []IndicatorValue
	Problems   []Problem
}

func (s *Submission) HasErrors() bool {
	for _, p := range s.Problems {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

type Options struct {
	Unit   string
	Period period.Period
}

func ReadAll(paths []string, c *catalog.Catalog, opt Options) []*Submission { return nil }
