package corpus

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"parallax/corpus/formats"
)

// Structured files (JSON Lines, JSON, saved HTML pages) are turned into
// records by package formats; here each record becomes a document with
// the same normalization, sanitizing and indexing as a text file. One
// JSON file may hold many documents: they are named after the file and
// the record's line (wire.jsonl:12) or position (archive.json#3).

// format is how a file is read, from its extension.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatJSONLines
	formatJSON
	formatHTML
)

func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return formatMarkdown
	case ".jsonl", ".ndjson":
		return formatJSONLines
	case ".json":
		return formatJSON
	case ".html", ".htm":
		return formatHTML
	}
	return formatText
}

// parseStructured reads a JSON or HTML source into documents, indexing
// them when given a termizer. (JSON Lines files are read in batches: see
// readLines.)
func parseStructured(s source, f format, fields formats.Fields, t *termizer) result {
	var r result
	add := func(display string, rec formats.Record) { r.addRecord(s, display, rec, t) }
	bad := func(where string) func(int, string) {
		return func(n int, reason string) { r.addBad(s, where, n, reason) }
	}
	switch f {
	case formatJSON, formatHTML:
		raw, err := s.read(nil)
		if err != nil {
			return skipResult(s, describe(err))
		}
		if looksBinary(raw[:min(len(raw), binarySniff)]) {
			return skipResult(s, "binary")
		}
		text, _ := decode(raw)
		if f == formatHTML {
			add(s.display, formats.HTML([]byte(text)))
			break
		}
		pos := 0
		err = formats.JSON([]byte(text), fields, func(rec formats.Record) {
			pos++
			add(fmt.Sprintf("%s#%d", s.display, pos), rec)
		}, func(n int, reason string) {
			pos = n
			bad("#")(n, reason)
		})
		if err != nil {
			r.skips = append(r.skips, Skipped{Path: SanitizeName(s.display), Reason: "not valid JSON: " + SanitizeName(err.Error())})
		}
	}
	if len(r.docs) == 0 && len(r.skips) == 0 {
		return skipResult(s, "empty")
	}
	return r
}

// addRecord adds the document of a record of s, named display, indexed
// by t (see analyzeNew), or skips it when it has no text.
func (r *result) addRecord(s source, display string, rec formats.Record, t *termizer) {
	doc := recordDocument(display, rec)
	if len(doc.Paragraphs) == 0 {
		r.skips = append(r.skips, Skipped{Path: doc.Path, Reason: "empty"})
		return
	}
	if s.osPath != "" {
		doc.osPath = s.osPath
		doc.ID = stableID(s.absPath() + "\x00" + display)
	}
	r.docs = append(r.docs, doc)
	r.analyses = append(r.analyses, analyzeNew(doc, t)...)
}

// addBad skips record n of s (after where: ":" for a line, "#" for a
// position) for reason.
func (r *result) addBad(s source, where string, n int, reason string) {
	r.skips = append(r.skips, Skipped{Path: SanitizeName(fmt.Sprintf("%s%s%d", s.display, where, n)), Reason: SanitizeName(reason)})
}

// recordDocument makes a document of a record: its text normalized like
// a text file's, its title and metadata taken from the record.
func recordDocument(display string, rec formats.Record) *Document {
	texts := Normalize(rec.Text)
	paras := make([]Paragraph, len(texts))
	for i, t := range texts {
		paras[i].Text = t
	}
	title := SanitizeName(strings.Join(strings.Fields(rec.Title), " "))
	meta := Metadata{Source: oneLine(rec.Source), Date: readableDate(oneLine(rec.Date)), URL: oneLine(rec.URL)}
	return newDocument(display, paras, title, meta, "utf-8", len(rec.Text))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readableDate turns a Unix timestamp (seconds, or milliseconds) into a
// date; anything else is kept as the file wrote it.
func readableDate(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err == nil && len(s) == 13:
		return time.UnixMilli(n).UTC().Format(time.RFC3339)
	case err == nil && (len(s) == 9 || len(s) == 10):
		return time.Unix(n, 0).UTC().Format(time.RFC3339)
	case err == nil || strings.ContainsAny(s, "xXnN_"): // hex, NaN, Inf: not written as times are
		return s
	}
	// Seconds with a fraction or an exponent, as Python's time.time() and
	// some exports write them (1700000000.5, 1.7e9), in the same ranges.
	switch f, err := strconv.ParseFloat(s, 64); {
	case err != nil:
		return s
	case f >= 1e8 && f < 1e10:
		return time.Unix(int64(f), 0).UTC().Format(time.RFC3339)
	case f >= 1e11 && f < 1e13:
		return time.UnixMilli(int64(f)).UTC().Format(time.RFC3339)
	}
	return s
}

func skipResult(s source, reason string) result {
	return result{skips: []Skipped{{Path: SanitizeName(s.display), Reason: reason}}}
}

// openFile opens a regular file for streaming, capped at limit bytes.
func openFile(name string, limit int64) (io.ReadCloser, error) {
	f, err := openRead(name)
	if err != nil {
		return nil, err
	}
	_, mode, err := f.stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !mode.IsRegular() {
		f.Close()
		return nil, fmt.Errorf("not a regular file (%s)", fileKind(mode))
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(f, limit), f}, nil
}
