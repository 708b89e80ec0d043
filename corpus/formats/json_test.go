package formats

import (
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/valyala/fastjson"
)

type badLine struct {
	line   int
	reason string
}

func loadJSONL(t *testing.T, input string, f Fields) ([]Record, []badLine) {
	t.Helper()
	var recs []Record
	var bads []badLine
	err := JSONLines(strings.NewReader(input), f,
		func(r Record) { recs = append(recs, r) },
		func(line int, reason string) { bads = append(bads, badLine{line, reason}) })
	if err != nil {
		t.Fatalf("JSONLines: %v", err)
	}
	return recs, bads
}

func loadJSON(t *testing.T, input string, f Fields) ([]Record, []badLine, error) {
	t.Helper()
	var recs []Record
	var bads []badLine
	err := JSON([]byte(input), f,
		func(r Record) { recs = append(recs, r) },
		func(line int, reason string) { bads = append(bads, badLine{line, reason}) })
	return recs, bads, err
}

func TestJSONLinesWireFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/wire.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	recs, bads := loadJSONL(t, string(data), Fields{})
	if len(recs) != 6 {
		t.Fatalf("got %d records, want 6: %+v", len(recs), recs)
	}
	wantLines := []int{1, 2, 3, 4, 5, 7}
	for i, r := range recs {
		if r.Line != wantLines[i] {
			t.Errorf("record %d: Line = %d, want %d", i, r.Line, wantLines[i])
		}
	}
	if len(bads) != 2 || bads[0].line != 6 || !strings.HasPrefix(bads[0].reason, "malformed JSON") ||
		bads[1].line != 9 || bads[1].reason != reasonNoText {
		t.Errorf("bad lines = %+v, want line 6 malformed and line 9 without text", bads)
	}

	// headline/body/outlet/published_at and a numeric id.
	r := recs[0]
	if r.Title != "Marrowby footbridge closes after crack found in main span" || r.Source != "The Eastholm Ledger" ||
		r.Date != "2031-03-04T08:15:00Z" || r.URL != "https://ledger.example/news/marrowby-closes" || r.ID != "9001" {
		t.Errorf("record 1 metadata = %+v", r)
	}
	if !strings.Contains(r.Text, "main span.\n\nThe council said") {
		t.Errorf("record 1 paragraphs not kept: %q", r.Text)
	}
	// Text as a list of paragraphs, source as an object, _id, link.
	r = recs[1]
	if r.Source != "Coastline Wire" || r.ID != "cw-4471" || r.URL != "https://coastline.example/w/4471" || r.Date != "2031-03-05" {
		t.Errorf("record 2 metadata = %+v", r)
	}
	if got := strings.Split(r.Text, "\n\n"); len(got) != 3 || !strings.HasPrefix(got[2], "A temporary ferry") {
		t.Errorf("record 2 text paragraphs = %q", got)
	}
	// name as title, publisher, numeric timestamp, a line break kept inside a paragraph.
	r = recs[2]
	if r.Title != "Council votes to rebuild Marrowby footbridge" || r.Source != "Northern Dispatch" || r.Date != "1993881600" || r.ID != "nd-0f3a" {
		t.Errorf("record 3 metadata = %+v", r)
	}
	if !strings.Contains(r.Text, "repair it.\nThe new bridge") {
		t.Errorf("record 3 line break inside a paragraph lost: %q", r.Text)
	}
	sources := map[string]int{}
	for _, r := range recs {
		sources[r.Source]++
	}
	if len(sources) != 3 {
		t.Errorf("sources = %v, want 3 outlets", sources)
	}
}

func TestJSONLinesBadLines(t *testing.T) {
	input := strings.Join([]string{
		`{"title": "One", "text": "first"}`,
		``,
		`   `,
		`[{"text": "inside an array"}]`,
		`{"title": "no text here", "text": "   "}`,
		`{"text": "unterminated`,
		`"just a string"`,
		`{"text": "two values"} {"text": "on one line"}`,
		`{"title": "Last", "body": "last"}`,
	}, "\n")
	recs, bads := loadJSONL(t, input, Fields{})
	if len(recs) != 2 || recs[0].Line != 1 || recs[1].Line != 9 || recs[1].Text != "last" {
		t.Fatalf("records = %+v", recs)
	}
	want := []badLine{
		{4, "not a JSON object (array)"},
		{5, reasonNoText},
		{6, "malformed JSON: unexpected end of line"},
		{7, "not a JSON object (string)"},
		{8, "malformed JSON: unexpected data after the value"},
	}
	if len(bads) != len(want) {
		t.Fatalf("bad lines = %+v, want %+v", bads, want)
	}
	for i := range want {
		if bads[i] != want[i] {
			t.Errorf("bad %d = %+v, want %+v", i, bads[i], want[i])
		}
	}
}

