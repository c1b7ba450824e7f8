package cycle

import "context"

// Stages of a build, as a front end shows them while it works.
const (
	StageRead  = "Đọc tệp"
	StageWrite = "Lập tệp Word"
	StagePDF   = "Lập PDF"
)

type progressKey struct{}

// WithProgress returns a context under which BuildReport and BuildReminder
// call report with each stage they begin, in Vietnamese for the clerk:
// StageRead, StageWrite, then StagePDF and «Lập PDF 1/3», «Lập PDF 2/3»...
// as LibreOffice takes up each document. report is called from the build's
// goroutine (and from the one reading LibreOffice's output); it must not
// block.
func WithProgress(ctx context.Context, report func(stage string)) context.Context {
	return context.WithValue(ctx, progressKey{}, report)
}

// progress tells the stage to whoever WithProgress named, if anyone.
func progress(ctx context.Context, stage string) {
	if f, ok := ctx.Value(progressKey{}).(func(string)); ok && f != nil {
		f(stage)
	}
}

// Progress tells the stage that begins to whoever WithProgress named, if
// anyone: the province's roll-up tells its stages as the commune's build
// does.
func Progress(ctx context.Context, stage string) { progress(ctx, stage) }
