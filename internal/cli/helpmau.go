package cli

import (
	"github.com/spf13/cobra"

	"baocao/internal/cycle"
)

// newTemplateHelpTopic is «baocao help mau»: the template guide, made from
// the tables the template check uses, so that the clerk has it with the
// program alone. It is a help topic, not a command.
func newTemplateHelpTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "mau",
		Short: "Hướng dẫn sửa mẫu Word: cú pháp chỗ điền, định dạng, danh sách trường",
		Long:  "Hướng dẫn sửa mẫu Word (baocao help mau)\n\n" + cycle.TemplateGuide(),
	}
}
