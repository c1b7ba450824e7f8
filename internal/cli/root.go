// Package cli holds the cobra commands of baocao: one file a command, each
// parsing its flags and calling the domain packages. Only this package knows
// about exit codes.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/outfile"
	"baocao/internal/planimport"
	"baocao/internal/render"
)

// Version is set at build time with -ldflags "-X baocao/internal/cli.Version=...".
var Version = "0.1.0"

// Exit codes of the command-line contract (docs/design.md).
const (
	ExitOK       = 0
	ExitProblems = 1 // some input had errors, or nothing usable came in
	ExitUsage    = 2 // bad arguments or bad data files
	// ExitInterrupted is check or report stopped by Ctrl+C (or SIGTERM),
	// as shells give a program ended by SIGINT.
	ExitInterrupted = 130
)

// interruptible is ctx done on Ctrl+C or SIGTERM too: check and report
// then stop their reading and LibreOffice (killed, its temporary files
// removed) instead of leaving them running.
func interruptible(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx == nil {
		ctx = context.Background()
	}
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}

// stopped is the error of a command stopped by ctx.
func stopped(what string) error {
	return &exitError{code: ExitInterrupted, msg: "đã dừng theo yêu cầu (Ctrl+C) trước khi " + what + " xong; LibreOffice đang chạy cho việc này (nếu có) đã được dừng, tệp tạm đã xóa."}
}

// exitError carries an exit code with a message already worded for the user.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...)}
}

// silentExit ends with a code after the command has printed what it had to say.
type silentExit int

func (e silentExit) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// options shared by every command.
type globalOptions struct {
	dataDir string
	out     io.Writer
	errOut  io.Writer
	noted   bool
}

// noteBuiltin says once per run which built-in copies are in use.
func (g *globalOptions) noteBuiltin(note string) {
	if note != "" && !g.noted {
		fmt.Fprintln(g.errOut, note)
		g.noted = true
	}
}

// Main runs baocao with args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return mainContext(context.Background(), args, stdout, stderr)
}

// mainContext is Main under a context, whose end stops «baocao serve».
func mainContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globalOptions{out: stdout, errOut: stderr}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var se silentExit
	if errors.As(err, &se) {
		return int(se)
	}
	fmt.Fprintln(stderr, "Lỗi:", userMessage(err))
	holdWindow(args, stderr)
	return exitCode(err)
}

// exitCode is the one place that maps an error's kind to an exit code.
func exitCode(err error) int {
	var (
		ee       *exitError
		ie       *cycle.InputError
		de       catalog.Errors
		oe       *outfile.Error // an --out that cannot be written
		te       *render.TemplateError
		pe       *planimport.Error
		exists   *planimport.ExistsError
		cobraErr flagError
	)
	switch {
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &pe):
		if pe.Unreadable {
			return ExitProblems // a Word or Excel file nothing could be read from
		}
		return ExitUsage
	case errors.As(err, &ie), errors.As(err, &de), errors.As(err, &oe), errors.As(err, &te),
		errors.As(err, &exists), errors.As(err, &cobraErr), isCobraUsage(err):
		return ExitUsage
	}
	return ExitProblems
}

func init() {
	// A double-click on baocao.exe opens the office's page: cobra must not
	// answer it with its English "started from Explorer" text.
	cobra.MousetrapHelpText = ""
	// pflag writes defaults in English: (default "data").
	cobra.AddTemplateFunc("useLine", func(c *cobra.Command) string {
		return strings.Replace(c.UseLine(), "[flags]", "[tùy chọn]", 1)
	})
	cobra.AddTemplateFunc("flagUsages", flagUsages)
}

// flagUsages lists the flags as pflag does, but aligns the descriptions by
// characters rather than bytes (pflag misaligns "THƯ_MỤC") and writes the
// defaults in Vietnamese.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" && f.Value.Type() != "bool" {
			left += " " + varname
		}
		switch f.DefValue {
		case "", "false", "[]", "0":
		default:
			usage += fmt.Sprintf(" (mặc định %q)", f.DefValue)
		}
		width = max(width, utf8.RuneCountInString(left))
		lines = append(lines, line{left, usage})
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.left + strings.Repeat(" ", width-utf8.RuneCountInString(l.left)+3) + l.usage)
	}
	return b.String()
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "baocao",
		Short: "Lập báo cáo định kỳ về tín dụng chính sách xã hội của xã, phường",
		Long: `baocao lập báo cáo định kỳ (quý, 6 tháng, 9 tháng, năm) của ` + exBody + ` về ` + exPlan + `:

  1. baocao forms   tạo biểu mẫu Excel cho từng đơn vị điền;
  2. baocao check   kiểm tra các tệp đơn vị gửi về, chỉ rõ lỗi ở tệp, trang tính, ô nào;
  3. baocao report  tổng hợp thành báo cáo Word và bảng tổng hợp Excel.

Gõ baocao không kèm lệnh nào (hoặc bấm đúp vào baocao.exe) để làm cả vòng này trên trang
của văn phòng trong trình duyệt (baocao serve).

Danh mục nhiệm vụ, đơn vị, chỉ tiêu nằm trong thư mục dữ liệu (--data), văn phòng tự sửa được.
Xã, phường mới: baocao plan import phu-luc.docx --out du-lieu đọc phụ lục nhiệm vụ của kế hoạch
(bảng trong tệp Word hoặc Excel) thành thư mục dữ liệu, rồi chạy các lệnh với --data du-lieu.
Sửa mẫu báo cáo Word: baocao help mau.`,
		Version:       Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.PersistentFlags().StringVar(&g.dataDir, "data", "", "`THƯ_MỤC` dữ liệu kế hoạch: plan.yaml, tasks.yaml, units.yaml, indicators.yaml (mặc định thư mục data ở đây nếu có, nếu không thì dữ liệu có sẵn trong chương trình)")
	root.Flags().BoolP("version", "v", false, "in phiên bản của baocao")
	root.SetVersionTemplate("baocao phiên bản {{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	defaultHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		g.fillHelp(c)
		defaultHelp(c, args)
	})
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError{err} })
	root.SetHelpCommand(&cobra.Command{
		Use:    "help [lệnh]",
		Short:  "Trợ giúp về một lệnh",
		Hidden: true,
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				return usageErr("không có lệnh «%s». Gõ baocao --help để xem các lệnh.", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	})
	root.AddCommand(newCatalogCmd(g))
	root.AddCommand(newFormsCmd(g))
	root.AddCommand(newCheckCmd(g))
	root.AddCommand(newReportCmd(g))
	root.AddCommand(newInitCmd(g))
	root.AddCommand(newPlanCmd(g))
	root.AddCommand(newTinhCmd(g))
	serve := newServeCmd(g)
	root.AddCommand(serve)
	root.AddCommand(newTemplateHelpTopic())
	// No command at all, as a double-click gives: the office's page.
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		serve.SetContext(cmd.Context())
		return serve.RunE(serve, nil)
	}
	localise(root)
	return root
}

