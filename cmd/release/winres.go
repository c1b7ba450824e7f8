package main

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// The Windows program's resources (icon, version information, manifest)
// are made with github.com/tc-hib/winres, the library behind the go-winres
// tool: pure Go, kept up, no C toolchain and no binary file in the
// repository; the release writes them as a .syso beside cmd/baocao's main
// for the Windows build only, and removes it afterwards.

// sysoName is the object go build links into cmd/baocao for windows/amd64
// alone (the name's suffixes restrict it).
const sysoName = "rsrc_windows_amd64.syso"

// Names in the version information, as Explorer's «Chi tiết» tab shows them.
const (
	productName = "baocao"
	description = "Lập báo cáo định kỳ về tín dụng chính sách xã hội"
)

// resources is the resource set of baocao.exe at version v, published by
// publisher.
func resources(v, publisher string) (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	icon, err := winres.NewIconFromResizedImage(iconImage(), nil)
	if err != nil {
		return nil, err
	}
	if err := rs.SetIcon(winres.Name("APPICON"), icon); err != nil {
		return nil, err
	}
	nums := versionNumbers(v)
	vi := version.Info{FileVersion: nums, ProductVersion: nums}
	for key, value := range map[string]string{
		version.ProductName:      productName,
		version.FileDescription:  description,
		version.CompanyName:      publisher,
		version.LegalCopyright:   "© " + publisher,
		version.FileVersion:      v,
		version.ProductVersion:   v,
		version.OriginalFilename: "baocao.exe",
		version.InternalName:     "baocao",
	} {
		if err := vi.Set(0x042A, key, value); err != nil { // Vietnamese (Vietnam)
			return nil, err
		}
	}
	rs.SetVersionInfo(vi)
	rs.SetManifest(winres.AppManifest{
		Identity:      winres.AssemblyIdentity{Name: "baocao", Version: nums},
		Description:   description,
		Compatibility: winres.Win10AndAbove,
		// A program of the office: it never asks to run as administrator.
		ExecutionLevel: winres.AsInvoker,
		DPIAwareness:   winres.DPIPerMonitorV2,
		LongPathAware:  true,
	})
	return rs, nil
}

// writeSyso writes the resources as cmd/baocao's .syso under root and
// returns its path, for the caller to remove after the build.
func writeSyso(root, v, publisher string) (string, error) {
	rs, err := resources(v, publisher)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := rs.WriteObject(&buf, winres.ArchAMD64); err != nil {
		return "", err
	}
	path := filepath.Join(root, "cmd", "baocao", sysoName)
	return path, os.WriteFile(path, buf.Bytes(), 0o644)
}

// versionNumbers reads the four numbers Windows shows from a version such
// as "1.2.0" or git describe's "v1.2.0-3-gabcdef" (1.2.0.3); anything else
// is 0.0.0.0.
func versionNumbers(v string) [4]uint16 {
	var n [4]uint16
	m := regexp.MustCompile(`^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-(\d+)-g[0-9a-f]+)?`).FindStringSubmatch(v)
	for i := 1; m != nil && i < len(m); i++ {
		if x, err := strconv.ParseUint(m[i], 10, 16); err == nil {
			n[i-1] = uint16(x)
		}
	}
	return n
}

// iconImage draws the program's icon, 256 pixels square: a white sheet
// with ruled lines and a red heading on a blue tile, drawn here so that no
// image file is kept in the repository.
func iconImage() image.Image {
	const size = 256
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x1f, 0x5f, 0xa8, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	red := color.NRGBA{0xd0, 0x21, 0x2a, 0xff}
	grey := color.NRGBA{0x8a, 0x9b, 0xb0, 0xff}
	fill := func(x0, y0, x1, y1 int, c color.NRGBA, radius int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				// rounded corners
				dx := max(x0+radius-x-1, x-(x1-radius), 0)
				dy := max(y0+radius-y-1, y-(y1-radius), 0)
				if dx*dx+dy*dy > radius*radius {
					continue
				}
				img.SetNRGBA(x, y, c)
			}
		}
	}
	fill(8, 8, 248, 248, blue, 40)
	fill(60, 36, 196, 220, white, 10)
	fill(80, 60, 176, 78, red, 4)
	for y := 100; y <= 180; y += 26 {
		fill(80, y, 176, y+10, grey, 3)
	}
	return img
}
