package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// Field detection for JSON and JSON Lines records.
//
// Keys are matched case-insensitively ("Headline", "BODY" and "body" are the
// same key); for each piece of metadata the first of these keys that holds a
// usable, non-empty value wins, in this order:
//
//	title:  title, headline, name (only when it is a string), heading
//	text:   text, body, content, article, article_text, full_text, story,
//	        maintext, description (the last resort)
//	source: source, outlet, publisher, site, site_name, source_name, domain,
//	        publication
//	date:   date, published, publish_date, published_at, pubdate,
//	        date_published, datetime, created_at, timestamp
//	url:    url, link, href, canonical_url
//	id:     id, _id, uuid, doc_id, article_id
//
// Values:
//   - title: a string, or a number written as found;
//   - text: a string; a list of strings (one paragraph each); a list of
//     lists of strings (paragraphs of sentences: sentences are joined with a
//     space, paragraphs with a blank line); or an object whose "text" (or
//     "rendered") field holds one of those, one level deep. A list element
//     may itself be such an object ({"text": "..."}). A string that looks
//     like an HTML fragment (it starts with "<" and holds </p>, </div> or
//     <br) is reduced to its readable text as HTML does;
//   - source: a string, or an object whose "name" or "title" field is one;
//   - date and id: a string, or a number kept as the decimal string found in
//     the file; an object {"$date": ...} or {"$oid": ...} (MongoDB exports)
//     is unwrapped;
//   - url: a string.
//
// A non-empty name in Fields replaces the detection for that piece
// (title, text, source or date): only that key (case-insensitive) is read,
// with no fallback to the detected names.
var (
	titleKeys  = []string{"title", "headline", "name", "heading"}
	textKeys   = []string{"text", "body", "content", "article", "article_text", "full_text", "story", "maintext", "description"}
	sourceKeys = []string{"source", "outlet", "publisher", "site", "site_name", "source_name", "domain", "publication"}
	dateKeys   = []string{"date", "published", "publish_date", "published_at", "pubdate", "date_published", "datetime", "created_at", "timestamp"}
	urlKeys    = []string{"url", "link", "href", "canonical_url"}
	idKeys     = []string{"id", "_id", "uuid", "doc_id", "article_id"}
)

// reasonNoText is the reason given for a record without detectable text.
const reasonNoText = "no text field (looked for text, body, content, …)"

// wrapperKeys name the list that a top-level JSON object may wrap the
// records in ({"articles": [...]}); used only when that object is not
// itself a record.
var wrapperKeys = []string{"articles", "data", "items", "results", "documents", "docs", "records", "posts", "entries", "stories"}

var bom = []byte{0xef, 0xbb, 0xbf}

// JSONLines streams a .jsonl/.ndjson file: one JSON object per line. It calls fn for every
// record and bad for every line that cannot be parsed (malformed JSON, not an object,
// or no text field) with the line number and a short reason; blank lines are ignored.
// Lines may end in "\n" or "\r\n" and be of any length: the input is read
// with a bufio.Reader one line at a time, and only the current line (and
// the record decoded from it) is held in memory. A UTF-8 byte order mark
// before the first line is skipped. Field detection is described at
// titleKeys. It returns only I/O errors.
//
// It is Lines and a LineDecoder: a caller may also read the lines and
// decode them apart, such as on several goroutines.
func JSONLines(r io.Reader, f Fields, fn func(Record), bad func(line int, reason string)) error {
	var d LineDecoder
	return Lines(r, func(lineNo int, line []byte) bool {
		d.Decode(line, lineNo, f, fn, bad)
		return true
	})
}

// Lines calls fn with every line of a JSON Lines stream that is not blank,
// and its number (from 1), without its line ending, until fn returns
// false; a byte order mark before the first line is left out. line is
// only valid during the call. It returns only I/O errors.
func Lines(r io.Reader, fn func(lineNo int, line []byte) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		buf = buf[:0]
		var err error
		for {
			chunk, e := br.ReadSlice('\n')
			buf = append(buf, chunk...)
			if e == bufio.ErrBufferFull {
				continue
			}
			err = e
			break
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(buf) == 0 && err == io.EOF {
			return nil
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) > 0 && !fn(lineNo, line) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		// Do not keep a huge buffer alive for the rest of a file of short
		// lines.
		if cap(buf) > 4<<20 {
			buf = nil
		}
	}
}

// LineDecoder decodes the lines of a JSON Lines file one at a time,
// reusing its memory from line to line: one per goroutine.
type LineDecoder struct {
	p fastjson.Parser
}

// Decode decodes one line, numbered lineNo, and calls fn with its record,
// or bad with why it has none (see JSONLines).
func (d *LineDecoder) Decode(line []byte, lineNo int, f Fields, fn func(Record), bad func(line int, reason string)) {
	jsonLine(&d.p, line, lineNo, f, fn, bad)
	// Do not keep the parser's values for a long line alive (some 80
	// bytes for each: a list of a million numbers made 100 MB).
	if len(line) > 64<<10 {
		d.p = fastjson.Parser{}
	}
}