// localise gives every command Vietnamese help: the usage template and the
// help flag's text (cobra's defaults are English).
func localise(c *cobra.Command) {
	c.SetUsageTemplate(usageTemplate)
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, "hiển thị trợ giúp cho lệnh "+c.Name())
	}
	for _, sub := range c.Commands() {
		localise(sub)
	}
}

const usageTemplate = `Cách dùng:{{if .Runnable}}
  {{useLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [lệnh]{{end}}{{if gt (len .Aliases) 0}}

Tên khác:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ví dụ:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Các lệnh:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasHelpSubCommands}}

Trợ giúp khác:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{.Root.Name}} help {{.Name}}   {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Tùy chọn:
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Tùy chọn chung:
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

Gõ "{{.CommandPath}} [lệnh] --help" để xem trợ giúp của từng lệnh.{{end}}
`

// flagError marks errors from flag parsing: bad arguments, exit 2.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

var cobraUsage = regexp.MustCompile(`^(unknown command|unknown flag|unknown shorthand flag|flag needs an argument|invalid argument|required flag|accepts |requires at least|bad flag syntax|if any flags in the group)`)

func isCobraUsage(err error) bool { return cobraUsage.MatchString(err.Error()) }

// userMessage words errors from cobra and pflag in Vietnamese; ours already are.
func userMessage(err error) string {
	msg := err.Error()
	replacements := []struct {
		re  *regexp.Regexp
		vie string
	}{
		{regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)".*`), `không có lệnh «$1» trong «$2». Gõ baocao --help để xem các lệnh.`},
		{regexp.MustCompile(`^unknown flag: (\S+)`), `không có tùy chọn $1. Gõ --help để xem các tùy chọn.`},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)`), `không có tùy chọn -$1 (trong $2). Gõ --help để xem các tùy chọn.`},
		{regexp.MustCompile(`^flag needs an argument: '?-*([^' ]+)'?.*`), `tùy chọn --$1 cần một giá trị.`},
		{regexp.MustCompile(`^invalid argument "([^"]*)" for "([^"]*)".*`), `giá trị «$1» không hợp lệ cho tùy chọn $2.`},
		{regexp.MustCompile(`^required flag\(s\) (.*) not set`), `thiếu tùy chọn bắt buộc $1.`},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), `lệnh nhận $1 tham số, nhưng được đưa $2.`},
		{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), `lệnh cần ít nhất $1 tham số (đường dẫn tệp hoặc thư mục), nhưng được đưa $2.`},
	}
	for _, r := range replacements {
		if r.re.MatchString(msg) {
			return r.re.ReplaceAllString(msg, r.vie)
		}
	}
	return msg
}

// planDataErr introduces mistakes in the data files (exit code 2).
func planDataErr(err error) error {
	var de catalog.Errors
	if errors.As(err, &de) {
		return fmt.Errorf("dữ liệu kế hoạch có lỗi, cần sửa trước khi chạy tiếp:\n%w", err)
	}
	return err
}

// loadCatalog loads the data files, turning mistakes into exit code 2.
func loadCatalog(g *globalOptions) (*catalog.Catalog, error) {
	c, err := cycle.LoadCatalog(g.dataDir)
	if err != nil {
		return nil, planDataErr(err)
	}
	g.noteBuiltin(c.BuiltinNote())
	return c.Catalog, nil
}

// writeJSON prints v for scripts: indented, with "<" and "&" left as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// resolveUnit finds the unit a user named on the command line: by code in
// any case ("kt"), or by a name or alias the catalog knows.
func resolveUnit(c *catalog.Catalog, arg string) (*catalog.Unit, error) {
	arg = strings.TrimSpace(arg)
	u := c.Unit(arg)
	if u == nil {
		u = c.Unit(strings.ToUpper(arg))
	}
	if u == nil {
		u = c.MatchUnit(arg)
	}
	if u == nil {
		return nil, usageErr("không có đơn vị mã «%s». Các mã hợp lệ: %s", arg, strings.Join(c.UnitCodes(), ", "))
	}
	return u, nil
}
