package corpus

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// Markdown is read with goldmark and turned into readable paragraphs: no
// '#', '*' or link syntax is left in the text; what the markup meant is
// kept as paragraph kinds (heading, list item, quote, code) and as marks
// over the text (emphasis, strong, code, link), which the reader styles.
// Link targets are numbered, [1], and listed at the end of the document.

// markdownDoc is a Markdown file read into paragraphs and metadata.
type markdownDoc struct {
	meta  Metadata
	title string // from the front matter or the first heading
	paras []Paragraph
}

// Metadata is what a document says about itself.
type Metadata struct {
	Source, Date, URL string
}

// markdownParser is shared by every load and worker: goldmark keeps each
// parse's state in its own context, and making a parser per document,
// which sorts and registers all its block and inline parsers, was a
// twentieth of loading a folder of Markdown.
var markdownParser = goldmark.New().Parser()

// parseMarkdown reads Markdown text (LF line endings, not yet sanitized).
func parseMarkdown(src string) markdownDoc {
	var doc markdownDoc
	body, front := splitFrontMatter(src)
	if front != nil {
		doc.title = metaString(front, "title", "headline")
		doc.meta = Metadata{
			Source: metaString(front, "source", "outlet", "publisher", "site", "site_name", "publication"),
			Date:   metaString(front, "date", "published", "publish_date", "published_at"),
			URL:    metaString(front, "url", "link", "canonical_url"),
		}
	}
	source := []byte(body)
	root := markdownParser.Parse(text.NewReader(source))
	w := &mdWriter{src: source}
	w.blocks(root, 0, ParaText)
	if len(w.links) > 0 {
		w.paras = append(w.paras, Paragraph{Text: "Links", Kind: ParaHeading, Level: 2})
		for i, l := range w.links {
			note := fmt.Sprintf("[%d]", i+1)
			t := note + " " + SanitizeName(l)
			w.paras = append(w.paras, Paragraph{Text: t, Marks: []Mark{{0, len(note), MarkNote}, {len(note) + 1, len(t), MarkLink}}})
		}
	}
	doc.paras = w.paras
	if doc.title == "" {
		for _, p := range doc.paras {
			if p.Kind == ParaHeading {
				doc.title = p.Text
				break
			}
		}
	}
	return doc
}

// splitFrontMatter separates a YAML front matter block ("---" lines at
// the very top) from the body. A block that is not valid YAML is left in
// the body as text.
func splitFrontMatter(src string) (string, map[string]any) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return src, nil
	}
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		if !strings.HasSuffix(rest, "\n---") {
			return src, nil
		}
		end = len(rest) - len("\n---")
	}
	var front map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &front); err != nil || front == nil {
		return src, nil
	}
	return strings.TrimPrefix(rest[end:], "\n---"), front
}

// metaString returns the first of the keys present (any case) as text.
func metaString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		for mk, v := range m {
			if !strings.EqualFold(mk, k) || v == nil {
				continue
			}
			switch v := v.(type) {
			case time.Time:
				if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
					return v.Format("2006-01-02")
				}
				return v.Format(time.RFC3339)
			case string:
				return strings.TrimSpace(v)
			case map[string]any:
				if s := metaString(v, "name", "title"); s != "" {
					return s
				}
			default:
				return fmt.Sprint(v)
			}
		}
	}
	return ""
}

// mdWriter turns goldmark's tree into paragraphs.
type mdWriter struct {
	src   []byte
	paras []Paragraph
	links []string
}

// blocks writes the block children of n at an indent (in cells) and of a
// kind (quotes and code keep their kind down the tree).
func (w *mdWriter) blocks(n ast.Node, indent int, kind ParaKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			w.inline(c, "", ParaHeading, c.Level, indent)
		case *ast.Paragraph, *ast.TextBlock:
			w.inline(c, "", kind, 0, indent)
		case *ast.List:
			w.list(c, indent, kind)
		case *ast.Blockquote:
			w.blocks(c, indent+2, ParaQuote)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var b strings.Builder
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(w.src))
			}
			code := strings.TrimRight(b.String(), "\n")
			if strings.TrimSpace(code) != "" {
				w.add(Paragraph{Text: sanitizeBlock(code), Kind: ParaCode, Indent: uint8(min(indent+2, 40))})
			}
		case *ast.ThematicBreak, *ast.HTMLBlock:
			// A rule carries no text; raw HTML is not readable as such.
		default:
			w.blocks(c, indent, kind)
		}
	}
}