func TestJSONLinesCRLFAndCase(t *testing.T) {
	input := "\ufeff{\"Headline\": \"Odd Case\", \"BODY\": \"Para one.\\r\\n\\r\\nPara two.\", \"Source\": \"Coastline Wire\", \"ID\": 12}\r\n" +
		"{\"TITLE\": \"Second\", \"Text\": \"x\"}\r\n" +
		"{\"title\": \"Third\", \"text\": \"no final newline\"}"
	recs, bads := loadJSONL(t, input, Fields{})
	if len(bads) != 0 || len(recs) != 3 {
		t.Fatalf("records %+v, bad %+v", recs, bads)
	}
	r := recs[0]
	if r.Title != "Odd Case" || r.Source != "Coastline Wire" || r.ID != "12" || r.Text != "Para one.\n\nPara two." {
		t.Errorf("first record = %+v", r)
	}
	if recs[1].Title != "Second" || recs[1].Text != "x" || recs[1].Line != 2 {
		t.Errorf("second record = %+v", recs[1])
	}
	if recs[2].Text != "no final newline" || recs[2].Line != 3 {
		t.Errorf("third record = %+v", recs[2])
	}
	for _, r := range recs {
		if strings.ContainsRune(r.Text, '\r') || strings.ContainsRune(r.Title, '\r') {
			t.Errorf("carriage return kept in %+v", r)
		}
	}
}

func TestJSONLinesTextShapes(t *testing.T) {
	input := strings.Join([]string{
		`{"text": ["First paragraph.", "", "  Second paragraph.  "]}`,
		`{"text": [["One.", "Two."], ["Three.", " Four. "], []]}`,
		`{"body": {"text": "Inside an object."}}`,
		`{"content": [{"text": "Block one."}, {"text": "Block two."}]}`,
		`{"content": "<p>Hello <b>there</b>.</p><p>Second&nbsp;one.</p><script>x()</script>"}`,
		`{"description": "Only a description.", "text": ""}`,
		`{"body": {"inner": {"text": "too deep"}}}`,
		`{"name": 42, "title": 7, "text": "numeric title"}`,
		`{"name": 42, "text": "name must be a string"}`,
		`{"text": "  a\n\n\n\n\tb  \n c\r\rd"}`,
	}, "\n")
	recs, bads := loadJSONL(t, input, Fields{})
	want := []string{
		"First paragraph.\n\nSecond paragraph.",
		"One. Two.\n\nThree. Four.",
		"Inside an object.",
		"Block one.\n\nBlock two.",
		"Hello there.\n\nSecond one.",
		"Only a description.",
		"numeric title",
		"name must be a string",
		"a\n\nb\n c\n\nd",
	}
	if len(bads) != 1 || bads[0].line != 7 {
		t.Errorf("bad lines = %+v, want only line 7", bads)
	}
	if len(recs) != len(want) {
		t.Fatalf("got %d records: %+v", len(recs), recs)
	}
	for i, w := range want {
		if recs[i].Text != w {
			t.Errorf("record %d text = %q, want %q", i, recs[i].Text, w)
		}
	}
	if recs[6].Title != "7" || recs[7].Title != "" {
		t.Errorf("titles = %q, %q; want \"7\" and \"\"", recs[6].Title, recs[7].Title)
	}
}

func TestJSONLinesMetadataDetection(t *testing.T) {
	input := strings.Join([]string{
		`{"text": "t", "publisher": {"title": "Dispatch"}, "timestamp": 1700000000, "href": "https://a.example/x", "uuid": "u-1"}`,
		`{"text": "t", "source": {"id": 3}, "domain": "b.example", "created_at": "  2031-01-02  ", "doc_id": 12.5}`,
		`{"text": "t", "_id": {"$oid": "65aa"}, "date": {"$date": "2031-05-06T00:00:00Z"}, "heading": "H"}`,
		`{"text": "t", "title": "", "headline": "Fallback   headline\n"}`,
	}, "\n")
	recs, bads := loadJSONL(t, input, Fields{})
	if len(bads) != 0 || len(recs) != 4 {
		t.Fatalf("records %+v bad %+v", recs, bads)
	}
	check := func(i int, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("record %d: got %q, want %q", i, got, want)
		}
	}
	check(0, recs[0].Source, "Dispatch")
	check(0, recs[0].Date, "1700000000")
	check(0, recs[0].URL, "https://a.example/x")
	check(0, recs[0].ID, "u-1")
	check(1, recs[1].Source, "b.example")
	check(1, recs[1].Date, "2031-01-02")
	check(1, recs[1].ID, "12.5")
	check(2, recs[2].ID, "65aa")
	check(2, recs[2].Date, "2031-05-06T00:00:00Z")
	check(2, recs[2].Title, "H")
	check(3, recs[3].Title, "Fallback headline")
}

