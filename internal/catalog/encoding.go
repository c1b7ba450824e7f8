package catalog

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// saveAsUTF8 tells the person who edits a data file how to save it again.
const saveAsUTF8 = "hãy mở tệp bằng Notepad, chọn File > Save As (Tệp > Lưu thành), ở ô Encoding chọn UTF-8 rồi lưu lại bằng UTF-8 (đè lên tệp cũ)"

// text returns a data file's bytes as UTF-8 text with LF line ends. Notepad
// saves "Unicode" as UTF-16 with a byte order mark and CRLF, and "UTF-8"
// with a mark: both are read. Any other encoding (ANSI, Windows-1258,
// TCVN3) is refused, since its Vietnamese letters would be read wrong.
func text(path string, data []byte) ([]byte, *DataError) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if len(data)%2 != 0 {
			return nil, &DataError{File: path, Msg: "tệp lưu bằng bảng mã Unicode (UTF-16) nhưng bị cắt cụt hoặc hỏng: " + saveAsUTF8}
		}
		big := data[0] == 0xFE
		units := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if big {
				units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		data = []byte(string(utf16.Decode(units)))
	case looksUTF16(data):
		return nil, &DataError{File: path, Msg: "tệp lưu bằng bảng mã Unicode (UTF-16) nhưng thiếu dấu nhận biết ở đầu tệp: " + saveAsUTF8}
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		return nil, &DataError{File: path, Line: line, Msg: fmt.Sprintf("tệp không lưu bằng bảng mã UTF-8 (có lẽ ANSI, Windows-1258 hay TCVN3) nên chữ có dấu sẽ bị đọc sai; %s", saveAsUTF8)}
	}
	return data, nil
}

// invalidAt is the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// looksUTF16 tells UTF-16 text without a byte order mark: YAML is mostly
// ASCII, so every other byte of its first bytes is zero.
func looksUTF16(data []byte) bool {
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	zeros := [2]int{}
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i%2]++
		}
	}
	half := n / 2
	return zeros[0] >= half*3/4 || zeros[1] >= half*3/4
}
