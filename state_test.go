package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parallax/corpus"
	"parallax/corpus/sample"
	"parallax/ui"

	tea "charm.land/bubbletea/v2"
)

func TestStatePathFollowsXDG(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if d, _ := stateDir(env(map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/home/u"})); d != "/x/state/parallax" {
		t.Errorf("with XDG_STATE_HOME: %s", d)
	}
	if d, _ := stateDir(env(map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"})); d != "/home/u/.local/state/parallax" {
		t.Errorf("a relative XDG_STATE_HOME must be ignored: %s", d)
	}
	if _, err := stateDir(env(nil)); err == nil {
		t.Error("no HOME and no XDG_STATE_HOME should be an error")
	}
	a, b := statePath("/s", corpusKey([]string{"/a"})), statePath("/s", corpusKey([]string{"/b"}))
	if a == b || !strings.HasPrefix(a, "/s/sessions/") {
		t.Errorf("paths %q %q", a, b)
	}
}

// A session saved after reading comes back: documents, positions, focus,
// back-stack and marks.
func TestSessionRoundTrip(t *testing.T) {
	c, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	keys := defaultKeyMap()
	var m tea.Model = ui.New(c, keys)
	press := func(msgs ...tea.Msg) {
		for _, msg := range msgs {
			m, _ = m.Update(msg)
		}
	}
	key := func(s string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }
	press(tea.WindowSizeMsg{Width: 100, Height: 30}, key("j"), key("j"), key("j"), key("m"), key("q"),
		tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}, key("h"), key("e"), key("r"), key("a"), key("l"),
		tea.KeyPressMsg{Code: tea.KeyEnter}, key("G"))
	saved := m.(ui.Model).Session()
	dir := t.TempDir()
	path := statePath(dir, corpusKey(nil))
	if err := saveState(path, corpusKey(nil), saved); err != nil {
		t.Fatal(err)
	}
	got, notice := loadState(path, corpusKey(nil))
	if got == nil || notice != "" {
		t.Fatalf("loadState: %v %q", got, notice)
	}
	var back tea.Model = ui.New(c, keys, ui.WithSession(*got))
	back, _ = back.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	again := back.(ui.Model).Session()
	a, _ := json.Marshal(saved)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Errorf("restored session differs:\nsaved    %s\nrestored %s", a, b)
	}
	if saved.Marks["q"].Doc == "" || saved.Focus != 1 || len(saved.Panes[1].History) != 1 {
		t.Errorf("session lacks the mark, the focus or the back-stack: %s", a)
	}
}

// Quitting before the corpus is loaded (the session to restore waits for
// it) must save the session it was given, not an empty one; once loaded,
// the reader's own state is saved.
func TestSessionKeptWhenQuittingWhileLoading(t *testing.T) {
	c, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	given := ui.Session{Focus: 1, Marks: map[string]ui.Place{"q": {Doc: c.Docs[2].ID, Para: 3}}}
	given.Panes[0].Place = ui.Place{Doc: c.Docs[1].ID, Para: 2}
	ch := make(chan tea.Msg)
	var m tea.Model = ui.New(&corpus.Corpus{}, defaultKeyMap(), ui.WithSession(given), ui.Loading(ch, 0, 0))
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a, _ := json.Marshal(given)
	if b, _ := json.Marshal(m.(ui.Model).Session()); !bytes.Equal(a, b) {
		t.Errorf("quitting while loading saves %s, want the session given %s", b, a)
	}
	m, _ = m.Update(ui.LoadDoneMsg{Corpus: c})
	got := m.(ui.Model).Session()
	if got.Panes[0].Doc != c.Docs[1].ID || got.Marks["q"].Doc != c.Docs[2].ID || got.Focus != 1 {
		t.Errorf("after loading, the session was not applied: %+v", got)
	}
}

func TestDamagedStateIsIgnoredWithANotice(t *testing.T) {
	dir := t.TempDir()
	key := corpusKey([]string{"/corpus"})
	path := statePath(dir, key)
	if err := saveState(path, key, ui.Session{Focus: 1}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"garbage":   []byte("\x00\x01not json"),
		"foreign":   []byte(`{"version": 99, "corpus": ["/corpus"], "session": {}}`),
	} {
		os.WriteFile(path, data, 0o600)
		s, notice := loadState(path, key)
		if s != nil || !strings.Contains(notice, "session not restored") {
			t.Errorf("%s: session %v, notice %q", name, s, notice)
		}
	}
	os.Remove(path)
	if s, notice := loadState(path, key); s != nil || notice != "" {
		t.Errorf("missing file: %v %q", s, notice)
	}
}

// Two processes saving the same session file at the same time never
// leave a half-written file: every read in between sees a whole one.
func TestConcurrentWritersNeverLeaveHalfAFile(t *testing.T) {
	if os.Getenv("PARALLAX_STATE_WRITER") != "" {
		return // run as a writer, below
	}
	dir := t.TempDir()
	path := statePath(dir, corpusKey([]string{"/c"}))
	var procs []*exec.Cmd
	for i := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStateWriterProcess$")
		cmd.Env = append(os.Environ(), "PARALLAX_STATE_WRITER="+path, fmt.Sprintf("PARALLAX_STATE_N=%d", i))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	reads := 0
	done := make(chan error, 2)
	for _, p := range procs {
		go func() { done <- p.Wait() }()
	}
	finished := 0
	for finished < 2 {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			finished++
		default:
			data, err := os.ReadFile(path)
			if err != nil {
				continue // not written yet
			}
			var f stateFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("read %d bytes of a half-written file: %v", len(data), err)
			}
			reads++
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".session-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	t.Logf("%d reads while writing", reads)
}

// TestStateWriterProcess is the writer of the test above, run in its own
// process.
func TestStateWriterProcess(t *testing.T) {
	path := os.Getenv("PARALLAX_STATE_WRITER")
	if path == "" {
		t.Skip("run by TestConcurrentWritersNeverLeaveHalfAFile")
	}
	s := ui.Session{Marks: map[string]ui.Place{}}
	for i := range 200 {
		s.Marks[fmt.Sprintf("%c", 'a'+i%26)] = ui.Place{Doc: strings.Repeat("x", 500), Para: i}
	}
	for range 200 {
		if err := saveState(path, corpusKey([]string{"/c"}), s); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExportNeverOverwritesOrWritesInsideTheCorpus(t *testing.T) {
	out := t.TempDir()
	corpusDir := t.TempDir()
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(out)
	write := exportWriter([]string{corpusDir})
	p1, err1 := write("a-vs-b.md", []byte("one"))
	p2, err2 := write("a-vs-b.md", []byte("two"))
	if err1 != nil || err2 != nil || p1 != "a-vs-b.md" || p2 != "a-vs-b-2.md" {
		t.Fatalf("exports: %q %v, %q %v", p1, err1, p2, err2)
	}
	if data, _ := os.ReadFile(filepath.Join(out, p1)); string(data) != "one" {
		t.Errorf("the first export was overwritten: %q", data)
	}
	os.Chdir(corpusDir)
	if _, err := write("x.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "inside the corpus") {
		t.Errorf("writing inside the corpus: %v", err)
	}
	if entries, _ := os.ReadDir(corpusDir); len(entries) != 0 {
		t.Errorf("the corpus folder holds %d new files", len(entries))
	}
}
