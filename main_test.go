package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/corpus"
	"parallax/ui"

	tea "charm.land/bubbletea/v2"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestListPrintsDocumentsAndSkippedFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":         "Second Story Headline\n\nBody text here.",
		"a.md":          "# First Story\n\nOne two three.",
		"sub/c.text":    "Third one lives in a folder.",
		"image.png":     "not text",
		"notes.pdf":     "%PDF",
		"sub/d.txt":     "",
		"z\x1b[31m.txt": "Escape in the name.",
	})
	code, out, errOut := runCLI(t, "list", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"index\twords\ttitle\tpath\tsource\tdate",
		"0\t5\tFirst Story\ta.md\t\t",
		"1\t6\tSecond Story Headline\tb.txt\t\t",
		"2\t6\tThird one lives in a folder.\tsub/c.text\t\t",
		"3\t4\tEscape in the name.\tz␛[31m.txt\t\t",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
	for _, w := range []string{"image.png\tunsupported extension", "notes.pdf\tunsupported extension", "sub/d.txt\tempty"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	if strings.ContainsRune(out+errOut, 0x1b) {
		t.Error("an escape character reached the output")
	}
}

func TestListJSON(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Headline Here\n\nFirst paragraph.\n\nSecond paragraph."})
	code, out, _ := runCLI(t, "list", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var docs []struct {
		Index      int      `json:"index"`
		Title      string   `json:"title"`
		Paragraphs []string `json:"paragraphs"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(docs) != 1 || docs[0].Title != "Headline Here" || len(docs[0].Paragraphs) != 3 {
		t.Errorf("got %+v", docs)
	}
}

func TestErrorsAreOneLineAndExitNonZero(t *testing.T) {
	empty := writeFiles(t, map[string]string{"x.png": "no"})
	mixed := writeFiles(t, map[string]string{"a.txt": "Some text to read.", "bin.txt": "\x00\x01\x02", "b.txt": "", "c.txt": ""})
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"/no/such/path"}, 1, "/no/such/path: no such file or directory"},
		{[]string{"list", "/no/such/path"}, 1, "/no/such/path: no such file or directory"},
		{[]string{"list", empty}, 1, "no loadable document (1 file skipped: x.png: unsupported extension)"},
		{[]string{"list", filepath.Join(mixed, "bin.txt")}, 1, "bin.txt: binary"},
		{[]string{"list", filepath.Join(mixed, "b.txt"), filepath.Join(mixed, "c.txt"), filepath.Join(mixed, "bin.txt")}, 1, "bin.txt: no loadable document (3 files skipped: "},
		{[]string{"align", filepath.Join(mixed, "a.txt"), filepath.Join(mixed, "bin.txt")}, 1, "bin.txt: not loaded: binary"},
		{[]string{"--bogus"}, 2, "flag provided but not defined"},
		{[]string{"align", "onlyone.txt"}, 2, "takes two files"},
		{[]string{"--json"}, 2, "--json applies to the subcommands"},
		{[]string{"--max-file-size", "lots", "list"}, 2, "--max-file-size"},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d stderr %q; want exit %d containing %q", c.args, code, errOut, c.code, c.want)
		}
		if n := strings.Count(strings.TrimSpace(errOut), "\n"); n > 0 {
			t.Errorf("%q: error is %d lines, want one: %q", c.args, n+1, errOut)
		}
	}
}

func TestSubcommandOnlyAsFirstArgument(t *testing.T) {
	dir := writeFiles(t, map[string]string{"list/a.txt": "A folder named list holds this."})
	// "./list" is a path, not the subcommand: with list first it is listed.
	code, out, errOut := runCLI(t, "list", filepath.Join(dir, "list"))
	if code != 0 || !strings.Contains(out, "a.txt") {
		t.Fatalf("exit %d out %q err %q", code, out, errOut)
	}
	// A second "list" is a path like any other (and here does not exist).
	code, _, errOut = runCLI(t, "list", "list")
	if code != 1 || !strings.Contains(errOut, "list: no such file or directory") {
		t.Errorf("exit %d stderr %q", code, errOut)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if code, out, _ := runCLI(t, "--version"); code != 0 || !strings.HasPrefix(out, "parallax ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--help"); code != 0 || !strings.Contains(out, "parallax list") {
		t.Errorf("--help: %d %q", code, out)
	}
}

func TestListOfSampleCorpus(t *testing.T) {
	code, out, _ := runCLI(t, "list")
	if code != 0 || strings.Count(out, "\n") != 6 {
		t.Errorf("sample list: exit %d, %d lines:\n%s", code, strings.Count(out, "\n"), out)
	}
}

func TestRelatedAlignTerms(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "The dam gate failed after heavy rain flooded the riverside town overnight.\n\nThe mayor cut the budget for flood defences two years ago.",
		"b.txt": "Heavy rain made the dam gate fail and flood the riverside town.\n\nShares in the operator fell sharply on Friday.",
		"c.txt": "Fans celebrated the weekend win in the football stadium.",
	})
	code, out, _ := runCLI(t, "related", dir)
	if code != 0 || !strings.HasPrefix(out, "doc\trank\tother\tscore\n") || !strings.Contains(out, "a.txt\t1\tb.txt\t") {
		t.Errorf("related: %d\n%s", code, out)
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	code, out, _ = runCLI(t, "align", "--json", "--corpus", dir, a, b)
	var rows []struct {
		A struct{ Index int }  `json:"a"`
		B *struct{ Index int } `json:"b"`
	}
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil {
		t.Fatalf("align --json: %d %v\n%s", code, err, out)
	}
	if len(rows) != 2 || rows[0].B == nil || rows[0].B.Index != 0 || rows[1].B != nil {
		t.Errorf("align rows = %+v", rows)
	}
	code, out, _ = runCLI(t, "terms", a, b)
	if code != 0 || !strings.Contains(out, "side\trank\tterm\tscore\tcount_a\tcount_b") {
		t.Errorf("terms: %d\n%s", code, out)
	}
}

// failingWriter refuses every write, like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Output is buffered; a write that fails (full disk, closed pipe) must
// still make the command fail, with the reason, even when the output is
// small enough to fail only at the final flush.
func TestCommandOutputThatCannotBeWrittenFails(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Some text to read."})
	for _, args := range [][]string{{"list", dir}, {"list", "--json", dir}} {
		var errb bytes.Buffer
		code := run(args, failingWriter{}, &errb)
		if code != 1 || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%q to a failing writer: exit %d, stderr %q; want 1 and the reason", args, code, errb.String())
		}
	}
}

// A walk that outlasts walkWait finishes in the background: the reader
// first hears how much there is to load and what was skipped, then gets
// the load's messages; a failed walk ends the reader with its error.
func TestLoadWhenWalked(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Alpha Story\n\nThe first text.", "b.txt": "Beta Story\n\nThe second text.", "scan.pdf": "%PDF"})
	plan, err := corpus.Walk([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	walked := make(chan walkResult, 1)
	walked <- walkResult{plan: plan}
	ch := make(chan tea.Msg, 64)
	go loadWhenWalked(walked, corpus.Options{}, ch)
	if msg, ok := (<-ch).(ui.LoadProgressMsg); !ok || msg.Total != 2 || msg.TotalBytes != plan.Bytes || len(msg.Skipped) != 1 {
		t.Fatalf("first message %#v, want the totals (2 files, %d bytes) and the skipped file", msg, plan.Bytes)
	}
	if _, ok := (<-ch).(ui.FirstDocMsg); !ok {
		t.Fatal("no first document")
	}
	for msg := range ch {
		if done, ok := msg.(ui.LoadDoneMsg); ok {
			if done.Err != nil || done.Corpus.Len() != 2 {
				t.Fatalf("load done: %v, %v", done.Err, done.Corpus)
			}
			break
		}
	}

	failed := &corpus.PathError{Path: "/no/such/path", Reason: "no such file or directory"}
	walked <- walkResult{err: failed}
	go loadWhenWalked(walked, corpus.Options{}, ch)
	if msg, ok := (<-ch).(ui.LoadDoneMsg); !ok || !errors.Is(msg.Err, failed) {
		t.Fatalf("after a failed walk: %#v, want the walk's error", msg)
	}
}

// align and terms name a document of a JSON Lines or JSON file as list
// does; the file alone is ambiguous when it holds several.
func TestCompareRecordsOfJSONFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"wire.jsonl": `{"title": "Bridge shut", "text": "The Marrowby footbridge closed after engineers found a crack in its main span."}` + "\n" +
			`{"title": "Tram strike", "text": "Tram drivers in Port Seline walked out over pay on Monday morning."}` + "\n" +
			"{broken\n" +
			`{"title": "Bridge rebuilt", "text": "The council voted to rebuild the Marrowby footbridge after engineers found a crack."}` + "\n",
		"archive.json": `[{"title": "Ferry", "text": "A ferry now crosses the Tane while the footbridge is shut."}]`,
	})
	wire, archive := filepath.Join(dir, "wire.jsonl"), filepath.Join(dir, "archive.json")
	code, out, errOut := runCLI(t, "align", wire+":1", wire+":4")
	if code != 0 || !strings.Contains(out, "# A: "+wire+":1\n# B: "+wire+":4\n") || !strings.Contains(out, "Marrowby") {
		t.Errorf("align of two records: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "terms", wire+":2", archive+"#1")
	if code != 0 || !strings.Contains(out, "# B: "+archive+"#1\n") {
		t.Errorf("terms of two records: exit %d\n%s%s", code, out, errOut)
	}
	for _, c := range []struct {
		a, want string
	}{
		{wire, "wire.jsonl: holds several documents (3): name one as 'parallax list' does, such as " + wire + ":1"},
		{wire + ":3", "wire.jsonl:3: not loaded: malformed JSON"},
		{wire + ":9", "wire.jsonl:9: no such document: this file's run from " + wire + ":1 to " + wire + ":4 (see 'parallax list')"},
		{wire + "#2", "wire.jsonl#2: no such document: the documents of this file are named " + wire + ":N, as 'parallax list' shows"},
		{dir, ": is a folder: name one of its files"},
	} {
		code, _, errOut := runCLI(t, "align", c.a, archive)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("align %s: exit %d stderr %q; want exit 1 and %q", c.a, code, errOut, c.want)
		}
	}
}
