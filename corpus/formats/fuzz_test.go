package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

func checkRecord(t *testing.T, r Record) {
	t.Helper()
	for _, s := range []string{r.Title, r.Source, r.Date, r.URL, r.ID, r.Text} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %+v", r)
		}
	}
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"title": "T", "text": "body"}` + "\n"))
	f.Add([]byte("{\"Headline\": \"H\", \"BODY\": [\"a\", \"b\"]}\r\n\r\n[1]\n{\"text\": \"x\"\n"))
	f.Add([]byte(`{"text": [["s1", "s2"], ["s3"]], "source": {"name": "N"}, "id": 7, "timestamp": 1.5e9}`))
	f.Add([]byte(`{"content": "<p>a<br>b</p><pre> x </pre>", "_id": {"$oid": "1"}}` + "\n\n{}\n"))
	f.Add([]byte("\ufeff{\"body\": {\"text\": \"\\u0000\\ud800 tricky \\u00e9\"}}"))
	f.Add([]byte("{\"text\": \"\xff\xfe invalid bytes\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		last := 0
		err := JSONLines(bytes.NewReader(data), Fields{},
			func(r Record) {
				checkRecord(t, r)
				if strings.TrimSpace(r.Text) == "" {
					t.Fatalf("record without text: %+v", r)
				}
				if r.Line <= last || r.Line > lines {
					t.Fatalf("line %d after %d (of %d)", r.Line, last, lines)
				}
				last = r.Line
			},
			func(line int, reason string) {
				if line <= last || line > lines || reason == "" {
					t.Fatalf("bad line %d (%q) after %d (of %d)", line, reason, last, lines)
				}
				last = line
			})
		if err != nil {
			t.Fatalf("error from an in-memory reader: %v", err)
		}
		// JSON must not panic on the same bytes either.
		_ = JSON(data, Fields{}, func(r Record) { checkRecord(t, r) }, func(int, string) {})
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T | S</title><meta property="og:site_name" content="S"></head><body><article><h1>H</h1><p>a<br>b</p><ul><li>x</li></ul></article></body></html>`))
	f.Add([]byte(`<nav class="menu">m</nav><main><pre>  p  </pre><ol start="-2"><li value="9">v</li></ol></main>`))
	f.Add([]byte("<p>\xff\xfe</p><svg><title>s</title></svg><table><td>c"))
	f.Add([]byte(`<div role="navigation">n</div><div id="cookie_banner">c</div><p>&amp;&#0;&#xD800;&nbsp;</p>`))
	f.Add([]byte("<form><article hidden><time datetime=\"d\">t</time></article></form>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := HTML(data)
		checkRecord(t, r)
		if strings.HasPrefix(r.Text, "\n") || strings.HasSuffix(r.Text, "\n") {
			t.Fatalf("text not trimmed: %q", r.Text)
		}
	})
}

// FuzzDecodeFast checks the fast JSON path against encoding/json: what it
// decodes, encoding/json must decode the same way, with nothing after it.
func FuzzDecodeFast(f *testing.F) {
	f.Add([]byte(`{"title": "T", "text": "body", "n": 1.50, "e": -0e+3, "x": [true, false, null, {}]}`))
	f.Add([]byte("{\"a\": \"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\", \"a\": 2, \"\xff\": \"\xc3\x28\"}"))
	f.Add([]byte(`{"a": "\ud83d\ude00 \ud800 \udc00x \\ud800"}`))
	f.Add([]byte("{\"a\": \"tab\tinside\"}"))
	f.Add([]byte(`{"a": 01} [1,] {"a" 1} "x" 1 2 {"a":1}}`))
	f.Add([]byte(" \r\n{\"a\": [[[[[]]]]]}\t "))
	var p fastjson.Parser
	f.Fuzz(func(t *testing.T, line []byte) {
		got, ok := decodeFast(&p, line)
		if !ok {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("fast path decoded %q, which encoding/json rejects: %v", line, err)
		}
		if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
			t.Fatalf("fast path decoded %q, which has %q after its value", line, rest)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path %#v, encoding/json %#v", line, got, want)
		}
	})
}
