package corpus

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The encoding rule, in order:
//  1. a UTF-8 BOM is stripped and the rest read as UTF-8;
//  2. a UTF-16 LE or BE BOM selects UTF-16;
//  3. valid UTF-8 is read as UTF-8;
//  4. otherwise, when the text holds fewer valid multi-byte UTF-8
//     sequences than invalid bytes (so it is not UTF-8 with a few stray
//     bytes) and no byte falls on one of the five holes of Windows-1252
//     (0x81 0x8D 0x8F 0x90 0x9D), it is read as Windows-1252 (which
//     includes Latin-1's printable range);
//  5. otherwise it is read as UTF-8 and each invalid byte becomes U+FFFD.

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decode turns raw file bytes into a Go string following the rule above.
// It returns the name of the encoding it chose.
func decode(raw []byte) (string, string) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return bytesToString(raw[len(bomUTF8):]), "utf-8"
	case bytes.HasPrefix(raw, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), raw), "utf-16le"
	case bytes.HasPrefix(raw, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), raw), "utf-16be"
	case utf8.Valid(raw):
		return bytesToString(raw), "utf-8"
	case !mostlyUTF8(raw) && !hasWindows1252Holes(raw):
		s, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err == nil {
			return string(s), "windows-1252"
		}
	}
	return replaceInvalid(raw), "utf-8 (invalid bytes replaced)"
}

// bytesToString shares a file's bytes as a string without copying them.
// The loader hands each buffer to decode once and never touches it again,
// so the string's immutability holds; this saves copying every file.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// replaceInvalid reads raw as UTF-8, turning each invalid byte into U+FFFD
// (bytes.ToValidUTF8 would fold a run of them into one).
func replaceInvalid(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + 16)
	for len(raw) > 0 {
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(raw[:n])
		}
		raw = raw[n:]
	}
	return b.String()
}

func decodeWith(enc encoding.Encoding, raw []byte) string {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return replaceInvalid(raw)
	}
	return string(out)
}

// mostlyUTF8 reports whether raw holds at least as many valid multi-byte
// UTF-8 sequences as invalid bytes: UTF-8 text with a few stray bytes,
// which reading as Windows-1252 would turn into mojibake.
func mostlyUTF8(raw []byte) bool {
	valid, invalid := 0, 0
	for len(raw) > 0 {
		if raw[0] < utf8.RuneSelf {
			raw = raw[1:]
			continue
		}
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		raw = raw[n:]
	}
	return valid > 0 && valid >= invalid
}

func hasWindows1252Holes(raw []byte) bool {
	for _, c := range raw {
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

// looksBinary reports whether the start of a file is not text: a NUL byte
// (outside UTF-16, where NULs are normal), or more than a tenth of the
// bytes being control characters other than tab, newline, carriage
// return and form feed.
func looksBinary(head []byte) bool {
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for i := 0; i < len(head); i++ {
		// Most 8-byte runs hold no byte below 0x20 at all: skip them at
		// once (the test may flag a run wrongly, never miss one).
		for i+8 <= len(head) && !hasByteBelow0x20(binary.LittleEndian.Uint64(head[i:])) {
			i += 8
		}
		if i == len(head) {
			break
		}
		if c := head[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	return controls*10 > len(head)
}

// hasByteBelow0x20 reports whether some byte of x may be below 0x20: a
// byte below it borrows when 0x20 is subtracted and sets its top bit.
func hasByteBelow0x20(x uint64) bool {
	const ones = 0x0101010101010101
	return (x-0x20*ones)&^x&(0x80*ones) != 0
}
