//go:build unix

package main

import (
	"bytes"
	"encoding/binary"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// TestHostileCorpusEndToEnd builds a folder of every kind of bad input the
// hostile-input issue lists, runs 'parallax list' on it under a timeout,
// and checks that the good files load, each bad one is skipped with the
// right reason, and nothing that reaches the output could drive a
// terminal.
func TestHostileCorpusEndToEnd(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}

	// Files that must load.
	write("good.txt", []byte("A perfectly ordinary article\n\nIt says nothing odd."))
	write("escapes.txt", []byte("Escapes \x1b]0;owned\x07 title\n\n\x1b[6n query \x1bP1$r\x1b\\ dcs \u009b31m c1 \x07 bell \x08 bs\rCR over \u202eevil\u202c \u200bzw"))
	write("stray-byte.txt", []byte("Mostly UTF-8 — with one stray \x9b byte, read as UTF-8"))
	write("utf16.txt", utf16le("Headline in UTF-16\n\nBody text."))
	write("latin1.txt", []byte("Caf\xe9 society\n\n\x93Quoted\x94 text."))
	write("bom.md", append([]byte{0xef, 0xbb, 0xbf}, "# With a BOM\n\nBody."...))
	write("one-line.txt", []byte(strings.Repeat("word ", 200_000)))
	write("name \x1b[31mred\x1b[0m\nnewline.txt", []byte("A file whose name holds an escape and a newline."))
	// Files that must be skipped, with their reasons.
	write("binary.txt", append([]byte("PNG\x00\x00\x01"), make([]byte, 1000)...))
	write("empty.txt", nil)
	write("blank.md", []byte("\n\n   \n\t\n"))
	write("big.txt", bytes.Repeat([]byte("too big "), 200_000))
	write("image.png", []byte("\x89PNG"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if l, err := net.Listen("unix", filepath.Join(dir, "sock.txt")); err == nil {
		defer l.Close()
	} else {
		t.Logf("no unix socket here: %v", err)
	}
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "dangling.txt"))
	os.Symlink(dir, filepath.Join(dir, "loop"))
	os.Symlink(filepath.Join(dir, "good.txt"), filepath.Join(dir, "link-to-good.txt"))

	type outcome struct {
		code     int
		out, err string
	}
	done := make(chan outcome, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run([]string{"list", "--max-file-size", "1500K", dir}, &out, &errb)
		done <- outcome{code, out.String(), errb.String()}
	}()
	var got outcome
	select {
	case got = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("parallax list did not finish within 30 s (a FIFO opened for reading blocks forever)")
	}
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.err)
	}
	for _, name := range []string{"good.txt", "escapes.txt", "utf16.txt", "latin1.txt", "bom.md", "one-line.txt", "name ␛[31mred␛[0m␊newline.txt"} {
		if !strings.Contains(got.out, "\t"+name+"\t") {
			t.Errorf("%q was not loaded:\n%s", name, got.out)
		}
	}
	if strings.Contains(got.out, "link-to-good.txt") {
		t.Error("a link to a file already loaded was loaded twice")
	}
	reasons := map[string]string{
		"binary.txt":       "binary",
		"empty.txt":        "empty",
		"blank.md":         "empty",
		"big.txt":          "too large",
		"image.png":        "unsupported extension",
		"fifo.txt":         "not a regular file",
		"dangling.txt":     "dangling symbolic link",
		"loop":             "already visited",
		"link-to-good.txt": "same file as good.txt",
	}
	for name, reason := range reasons {
		line := ""
		for _, l := range strings.Split(got.err, "\n") {
			if strings.HasPrefix(l, "skipped\t"+name+"\t") {
				line = l
			}
		}
		if !strings.Contains(line, reason) {
			t.Errorf("%s: want a skip reason with %q, stderr:\n%s", name, reason, got.err)
		}
	}
	if strings.Contains(got.err, "sock.txt") && !strings.Contains(got.err, "not a regular file") {
		t.Errorf("socket not reported as not a regular file:\n%s", got.err)
	}
	assertInert(t, got.out+got.err)

	// The titles and text that load hold placeholders, not controls.
	var jsonOut, jsonErr bytes.Buffer
	if code := run([]string{"list", "--json", "--max-file-size", "1500K", dir}, &jsonOut, &jsonErr); code != 0 {
		t.Fatalf("list --json: exit %d", code)
	}
	assertInert(t, jsonOut.String())
	for _, want := range []string{"␛]0;owned␇", "<U+009B>", "<U+202E>", "<U+200B>", "Café society", "“Quoted”", "Headline in UTF-16", "\uFFFD"} {
		if !strings.Contains(jsonOut.String(), want) && !strings.Contains(got.out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// assertInert fails if s holds anything a terminal would act on: C0
// controls other than tab and newline, DEL, C1 controls, or invalid UTF-8.
func assertInert(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Error("output is not valid UTF-8")
	}
	for i, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("control character %U at byte %d: %q", r, i, s[max(0, i-20):min(len(s), i+20)])
		}
	}
}
