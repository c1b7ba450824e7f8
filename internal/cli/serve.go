package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/inconshreveable/mousetrap"
	"github.com/spf13/cobra"

	"baocao/internal/cycle"
	"baocao/internal/soffice"
	"baocao/internal/web"
)

type serveOptions struct {
	*globalOptions
	port      int
	portSet   bool
	noBrowser bool
	workspace string
	// open opens the page in the default browser; replaced in tests.
	open func(url string) error
}

func newServeCmd(g *globalOptions) *cobra.Command {
	o := &serveOptions{globalOptions: g, open: browserOpener}
	cmd := &cobra.Command{
		Use:   "serve [--port CỔNG] [--no-browser] [--workspace THƯ_MỤC]",
		Short: "Mở trang làm việc của văn phòng trong trình duyệt: cả vòng báo cáo, không cần gõ lệnh",
		Long: `Mở trang làm việc của văn phòng trên chính máy này (http://127.X.Y.Z:CỔNG/, địa chỉ riêng của thư mục làm việc) và mở trình duyệt:
chọn kỳ báo cáo, tải biểu mẫu gửi đơn vị, nhận và kiểm tra tệp đơn vị gửi về (kéo thả vào trang),
lập báo cáo, bảng tổng hợp, công văn đôn đốc và bản PDF, rồi tải về. Chỉ máy này mở được trang.
Gõ baocao không kèm lệnh nào (hoặc bấm đúp vào baocao.exe) cũng mở trang này.

Mọi tệp nằm trong thư mục làm việc (--workspace; mặc định Documents\baocao, trong thư mục Tài liệu
của người dùng dù Windows để nó ở đâu, kể cả OneDrive; ~/baocao trên máy khác), mở được bằng
Explorer; cửa sổ chương trình in đường dẫn của nó:
  THƯ_MỤC/KỲ/mau-bieu/   biểu mẫu văn phòng đã sửa (nếu có): trang gửi bản ở đây thay cho bản tự lập;
  THƯ_MỤC/KỲ/nhan-ve/    tệp đơn vị gửi về, giữ nguyên như khi nhận (tệp trùng tên được thêm « (2)»);
  THƯ_MỤC/KỲ/            báo cáo, bảng tổng hợp, bảng kiểm tra, công văn đôn đốc, như baocao report --out THƯ_MỤC.
Trang không bao giờ xóa hay ghi đè tệp đã nhận.

Ở tỉnh: thư mục làm việc có data/tinh.yaml (baocao init --tinh THƯ_MỤC ghi ra) thì trang là trang
tổng hợp của tỉnh: các xã, phường, đặc khu và nơi đã gửi; nhận bảng tổng hợp (tong-hop-KỲ.xlsx) các
xã gửi về; lập báo cáo, bảng tổng hợp, công văn đôn đốc của tỉnh, như baocao tinh. Không có
--workspace mà thư mục đang đứng có data/tinh.yaml thì thư mục đó là thư mục làm việc của tỉnh
(chép baocao.exe vào đó rồi bấm đúp); --data chỉ thư mục có tinh.yaml thì thư mục làm việc mặc định
là Documents\baocao-tinh.

Không có --port thì dùng cổng 8686, nếu cổng đó bận thì một cổng trống bất kỳ.
Mỗi thư mục làm việc một trang: mở chương trình lần nữa với cùng thư mục thì trình duyệt mở lại
trang đang chạy, không mở trang thứ hai. Địa chỉ của trang (kèm mã, giữ trong thư mục làm việc,
chỉ người dùng này đọc được) vẫn dùng được sau khi mở lại chương trình; các thẻ trình duyệt cùng
mở trang tự cập nhật theo nhau.
Đóng cửa sổ chương trình (hoặc bấm Ctrl+C) để thoát.

Trạng thái thoát: 0 khi dừng bình thường; 2 tham số sai, cổng --port đang bận, không tạo được
thư mục làm việc, hoặc tệp dữ liệu (của xã hay của tỉnh) có lỗi. Mẫu Word có lỗi thì trang vẫn mở, nói rõ lỗi ở bước lập
báo cáo; biểu mẫu và kiểm tra tệp vẫn dùng được.`,
		Example: `  baocao
  baocao serve --workspace "D:\Bao cao"
  baocao serve --port 9000 --no-browser`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.portSet = cmd.Flags().Changed("port")
			return serveRun(cmd.Context(), o)
		},
	}
	cmd.Flags().IntVar(&o.port, "port", web.DefaultPort, "`CỔNG` của trang trên máy này (1-65535)")
	cmd.Flags().BoolVar(&o.noBrowser, "no-browser", false, "không tự mở trình duyệt, chỉ in địa chỉ của trang")
	cmd.Flags().StringVar(&o.workspace, "workspace", "", "`THƯ_MỤC` làm việc: biểu mẫu, tệp nhận về và tệp đã lập của từng kỳ (mặc định Documents\\baocao trên Windows, ~/baocao trên máy khác)")
	return cmd
}

