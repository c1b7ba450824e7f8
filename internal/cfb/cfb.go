// Package cfb tells what a compound file (OLE2: the container of .xls,
// .doc, .ppt, and of an encrypted .xlsx or .docx) holds, by the names of
// its top-level streams, compared without regard to case: other programs
// write «WORKBOOK» or «workbook», and a name such as «WordDocument» may
// well appear deeper in an .xls that embeds a Word object. It also tells
// an encrypted .xls (a FILEPASS record) and .doc (the FIB's fEncrypted).
package cfb

import (
	"bytes"
	"encoding/binary"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// Signature starts every compound file.
var Signature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Kind is what a compound file holds.
type Kind int

const (
	NotCompound    Kind = iota // no compound file at all
	Damaged                    // the signature, but no readable directory
	XLS                        // a "Workbook" (Excel 97+) or "Book" (Excel 5/95) stream
	Doc                        // a "WordDocument" stream
	PPT                        // a "PowerPoint Document" stream
	EncryptedOOXML             // "EncryptionInfo" and "EncryptedPackage": an .xlsx, .docx… with a password
	Other                      // another compound file (an Outlook message, a Visio drawing)
)

// Info is what Sniff found.
type Info struct {
	Kind Kind
	// Encrypted: an .xls whose workbook stream starts with a FILEPASS
	// record, a .doc whose FIB says fEncrypted; always for EncryptedOOXML.
	Encrypted bool
	// Streams are the top-level stream and storage names, as written.
	Streams []string
}

// maxRecords is how many records of an .xls's globals are looked at for
// FILEPASS, which follows the BOF record.
const maxRecords = 64

// Sniff reads data's compound-file directory. It never panics: a
// directory that cannot be read is Damaged.
func Sniff(data []byte) (info Info) {
	if !bytes.HasPrefix(data, Signature) {
		return Info{Kind: NotCompound}
	}
	defer func() {
		if recover() != nil {
			info = Info{Kind: Damaged}
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil || len(r.File) == 0 {
		return Info{Kind: Damaged}
	}
	top := map[string]*mscfb.File{}
	for i, f := range r.File {
		if i == 0 || len(f.Path) != 0 {
			continue // the root entry, or something deeper
		}
		info.Streams = append(info.Streams, f.Name)
		if name := strings.ToLower(f.Name); top[name] == nil {
			top[name] = f
		}
	}
	switch {
	case top["encryptioninfo"] != nil || top["encryptedpackage"] != nil:
		info.Kind, info.Encrypted = EncryptedOOXML, true
	case top["workbook"] != nil || top["book"] != nil:
		info.Kind = XLS
		f := top["workbook"]
		if f == nil {
			f = top["book"]
		}
		info.Encrypted = filePass(f)
	case top["worddocument"] != nil:
		info.Kind = Doc
		info.Encrypted = wordEncrypted(top["worddocument"])
	case top["powerpoint document"] != nil:
		info.Kind = PPT
	default:
		info.Kind = Other
	}
	return info
}

// filePass tells whether a BIFF workbook stream holds a FILEPASS record
// (0x002F) among the globals' first records, before their EOF.
func filePass(f *mscfb.File) bool {
	var head [4]byte
	for range maxRecords {
		if _, err := io.ReadFull(f, head[:]); err != nil {
			return false
		}
		typ, size := binary.LittleEndian.Uint16(head[:2]), binary.LittleEndian.Uint16(head[2:])
		switch typ {
		case 0x002F:
			return true
		case 0x000A: // EOF of the globals
			return false
		}
		if _, err := io.CopyN(io.Discard, f, int64(size)); err != nil {
			return false
		}
	}
	return false
}

// wordEncrypted reads the fEncrypted bit of a Word document's FibBase.
func wordEncrypted(f *mscfb.File) bool {
	var fib [12]byte
	if _, err := io.ReadFull(f, fib[:]); err != nil {
		return false
	}
	return binary.LittleEndian.Uint16(fib[10:])&0x0100 != 0
}