func TestJSONLinesExplicitFields(t *testing.T) {
	input := strings.Join([]string{
		`{"title": "Detected", "Headline_Long": "Chosen", "text": "detected text", "Summary": "chosen text", "source": "S1", "feed": "S2", "date": "D1", "updated": 1800000000}`,
		`{"title": "No summary", "text": "detected text"}`,
	}, "\n")
	f := Fields{Title: "headline_long", Text: "SUMMARY", Source: "Feed", Date: "updated"}
	recs, bads := loadJSONL(t, input, f)
	if len(recs) != 1 {
		t.Fatalf("records = %+v", recs)
	}
	r := recs[0]
	if r.Title != "Chosen" || r.Text != "chosen text" || r.Source != "S2" || r.Date != "1800000000" {
		t.Errorf("explicit fields not used: %+v", r)
	}
	if len(bads) != 1 || bads[0] != (badLine{2, `field "SUMMARY" is missing or empty`}) {
		t.Errorf("bad = %+v", bads)
	}
}

func TestJSONLinesLongLine(t *testing.T) {
	long := strings.Repeat("word ", 2<<20/5) // about 2 MB of text
	input := `{"title": "Short"}` + "\n" +
		`{"title": "Long", "text": "` + long + `"}` + "\n" +
		`{"title": "After", "text": "after"}` + "\n"
	recs, bads := loadJSONL(t, input, Fields{})
	if len(recs) != 2 || len(bads) != 1 || bads[0].line != 1 {
		t.Fatalf("got %d records, bad %+v", len(recs), bads)
	}
	if recs[0].Line != 2 || len(recs[0].Text) != len(long)-1 {
		t.Errorf("long record: line %d, %d bytes of text, want %d", recs[0].Line, len(recs[0].Text), len(long)-1)
	}
	if recs[1].Line != 3 || recs[1].Text != "after" {
		t.Errorf("record after the long line = %+v", recs[1])
	}
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		r.n++
		return copy(p, "{\"text\": \"ok\"}\n{\"te"), nil
	}
	return 0, errors.New("disk on fire")
}

func TestJSONLinesIOError(t *testing.T) {
	var recs []Record
	err := JSONLines(&failingReader{}, Fields{}, func(r Record) { recs = append(recs, r) },
		func(int, string) { t.Error("partial line reported as bad") })
	if err == nil || err.Error() != "disk on fire" {
		t.Errorf("err = %v, want the reader's error", err)
	}
	if len(recs) != 1 {
		t.Errorf("records before the error = %d, want 1", len(recs))
	}
	if err := JSONLines(strings.NewReader(""), Fields{}, func(Record) {}, func(int, string) {}); err != nil {
		t.Errorf("empty input: %v", err)
	}
	var _ io.Reader = &failingReader{}
}

func TestJSONArchiveFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/archive.json")
	if err != nil {
		t.Fatal(err)
	}
	recs, bads, err := loadJSON(t, string(data), Fields{})
	if err != nil || len(bads) != 0 || len(recs) != 3 {
		t.Fatalf("err %v, bad %+v, %d records", err, bads, len(recs))
	}
	if r := recs[0]; r.Source != "Northern Dispatch" || r.Date != "2031-03-07" || r.ID != "301" || r.Line != 0 ||
		!strings.Contains(r.Text, "footbridge.\n\nThe crossing") {
		t.Errorf("record 1 = %+v", r)
	}
	want := "The tram drivers' union in Port Seline has put the city's revised pay offer to a ballot. The result is expected on Saturday evening.\n\n" +
		"The offer raises the night-shift allowance by eight percent. It also adds a paid meal break on shifts longer than nine hours."
	if r := recs[1]; r.Text != want || r.Source != "Coastline Wire" || r.URL != "https://coastline.example/w/4519" ||
		r.Date != "2031-04-14T09:00:00+01:00" {
		t.Errorf("record 2 = %+v", r)
	}
	if r := recs[2]; r.Title != "Letters: the bridge we took for granted" || r.Source != "The Eastholm Ledger" ||
		r.Date != "2031-03-09" || !strings.HasPrefix(r.Text, "Sir, for thirty years") {
		t.Errorf("record 3 = %+v", r)
	}
}