func serveRun(ctx context.Context, o *serveOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.portSet && (o.port < 1 || o.port > 65535) {
		return usageErr("cổng %d không hợp lệ (tùy chọn --port): chọn một số từ 1 đến 65535, ví dụ --port %d.", o.port, web.DefaultPort)
	}
	root, provinceDir, err := pageFor(o.dataDir, o.workspace)
	if err != nil {
		return err
	}
	if provinceDir != "" {
		return o.serveProvince(ctx, root, provinceDir)
	}
	if _, err := cycle.LoadCatalog(o.dataDir); err != nil {
		return planDataErr(err)
	}
	// A broken template stops the report only: the page opens and says so.
	// Nothing is said of the built-in data and templates: the clerk who
	// opens the page has no command to run about them (issue 22, point 7);
	// the page's guide tells how to edit the report's template.
	if _, err := cycle.LoadSources(o.dataDir, "", ""); err != nil {
		fmt.Fprintf(o.errOut, "Chú ý: %v\nTrang vẫn mở để tạo biểu mẫu và kiểm tra tệp; muốn lập báo cáo thì sửa mẫu trước.\n", err)
	}
	return o.serveOn(ctx, o.workspace, "")
}

// serveOn serves the page of the workspace root ("" for the default one):
// the province's on the data of provinceDir when it is set, else the
// commune's. One page a workspace; the same safety for both.
func (o *serveOptions) serveOn(ctx context.Context, root, provinceDir string) error {
	ws, err := cycle.OpenWorkspace(root)
	if err != nil {
		return err
	}
	secret, err := web.Secret(ws.Root)
	if err != nil {
		return usageErr("%v", err)
	}
	// One page a workspace: a second start opens the page already running.
	if url := web.Running(ws.Root, secret); url != "" {
		return o.openRunning(ws.Root, url)
	}
	ln, err := web.Listen(web.InstanceHost(secret), o.port, o.portSet)
	if err != nil {
		var pe *web.PortInUseError
		if errors.As(err, &pe) {
			return usageErr("%s", pe.Error())
		}
		return usageErr("không mở được trang trên cổng %d: %v", o.port, err)
	}
	defer ln.Close()
	release, running, err := web.Claim(ws.Root, ln.Addr().String(), secret)
	if err != nil {
		return usageErr("%v", err)
	}
	if running != "" {
		ln.Close()
		return o.openRunning(ws.Root, running)
	}
	defer release()
	// LibreOffice kept running while the page is open (the commune's or
	// the province's), for fast PDFs.
	if bin, err := soffice.Find(""); err == nil {
		ws.Soffice = soffice.NewWarm(bin)
		ws.Soffice.Start()
		defer ws.Soffice.Close()
	}
	srv, err := web.New(web.Options{Workspace: ws, DataDir: o.dataDir, Addr: ln.Addr().String(), Log: o.errOut, Token: secret, ProvinceDir: provinceDir})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if provinceDir != "" {
		fmt.Fprintf(o.out, "Thư mục làm việc của tỉnh (bảng tổng hợp các xã gửi về, báo cáo của tỉnh): %s\n", ws.Root)
		fmt.Fprintf(o.out, "Trang tổng hợp của tỉnh: %s — mở địa chỉ này trong trình duyệt; đóng cửa sổ này để thoát (hoặc bấm Ctrl+C).\n", srv.URL())
	} else {
		fmt.Fprintf(o.out, "Thư mục làm việc (biểu mẫu, tệp nhận về, báo cáo): %s\n", ws.Root)
		fmt.Fprintf(o.out, "Trang làm việc của văn phòng: %s — mở địa chỉ này trong trình duyệt; đóng cửa sổ này để thoát (hoặc bấm Ctrl+C).\n", srv.URL())
	}
	if !o.noBrowser {
		o.openPage(ws.Root, srv.URL())
	}
	return srv.Serve(ctx, ln)
}

// openRunning opens the page that already serves the workspace root, at
// url, instead of starting a second one.
func (o *serveOptions) openRunning(root, url string) error {
	fmt.Fprintf(o.out, "Trang làm việc của thư mục %s đã đang mở (chương trình baocao đang chạy ở một cửa sổ khác): %s — mở lại trang đó trong trình duyệt.\n", root, url)
	if !o.noBrowser {
		o.openPage(root, url)
	}
	return nil
}

// openPage opens the page at url (with the secret) in the browser through
// a small file of the workspace that sends the browser on (web.Opener):
// the secret stays off the command lines of xdg-open and the browser.
func (o *serveOptions) openPage(root, url string) {
	path, err := web.Opener(root, url)
	if err == nil {
		err = o.open(path)
	}
	if err != nil {
		fmt.Fprintf(o.errOut, "Không tự mở được trình duyệt (%v): chép địa chỉ ở trên vào trình duyệt.\n", err)
	}
}

// startedByExplorer tells a double-click on baocao.exe; tests replace it.
var startedByExplorer = mousetrap.StartedByExplorer

// holdWindow keeps the window of a double-click open after an error, whose
// message would otherwise vanish with it, until Enter is pressed.
func holdWindow(args []string, stderr io.Writer) {
	if len(args) == 0 && startedByExplorer() {
		fmt.Fprintln(stderr, "Bấm Enter để đóng cửa sổ này.")
		bufio.NewReader(stdin).ReadString('\n')
	}
}

// stdin is where holdWindow waits; tests replace it.
var stdin io.Reader = os.Stdin

// browserOpener opens the page; tests replace it.
var browserOpener = openBrowser