func jsonLine(p *fastjson.Parser, line []byte, lineNo int, f Fields, fn func(Record), bad func(int, string)) {
	v, ok := decodeFast(p, line)
	if !ok {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			bad(lineNo, "malformed JSON: "+jsonError(err))
			return
		}
		if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
			bad(lineNo, "malformed JSON: unexpected data after the value")
			return
		}
	}
	rec, ok := recordOf(v, f, lineNo, bad)
	if !ok {
		return
	}
	rec.Line = lineNo
	fn(rec)
}

// JSON parses a .json file holding one object or an array of objects (records that fail
// are reported through bad with their 1-based position in the array as `line`).
//
// A single object is position 1. Several top-level values one after the
// other (objects or arrays, as in a JSON Lines file saved as .json) are all
// read, the positions counting on. A top-level object that is not itself a
// record but holds a list under one of the keys articles, data, items,
// results, documents, docs, records, posts, entries or stories is read as
// that list. Array elements are decoded one at a time. Record.Line is 0.
//
// It returns an error when the file is empty, is not valid JSON, or holds
// a top-level value that is neither an object nor an array; records found
// before a syntax error have already been passed to fn.
func JSON(data []byte, f Fields, fn func(Record), bad func(line int, reason string)) error {
	data = bytes.TrimPrefix(data, bom)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	pos := 0
	emit := func(v any) {
		pos++
		if rec, ok := recordOf(v, f, pos, bad); ok {
			fn(rec)
		}
	}
	values := 0
	for {
		c := peek(data, dec.InputOffset())
		if c == 0 {
			break
		}
		values++
		switch c {
		case '[':
			if _, err := dec.Token(); err != nil {
				return err
			}
			for dec.More() {
				var v any
				if err := dec.Decode(&v); err != nil {
					return fmt.Errorf("element %d: %w", pos+1, err)
				}
				emit(v)
			}
			if _, err := dec.Token(); err != nil {
				return fmt.Errorf("after element %d: %w", pos, err)
			}
		case '{':
			var m map[string]any
			if err := dec.Decode(&m); err != nil {
				return err
			}
			if list := wrapped(m, f); list != nil {
				for _, v := range list {
					emit(v)
				}
			} else {
				emit(m)
			}
		default:
			var v any
			if err := dec.Decode(&v); err != nil {
				return err
			}
			return fmt.Errorf("top-level JSON value is %s, not an object or an array", article(kind(v)))
		}
	}
	if values == 0 {
		return errors.New("empty JSON file")
	}
	return nil
}

// recordOf makes a record of a decoded JSON value, or reports through bad
// (with n, the line or position) why it cannot.
func recordOf(v any, f Fields, n int, bad func(int, string)) (Record, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		bad(n, "not a JSON object ("+kind(v)+")")
		return Record{}, false
	}
	rec, reason := record(m, f)
	if reason != "" {
		bad(n, reason)
		return Record{}, false
	}
	return rec, true
}

// peek returns the first byte at or after off that is not JSON whitespace,
// or 0 at the end of data.
func peek(data []byte, off int64) byte {
	for i := int(off); i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return data[i]
		}
	}
	return 0
}

// wrapped returns the record list a top-level object holds, or nil when the
// object is a record itself.
func wrapped(m map[string]any, f Fields) []any {
	if _, reason := record(m, f); reason == "" {
		return nil
	}
	o := lowerKeys(m)
	for _, k := range wrapperKeys {
		if list, ok := o[k].([]any); ok && len(list) > 0 {
			if _, isObj := list[0].(map[string]any); isObj {
				return list
			}
		}
	}
	return nil
}

func jsonError(err error) string {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "unexpected end of line"
	case errors.As(err, &se):
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return err.Error()
}

func kind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

func article(k string) string {
	if k == "array" || k == "object" {
		return "an " + k
	}
	return "a " + k
}

// lowerKeys returns m with lower-cased keys. When two keys differ only in
// case, the all-lower-case one wins, else the smallest, so the result does
// not depend on map order.
func lowerKeys(m map[string]any) map[string]any {
	o := make(map[string]any, len(m))
	orig := make(map[string]string, len(m))
	for k, v := range m {
		lk := strings.ToLower(k)
		if pk, ok := orig[lk]; ok && k != lk && (pk == lk || pk < k) {
			continue
		}
		orig[lk] = k
		o[lk] = v
	}
	return o
}

