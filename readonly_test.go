//go:build linux

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/corpus"
	"parallax/ui"

	tea "charm.land/bubbletea/v2"
)

// snapshot records everything about a tree that parallax must not change:
// names, modes, sizes, contents, modification and change times, and (for
// files, on Linux, where parallax reads with O_NOATIME) access times.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		line := fmt.Sprintf("%s %v %d mtime=%d", p, info.Mode(), info.Size(), info.ModTime().UnixNano())
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			line += fmt.Sprintf(" ctime=%d.%d", st.Ctim.Sec, st.Ctim.Nsec)
			if info.Mode().IsRegular() {
				line += fmt.Sprintf(" atime=%d.%d", st.Atim.Sec, st.Atim.Nsec)
			}
		}
		if info.Mode().IsRegular() {
			// Read without touching the access time, as parallax does.
			f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOATIME, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err != nil {
				return err
			}
			line += fmt.Sprintf(" sha=%x", h.Sum(nil))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestCorpusIsUntouched loads a corpus, reads it through the interface
// (scrolling, palette, search, lens, terms, swap) and quits, and checks
// that not a byte, a mode or a timestamp in it changed and nothing was
// created in it.
func TestCorpusIsUntouched(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":           "Dam gate fails in river town\n\nThe gate failed after heavy rain. The mayor blamed the operator.",
		"b.md":            "# Operator shares fall\n\nShares fell as insurers counted the cost of the gate failure.",
		"sub/c.txt":       "Council cut flood budgets\n\nThe mayor cut flood budgets in 2024.",
		"skip.pdf":        "%PDF-1.4",
		"evil\x1b[2J.txt": "Escape \x1b]52;c;aGk=\x07 in name and text.",
	})
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	// Let every timestamp settle in the past so a change would show.
	past := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink == 0 {
			os.Chtimes(p, past, past)
		}
		return nil
	})
	before := snapshot(t, dir)

	var out, errb bytes.Buffer
	if code := run([]string{"list", dir}, &out, &errb); code != 0 {
		t.Fatalf("list: exit %d: %s", code, errb.String())
	}
	c, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m tea.Model = ui.New(c, defaultKeyMap())
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press := func(keys ...string) {
		for _, k := range keys {
			var msg tea.KeyPressMsg
			switch k {
			case "enter":
				msg = tea.KeyPressMsg{Code: tea.KeyEnter}
			case "esc":
				msg = tea.KeyPressMsg{Code: tea.KeyEscape}
			case "tab":
				msg = tea.KeyPressMsg{Code: tea.KeyTab}
			case "ctrl+p":
				msg = tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
			default:
				msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
			}
			m, _ = m.Update(msg)
			_ = m.View()
		}
	}
	press("j", "j", "G", "g", "tab", "ctrl+p", "s", "h", "a", "r", "e", "enter", "esc", "enter",
		"/", "g", "a", "t", "e", "enter", "n", "N", "esc", "e", "m", "a", "y", "o", "r", "enter",
		"i", "h", "a", "L", "j", "r", "s", "esc", "?", "esc", "q")

	if after := snapshot(t, dir); after != before {
		t.Errorf("the corpus changed.\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
