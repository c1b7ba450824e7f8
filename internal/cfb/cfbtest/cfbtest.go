// Package cfbtest writes small compound files (OLE2) for tests: the
// streams and storages asked for, nothing else, so that a test can build
// an .xls with a «WORKBOOK» stream, a Word object deeper in it, or an
// encrypted .xlsx's «EncryptionInfo» and «EncryptedPackage».
package cfbtest

import (
	"encoding/binary"
	"unicode/utf16"
)

// Entry is a stream (Data) or a storage (Children) of a compound file.
type Entry struct {
	Name     string
	Data     []byte
	Children []Entry
	Storage  bool
}

const (
	sector     = 512
	endOfChain = 0xFFFFFFFE
	freeSect   = 0xFFFFFFFF
	fatSect    = 0xFFFFFFFD
	noStream   = 0xFFFFFFFF
	// minStream keeps every stream out of the mini stream, which this
	// writer does not write: a stream is padded with zeros to 4096 bytes.
	minStream = 4096
)

type dirEntry struct {
	name                      string
	typ                       byte
	left, right, child, start uint32
	size                      uint32
}

// Write returns a version 3 compound file holding entries at its top
// level. It panics when the file would need more than one FAT sector
// (about 60 KB): tests need no more.
func Write(entries ...Entry) []byte {
	dir := []dirEntry{{name: "Root Entry", typ: 5, left: noStream, right: noStream, child: noStream, start: endOfChain}}
	var streams [][]byte
	var add func(es []Entry) uint32
	add = func(es []Entry) uint32 {
		first := uint32(noStream)
		prev := -1
		for _, e := range es {
			i := len(dir)
			d := dirEntry{name: e.Name, typ: 2, left: noStream, right: noStream, child: noStream, start: endOfChain}
			dir = append(dir, d)
			if e.Storage || len(e.Children) > 0 {
				dir[i].typ = 1
				dir[i].child = add(e.Children)
			} else {
				data := e.Data
				if len(data) < minStream {
					data = append(append([]byte{}, data...), make([]byte, minStream-len(data))...)
				}
				dir[i].size = uint32(len(data))
				dir[i].start = uint32(len(streams)) // fixed below
				streams = append(streams, data)
			}
			if prev >= 0 {
				dir[prev].right = uint32(i)
			} else {
				first = uint32(i)
			}
			prev = i
		}
		return first
	}
	dir[0].child = add(entries)

	dirSectors := (len(dir)*128 + sector - 1) / sector
	fat := []uint32{fatSect}
	for i := range dirSectors {
		next := uint32(len(fat) + 1)
		if i == dirSectors-1 {
			next = endOfChain
		}
		fat = append(fat, next)
	}
	starts := make([]uint32, len(streams))
	for i, s := range streams {
		starts[i] = uint32(len(fat))
		n := (len(s) + sector - 1) / sector
		for j := range n {
			next := uint32(len(fat) + 1)
			if j == n-1 {
				next = endOfChain
			}
			fat = append(fat, next)
		}
	}
	if len(fat) > sector/4 {
		panic("cfbtest: more than one FAT sector")
	}
	for i := range dir {
		if dir[i].typ == 2 {
			dir[i].start = starts[dir[i].start]
		}
	}

	out := make([]byte, sector*(1+len(fat)))
	h := out[:sector]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le := binary.LittleEndian
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], 1) // FAT sectors
	le.PutUint32(h[48:], 1) // first directory sector
	le.PutUint32(h[56:], minStream)
	le.PutUint32(h[60:], endOfChain)
	le.PutUint32(h[68:], endOfChain)
	for i := 76; i < sector; i += 4 {
		le.PutUint32(h[i:], freeSect)
	}
	le.PutUint32(h[76:], 0) // the FAT is sector 0
	at := func(sn int) []byte { return out[sector*(sn+1) : sector*(sn+2)] }
	fatBytes := at(0)
	for i := range sector / 4 {
		v := uint32(freeSect)
		if i < len(fat) {
			v = fat[i]
		}
		le.PutUint32(fatBytes[i*4:], v)
	}
	dirBytes := out[sector*2 : sector*(2+dirSectors)]
	for i := range dirSectors * sector / 128 {
		e := dirBytes[i*128 : (i+1)*128]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
		if i >= len(dir) {
			continue
		}
		d := dir[i]
		name := utf16.Encode([]rune(d.name))
		for j, u := range name[:min(len(name), 31)] {
			le.PutUint16(e[j*2:], u)
		}
		le.PutUint16(e[64:], uint16((min(len(name), 31)+1)*2))
		e[66], e[67] = d.typ, 1
		le.PutUint32(e[68:], d.left)
		le.PutUint32(e[72:], d.right)
		le.PutUint32(e[76:], d.child)
		le.PutUint32(e[116:], d.start)
		le.PutUint32(e[120:], d.size)
	}
	for i, s := range streams {
		copy(out[sector*(int(starts[i])+1):], s)
	}
	return out
}

// BIFF returns BIFF8 records: each a type and its body.
func BIFF(records ...any) []byte {
	var out []byte
	for i := 0; i+1 < len(records); i += 2 {
		typ, body := records[i].(int), records[i+1].([]byte)
		out = binary.LittleEndian.AppendUint16(out, uint16(typ))
		out = binary.LittleEndian.AppendUint16(out, uint16(len(body)))
		out = append(out, body...)
	}
	return out
}

// The records an .xls's globals start with.
const (
	RecordBOF      = 0x0809
	RecordFilePass = 0x002F
	RecordEOF      = 0x000A
)
