package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/province"
)

// pageFor decides which page «baocao serve» opens (issue 23): the
// province's when its data are at hand, else the commune's. A province
// workspace is a folder whose data/ holds tinh.yaml, as «baocao init
// --tinh FOLDER» writes it:
//   - --workspace FOLDER: the province's page when FOLDER/data/tinh.yaml
//     is there;
//   - no --workspace, the current folder's data/ holding tinh.yaml (the
//     program double-clicked in the folder init --tinh wrote): that folder
//     is the workspace;
//   - no --workspace, Documents\baocao holding data/tinh.yaml: the same;
//   - --data FOLDER holding tinh.yaml: the province's page on those data,
//     its workspace Documents\baocao-tinh unless --workspace says, so that
//     it never shares a commune's workspace.
//
// It returns the workspace ("" for the default one) and the province's
// data folder ("" for the commune's page).
func pageFor(dataDir, workspace string) (root, provinceDir string, err error) {
	has := func(dir string) bool {
		fi, err := os.Stat(filepath.Join(dir, province.FactsFile))
		return err == nil && fi.Mode().IsRegular()
	}
	if dataDir != "" {
		if !has(dataDir) {
			return workspace, "", nil
		}
		if workspace == "" {
			def, err := cycle.DefaultWorkspace()
			if err != nil {
				return "", "", err
			}
			workspace = def + "-tinh"
		}
		return workspace, dataDir, nil
	}
	if workspace == "" && has(province.DataDir) {
		workspace = "."
	}
	root = workspace
	if root == "" {
		if root, err = cycle.DefaultWorkspace(); err != nil {
			return "", "", err
		}
	}
	if dir := filepath.Join(root, province.DataDir); has(dir) {
		return root, dir, nil
	}
	return workspace, "", nil
}

// serveProvince opens the province's page on the workspace root with the
// province's data in dir, checked first as «baocao tinh» checks them.
func (o *serveOptions) serveProvince(ctx context.Context, root, dir string) error {
	if _, err := province.Load(dir); err != nil {
		var de catalog.Errors
		if errors.As(err, &de) {
			return &exitError{code: ExitUsage, msg: "dữ liệu của tỉnh có lỗi, cần sửa trước khi chạy tiếp:\n" + de.Error()}
		}
		return err
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	fmt.Fprintf(o.errOut, "Mở trang tổng hợp của tỉnh: dữ liệu của tỉnh ở %s.\n", dir)
	return o.serveOn(ctx, root, dir)
}