func TestJSONSingleObjectAndElements(t *testing.T) {
	recs, bads, err := loadJSON(t, ` {"headline": "Alone", "body": "just one"} `, Fields{})
	if err != nil || len(bads) != 0 || len(recs) != 1 || recs[0].Title != "Alone" || recs[0].Text != "just one" {
		t.Errorf("single object: %v %+v %+v", err, bads, recs)
	}

	recs, bads, err = loadJSON(t, `[{"text": "a"}, 5, "x", {"title": "no text"}, null, [1], {"text": "b"}]`, Fields{})
	if err != nil || len(recs) != 2 || recs[0].Text != "a" || recs[1].Text != "b" {
		t.Fatalf("array: %v %+v", err, recs)
	}
	want := []badLine{{2, "not a JSON object (number)"}, {3, "not a JSON object (string)"}, {4, reasonNoText},
		{5, "not a JSON object (null)"}, {6, "not a JSON object (array)"}}
	if len(bads) != len(want) {
		t.Fatalf("bad = %+v", bads)
	}
	for i := range want {
		if bads[i] != want[i] {
			t.Errorf("bad %d = %+v, want %+v", i, bads[i], want[i])
		}
	}

	recs, bads, _ = loadJSON(t, `{"title": "no text"}`, Fields{})
	if len(recs) != 0 || len(bads) != 1 || bads[0] != (badLine{1, reasonNoText}) {
		t.Errorf("single object without text: %+v %+v", recs, bads)
	}
}

func TestJSONWrapperAndConcatenated(t *testing.T) {
	recs, bads, err := loadJSON(t, `{"status": "ok", "Articles": [{"text": "a"}, {"text": "b"}]}`, Fields{})
	if err != nil || len(bads) != 0 || len(recs) != 2 {
		t.Errorf("wrapper: %v %+v %+v", err, bads, recs)
	}
	recs, bads, err = loadJSON(t, "{\"text\": \"a\"}\n{\"text\": \"b\"}\n[{\"text\": \"c\"}, 1]\n", Fields{})
	if err != nil || len(recs) != 3 || len(bads) != 1 || bads[0].line != 4 {
		t.Errorf("concatenated: %v %+v %+v", err, bads, recs)
	}
}

func TestJSONErrors(t *testing.T) {
	for _, in := range []string{"", "  \n", "42", `"text"`, `[{"text": "a"}, {"text": `, `{"text": }`, `[1, 2`, "\ufeff"} {
		var n int
		_, _, err := loadJSON(t, in, Fields{})
		if err == nil {
			t.Errorf("JSON(%q): no error", in)
		}
		_ = n
	}
	// Records before a syntax error have been delivered.
	recs, _, err := loadJSON(t, `[{"text": "a"}, {"text": "b"}, {oops}]`, Fields{})
	if err == nil || len(recs) != 2 || !strings.Contains(err.Error(), "element 3") {
		t.Errorf("err %v, %d records", err, len(recs))
	}
}

// The fast path must take the lines JSON Lines files are made of, and
// leave to encoding/json the ones where the two decoders differ.
func TestDecodeFastTakesTypicalLines(t *testing.T) {
	var p fastjson.Parser
	for _, line := range []string{
		`{"title": "Storm hits coast", "text": "Winds of 120 km/h.\n\nPower cut.", "date": "2026-01-02", "id": 17, "tags": ["a", "b"], "extra": null, "ok": true}`,
		`{"headline": "caf\u00e9 \"quoted\"", "body": [["s1", "s2"], ["s3"]], "score": -1.5e3}`,
		"{\"text\": \"\xff invalid bytes become U+FFFD\"}",
	} {
		if _, ok := decodeFast(&p, []byte(line)); !ok {
			t.Errorf("fast path refused %s", line)
		}
	}
	for _, line := range []string{
		"{\"text\": \"a raw\ttab\"}",        // encoding/json rejects it
		`{"text": "a lone \ud800 escape"}`,  // decoded differently
		`{"text": "an emoji \ud83d\ude00"}`, // a pair: the slow path too
		`{"text": "x"} trailing`,
		`{"text": 01}`,
	} {
		if _, ok := decodeFast(&p, []byte(line)); ok {
			t.Errorf("fast path took %s", line)
		}
	}
}

// Hostile nesting must fail fast with encoding/json's message: fastjson's
// Validate, run first, overflowed the stack on a line of two million "["
// and took minutes on 100,000 unclosed ones.
func TestJSONLinesDeepNesting(t *testing.T) {
	for _, line := range []string{
		strings.Repeat("[", 2_000_000) + strings.Repeat("]", 2_000_000),
		strings.Repeat("[", 100_000),
	} {
		var reasons []string
		err := JSONLines(strings.NewReader(line+"\n"+`{"text": "after"}`), Fields{},
			func(r Record) { reasons = append(reasons, "record: "+r.Text) },
			func(_ int, reason string) { reasons = append(reasons, reason) })
		want := []string{"malformed JSON: invalid character '[' exceeded max depth (at byte 10001)", "record: after"}
		if err != nil || !slices.Equal(reasons, want) {
			t.Errorf("%d bytes of nesting: %q, %v; want %q", len(line), reasons, err, want)
		}
	}
}
