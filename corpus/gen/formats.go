package gen

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Formats are the file formats Convert writes besides plain text.
var Formats = []string{"html", "md", "jsonl", "json"}

// recordsPerFile is how many documents Convert puts in one JSON Lines or
// JSON file, as a dataset split into parts would.
const recordsPerFile = 1000

// Convert rewrites the plain-text corpus that Write wrote in src into dst
// in another format, so that loading each format can be timed on the same
// documents:
//
//   - "html": one saved page per document (same path, .html), with a
//     head, a script, a style sheet, a navigation bar and a footer around
//     an <article> holding the headline as <h1> and a <p> per paragraph;
//   - "md": one Markdown file per document, the headline as a "#"
//     heading, a "##" heading before every seventh paragraph, and the
//     first "said" of a paragraph in emphasis;
//   - "jsonl" and "json": 1,000 documents to a file (part000.jsonl, or
//     part000.json holding an array), each a record with title, text
//     (paragraphs separated by a blank line), source and date.
//
// It returns the bytes written. The output depends only on src.
func Convert(src, dst, format string) (int64, error) {
	if !slices.Contains(Formats, format) {
		return 0, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	var paths []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	slices.Sort(paths)
	var total int64
	var records []string // for jsonl and json: the current file's
	part := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return total, err
		}
		title, paras := splitDocument(string(data))
		rel, _ := filepath.Rel(src, p)
		stem := strings.TrimSuffix(rel, ".txt")
		switch format {
		case "html":
			err = writeConverted(filepath.Join(dst, stem+".html"), htmlPage(title, paras), &total)
		case "md":
			err = writeConverted(filepath.Join(dst, stem+".md"), markdownDoc(title, paras), &total)
		default:
			rec, _ := json.Marshal(struct {
				Title  string `json:"title"`
				Text   string `json:"text"`
				Source string `json:"source"`
				Date   string `json:"date"`
			}{title, strings.Join(paras, "\n\n"), outletOf(rel), "2026-01-01"})
			records = append(records, string(rec))
			if len(records) == recordsPerFile {
				err = writeRecords(dst, format, part, &records, &total)
				part++
			}
		}
		if err != nil {
			return total, err
		}
	}
	return total, writeRecords(dst, format, part, &records, &total)
}

// writeRecords writes a JSON Lines or JSON file of the records gathered,
// and empties the list.
func writeRecords(dst, format string, part int, records *[]string, total *int64) error {
	if len(*records) == 0 {
		return nil
	}
	body := strings.Join(*records, "\n") + "\n"
	if format == "json" {
		body = "[\n" + strings.Join(*records, ",\n") + "\n]\n"
	}
	*records = (*records)[:0]
	return writeConverted(filepath.Join(dst, fmt.Sprintf("part%03d.%s", part, format)), body, total)
}

func writeConverted(name, body string, total *int64) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	*total += int64(len(body))
	return os.WriteFile(name, []byte(body), 0o644)
}

// splitDocument splits a document Write wrote into its headline and its
// paragraphs (which may hold line breaks, as wrapped text does).
func splitDocument(text string) (title string, paras []string) {
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 {
		return "", nil
	}
	return strings.ReplaceAll(paras[0], "\n", " "), paras[1:]
}

// outletOf is the outlet a file name starts with (capital-observer-…).
func outletOf(rel string) string {
	base := filepath.Base(rel)
	if i := strings.Index(base, "-e"); i > 0 {
		return strings.ReplaceAll(base[:i], "-", " ")
	}
	return "gen"
}

func htmlPage(title string, paras []string) string {
	var b strings.Builder
	t := html.EscapeString(title)
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + t + `</title>`)
	b.WriteString(`<script>var page={"id":1,"tags":["news"]};function track(){return page;}</script>`)
	b.WriteString(`<style>body{font-family:serif}p{margin:0 0 1em}</style></head><body>`)
	b.WriteString(`<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>`)
	b.WriteString("<article><h1>" + t + "</h1>\n")
	for _, p := range paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	b.WriteString("</article><footer><p>Copyright 2026. All rights reserved.</p></footer></body></html>\n")
	return b.String()
}

func markdownDoc(title string, paras []string) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n")
	for i, p := range paras {
		if i%7 == 3 {
			heading, _, _ := strings.Cut(p, ".")
			heading = strings.ReplaceAll(heading, "\n", " ")
			if len(heading) > 60 {
				heading = heading[:strings.LastIndexByte(heading[:60], ' ')+1]
			}
			if heading = strings.TrimSpace(heading); heading != "" {
				b.WriteString("\n## " + heading + "\n")
			}
		}
		b.WriteString("\n" + strings.Replace(p, " said ", " *said* ", 1) + "\n")
	}
	return b.String()
}