// record builds a Record from one decoded object, or returns the reason it
// has no text.
func record(m map[string]any, f Fields) (Record, string) {
	o := lowerKeys(m)
	var rec Record

	if f.Text != "" {
		rec.Text = textValue(o[strings.ToLower(f.Text)], 0)
		if rec.Text == "" {
			return Record{}, fmt.Sprintf("field %q is missing or empty", f.Text)
		}
	} else {
		for _, k := range textKeys {
			if rec.Text = textValue(o[k], 0); rec.Text != "" {
				break
			}
		}
		if rec.Text == "" {
			return Record{}, reasonNoText
		}
	}

	if f.Title != "" {
		rec.Title = titleValue(o[strings.ToLower(f.Title)], false)
	} else {
		for _, k := range titleKeys {
			if rec.Title = titleValue(o[k], k == "name"); rec.Title != "" {
				break
			}
		}
	}

	if f.Source != "" {
		rec.Source = sourceValue(o[strings.ToLower(f.Source)])
	} else {
		rec.Source = first(o, sourceKeys, sourceValue)
	}
	if f.Date != "" {
		rec.Date = scalar(o[strings.ToLower(f.Date)], "$date")
	} else {
		rec.Date = first(o, dateKeys, func(v any) string { return scalar(v, "$date") })
	}
	rec.URL = first(o, urlKeys, func(v any) string {
		s, _ := v.(string)
		return strings.TrimSpace(s)
	})
	rec.ID = first(o, idKeys, func(v any) string { return scalar(v, "$oid") })
	return rec, ""
}

func first(o map[string]any, keys []string, get func(any) string) string {
	for _, k := range keys {
		if v, ok := o[k]; ok {
			if s := get(v); s != "" {
				return s
			}
		}
	}
	return ""
}

func titleValue(v any, stringOnly bool) string {
	switch t := v.(type) {
	case string:
		return collapse(t)
	case json.Number:
		if !stringOnly {
			return t.String()
		}
	}
	return ""
}

func sourceValue(v any) string {
	switch t := v.(type) {
	case string:
		return collapse(t)
	case map[string]any:
		o := lowerKeys(t)
		for _, k := range []string{"name", "title"} {
			if s, ok := o[k].(string); ok && strings.TrimSpace(s) != "" {
				return collapse(s)
			}
		}
	}
	return ""
}

// scalar returns a string or number as text; an object is unwrapped
// through its wrapKey field (MongoDB's {"$date": ...}), one level deep.
func scalar(v any, wrapKey string) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case map[string]any:
		o := lowerKeys(t)
		switch w := o[wrapKey].(type) {
		case string:
			return strings.TrimSpace(w)
		case json.Number:
			return w.String()
		case map[string]any: // {"$date": {"$numberLong": "..."}}
			if n, ok := lowerKeys(w)["$numberlong"].(string); ok {
				return strings.TrimSpace(n)
			}
		}
	}
	return ""
}

// textValue turns a text field into paragraphs; see the package variables
// above for the shapes accepted. depth limits the unwrapping of objects to
// one level.
func textValue(v any, depth int) string {
	switch t := v.(type) {
	case string:
		return cleanText(t)
	case []any:
		paras := make([]string, 0, len(t))
		for _, e := range t {
			var p string
			switch e := e.(type) {
			case string:
				p = cleanText(e)
			case []any:
				p = sentences(e)
			case map[string]any:
				if depth == 0 {
					p = textValue(e, depth)
				}
			}
			if p != "" {
				paras = append(paras, p)
			}
		}
		return strings.Join(paras, "\n\n")
	case map[string]any:
		if depth > 0 {
			return ""
		}
		o := lowerKeys(t)
		for _, k := range []string{"text", "rendered"} {
			if s := textValue(o[k], depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// sentences joins a list of sentences into one paragraph.
func sentences(list []any) string {
	parts := make([]string, 0, len(list))
	for _, s := range list {
		if str, ok := s.(string); ok {
			if str = collapse(str); str != "" {
				parts = append(parts, str)
			}
		}
	}
	return strings.Join(parts, " ")
}

// cleanText normalizes line endings, trims trailing spaces from lines and
// leading spaces from the first line of each paragraph, and leaves exactly
// one blank line between paragraphs.
func cleanText(s string) string {
	if looksHTML(s) {
		return HTML([]byte(s)).Text
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRight(line, " \t\f\v\u00a0")
		if strings.TrimSpace(line) == "" {
			blank = true
			continue
		}
		switch {
		case b.Len() == 0:
			line = strings.TrimLeft(line, " \t\f\v\u00a0")
		case blank:
			b.WriteString("\n\n")
			line = strings.TrimLeft(line, " \t\f\v\u00a0")
		default:
			b.WriteByte('\n')
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

// looksHTML reports whether a text field holds an HTML fragment rather than
// plain text.
func looksHTML(s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "<") {
		return false
	}
	l := strings.ToLower(t)
	return strings.Contains(l, "</p>") || strings.Contains(l, "</div>") || strings.Contains(l, "<br")
}

// collapse trims s and replaces each run of white space with one space.
func collapse(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.Fields(s), " ")
}