// list writes the items of a list: "• " or "1. " before each item's first
// paragraph, nested lists further in.
func (w *mdWriter) list(l *ast.List, indent int, kind ParaKind) {
	n := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		bullet := "• "
		if l.IsOrdered() {
			bullet = fmt.Sprintf("%d. ", n)
			n++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				prefix := ""
				if first {
					prefix = bullet
				}
				w.inline(c, prefix, ParaListItem, 0, indent)
				first = false
			case *ast.List:
				w.list(c, indent+2, kind)
			default:
				w.blocks(c, indent+2, kind)
			}
		}
	}
}

// inline writes one block's inline content as a paragraph.
func (w *mdWriter) inline(n ast.Node, prefix string, kind ParaKind, level, indent int) {
	var b inlineBuilder
	b.text.WriteString(prefix)
	w.spans(n, &b)
	all := b.text.String()
	left := strings.TrimLeftFunc(all, unicode.IsSpace)
	t := strings.TrimRightFunc(left, unicode.IsSpace)
	if t == "" || t == strings.TrimSpace(prefix) {
		return
	}
	// Trimming moved the start: shift the marks with it.
	shift := len(all) - len(left)
	marks := b.marks[:0]
	for _, m := range b.marks {
		m.Start, m.End = max(0, m.Start-shift), min(len(t), m.End-shift)
		if m.End > m.Start {
			marks = append(marks, m)
		}
	}
	w.add(Paragraph{Text: t, Kind: kind, Level: int8(level), Indent: uint8(min(indent, 40)), Marks: marks})
}

func (w *mdWriter) add(p Paragraph) { w.paras = append(w.paras, p) }

// inlineBuilder collects text and marks; text is sanitized as it is
// written, so the marks' offsets are offsets into the final text.
type inlineBuilder struct {
	text  strings.Builder
	marks []Mark
}

func (b *inlineBuilder) write(s string) {
	s = strings.ReplaceAll(SanitizeText(s), "\t", " ")
	b.text.WriteString(s)
}

func (b *inlineBuilder) mark(kind MarkKind, fn func()) {
	start := b.text.Len()
	fn()
	if end := b.text.Len(); end > start {
		b.marks = append(b.marks, Mark{Start: start, End: end, Kind: kind})
	}
}

func (w *mdWriter) spans(n ast.Node, b *inlineBuilder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.write(string(c.Segment.Value(w.src)))
			switch {
			case c.HardLineBreak():
				b.write("\n")
			case c.SoftLineBreak():
				b.write(" ") // Markdown reflows lines within a paragraph
			}
		case *ast.String:
			b.write(string(c.Value))
		case *ast.Emphasis:
			kind := MarkEmphasis
			if c.Level >= 2 {
				kind = MarkStrong
			}
			b.mark(kind, func() { w.spans(c, b) })
		case *ast.CodeSpan:
			b.mark(MarkCode, func() { w.spans(c, b) })
		case *ast.Link:
			b.mark(MarkLink, func() { w.spans(c, b) })
			w.links = append(w.links, string(c.Destination))
			b.mark(MarkNote, func() { b.write(fmt.Sprintf("[%d]", len(w.links))) })
		case *ast.AutoLink:
			b.mark(MarkLink, func() { b.write(string(c.URL(w.src))) })
		case *ast.Image:
			b.mark(MarkNote, func() {
				b.write("[image: ")
				w.spans(c, b)
				b.write("]")
			})
		case *ast.RawHTML:
			// Inline HTML tags are markup, not text.
		default:
			w.spans(c, b)
		}
	}
}

// sanitizeBlock makes a multi-line block safe and expands its tabs.
func sanitizeBlock(s string) string {
	lines := strings.Split(SanitizeText(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(expandTabs(l), " ")
	}
	return strings.Join(lines, "\n")
}
