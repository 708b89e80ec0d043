// Package corpus loads a folder of articles into memory and models their
// text: normalized paragraphs, titles, repeated boilerplate and (in the
// text model) terms, names and similarities. It knows nothing about
// terminals; everything it hands out is already safe to print.
package corpus

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
)

// Corpus is every loaded document plus the files that were skipped. It is
// not modified after Load returns, so any goroutine may read it.
type Corpus struct {
	Docs    []*Document
	Skipped []Skipped
	// Roots are the paths the corpus was loaded from, as given.
	Roots []string
	// Model is the text model: terms, vectors, names (see model.go).
	Model *Model
}

// Document is one loaded file.
type Document struct {
	// Index is the document's position in the corpus (sorted by path).
	Index int
	// ID is stable across runs: it depends only on the document's path.
	ID string
	// Title is derived from the text (see title.go); never empty.
	Title string
	// TitleLine is the byte length of the first line of the first
	// paragraph when that line is the title (the reader shows it in bold),
	// and 0 otherwise.
	TitleLine int
	// Path is relative to the argument it was found under, sanitized.
	Path string
	// Paragraphs hold the normalized, sanitized text. A paragraph may
	// contain newlines: short lines such as bylines are kept as written.
	Paragraphs []Paragraph
	// Words is the number of whitespace-separated words in the text.
	Words int
	// Encoding names how the bytes were decoded.
	Encoding string
	// Metadata is what the file says of itself (Markdown front matter,
	// JSON fields, HTML meta tags); empty for plain text.
	Metadata

	bytes  int    // size of the file read, for progress reports
	osPath string // where it was read from, for Lookup
}

// Paragraph is one block of text.
type Paragraph struct {
	Text string
	// Repeat describes boilerplate: a paragraph that occurs three or more
	// times in its document. The first occurrence is shown; later ones are
	// hidden and the reader shows a one-line marker instead.
	Repeat *Repeat
	// Kind, Level (of a heading) and Indent (in cells, for list items,
	// quotes and code) say how the source marked the paragraph up; plain
	// text is all ParaText.
	Kind   ParaKind
	Level  int8
	Indent uint8
	// Marks are styled ranges of Text (emphasis, links…), in order.
	Marks []Mark
}

// ParaKind is what a paragraph is in the document's structure.
type ParaKind uint8

const (
	ParaText ParaKind = iota
	ParaHeading
	ParaListItem
	ParaQuote
	ParaCode
)

// Mark is a styled range of a paragraph's text, in bytes.
type Mark struct {
	Start, End int
	Kind       MarkKind
}

// MarkKind is what a mark means.
type MarkKind uint8

const (
	MarkEmphasis MarkKind = iota + 1
	MarkStrong
	MarkCode
	MarkLink // the text of a link
	MarkNote // a link's number, an image's description
)

// Repeat says which occurrence of a repeated paragraph this is.
type Repeat struct {
	Occurrence int // 1-based
	Total      int
}

// Hidden reports whether the reader should fold this paragraph away.
func (p Paragraph) Hidden() bool { return p.Repeat != nil && p.Repeat.Occurrence > 1 }

// Skipped is a file that was found but not loaded.
type Skipped struct {
	Path   string // sanitized
	Reason string
}

func (s Skipped) String() string { return fmt.Sprintf("%s: %s", s.Path, s.Reason) }

// Lookup finds the document loaded from a file, however the path names it
// (relative, through a link, or inside a folder that was loaded). A
// document of a JSON Lines or JSON file is named as list names it, after
// the file and its line or position (wire.jsonl:12, archive.json#3); the
// file alone names its only document. The error says why nothing matched:
// it is ErrNotLoaded when nothing came from the file.
func (c *Corpus) Lookup(path string) (*Document, error) {
	file, record := splitRecord(path)
	want, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, ErrNotLoaded
	case want.IsDir():
		return nil, errors.New("is a folder: name one of its files")
	}
	var fromFile, found []*Document
	for _, d := range c.Docs {
		if got, err := os.Stat(d.osPath); d.osPath != "" && err == nil && os.SameFile(want, got) {
			fromFile = append(fromFile, d)
			if record == "" || strings.HasSuffix(d.Path, record) {
				found = append(found, d)
			}
		}
	}
	sep := map[format]string{formatJSONLines: ":", formatJSON: "#"}[formatOf(file)]
	switch {
	case len(found) == 1 && (record == "" || record[:1] == sep):
		return found[0], nil
	case len(found) > 1:
		return nil, fmt.Errorf("%w (%d): name one as 'parallax list' does, such as %s", ErrSeveral, len(found), found[0].Path)
	case len(fromFile) == 0:
		return nil, ErrNotLoaded
	case record[:1] != sep:
		return nil, fmt.Errorf("no such document: the documents of this file are named %s%sN, as 'parallax list' shows", SanitizeName(file), sep)
	}
	return nil, fmt.Errorf("no such document: this file's run from %s to %s (see 'parallax list')", fromFile[0].Path, fromFile[len(fromFile)-1].Path)
}

// ErrNotLoaded is Lookup's error for a file that no document came from.
var ErrNotLoaded = errors.New("not loaded (see 'parallax list' for why)")

// ErrSeveral is Lookup's error for a file of several documents named
// alone.
var ErrSeveral = errors.New("holds several documents")

// RecordFile returns the file that a path names: the path itself, or for
// a record of a JSON Lines or JSON file (wire.jsonl:12, archive.json#3)
// that file.
func RecordFile(path string) string {
	file, _ := splitRecord(path)
	return file
}

// splitRecord splits the line or position of a record (":12", "#3") off
// a path to a JSON Lines or JSON file, unless a file is named so. Either
// mark is split off either kind of file, so that Lookup can say which
// one the file's documents take.
func splitRecord(path string) (file, record string) {
	i := strings.LastIndexAny(path, ":#")
	if i <= 0 || i == len(path)-1 || strings.Trim(path[i+1:], "0123456789") != "" || !isRecordFile(path[:i]) {
		return path, ""
	}
	if _, err := os.Stat(path); err == nil {
		return path, "" // a file whose name ends so
	}
	return path[:i], path[i:]
}

// Size is the size in bytes of the file the document was read from.
func (d *Document) Size() int { return d.bytes }

// Len is the number of documents.
func (c *Corpus) Len() int { return len(c.Docs) }

func stableID(path string) string {
	h := fnv.New64a()
	h.Write([]byte(path))
	return fmt.Sprintf("%016x", h.Sum64())
}
