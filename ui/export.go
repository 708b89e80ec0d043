package ui

import (
	"fmt"
	"strings"
	"unicode"

	"parallax/corpus"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Export writes the current comparison as a Markdown file. The reader
// builds the text; writing it is package main's (the reader never touches
// files), through the function given with WithExport, run in a command.

// ExportFunc writes an export under a name derived from the two titles,
// never over an existing file, and returns the path it wrote.
type ExportFunc func(name string, content []byte) (string, error)

// WithExport gives the reader a way to write exports.
func WithExport(fn ExportFunc) Option {
	return func(m *Model) { m.export = fn }
}

// exportDoneMsg reports an export.
type exportDoneMsg struct {
	path string
	err  error
}

// startExport builds the comparison and writes it in a command.
func (m *Model) startExport() tea.Cmd {
	a, b := m.panes[0].doc, m.panes[1].doc
	switch {
	case m.export == nil:
		m.status = "export is not available here"
		return nil
	case a == nil || b == nil:
		m.status = "open a document in both panes to export a comparison"
		return nil
	}
	content := []byte(m.comparisonMarkdown())
	name := slug(a.Title) + "-vs-" + slug(b.Title) + ".md"
	write := m.export
	m.status = "exporting…"
	return func() tea.Msg {
		path, err := write(name, content)
		return exportDoneMsg{path: path, err: err}
	}
}

func (m *Model) exportDone(msg exportDoneMsg) {
	if msg.err != nil {
		m.status = corpus.SanitizeName("export failed: " + msg.err.Error())
		return
	}
	m.status = "exported to " + corpus.SanitizeName(msg.path)
}

// comparisonMarkdown is the export: both documents, their aligned
// passages in order, distinctive and shared terms, names, and the lens
// with its passages when one is on.
func (m *Model) comparisonMarkdown() string {
	a, b := m.panes[0].doc, m.panes[1].doc
	model := m.corpus.Model
	var w strings.Builder
	fmt.Fprintf(&w, "# %s\n\n", mdEscape(a.Title+" / "+b.Title))
	fmt.Fprintf(&w, "Compared with parallax.\n\n")
	for i, d := range []*corpus.Document{a, b} {
		fmt.Fprintf(&w, "- **%c**: %s — `%s`", 'A'+i, mdEscape(d.Title), d.Path)
		if sd := sourceAndDate(d); sd != "" {
			fmt.Fprintf(&w, " (%s)", mdEscape(sd))
		}
		w.WriteString("\n")
	}
	w.WriteString("\n## Aligned passages\n\n")
	pairs := 0
	for i, p := range a.Paragraphs {
		if p.Repeat != nil {
			continue
		}
		best, ok := model.Align(a.Index, i, b.Index)
		if !ok {
			continue
		}
		pairs++
		fmt.Fprintf(&w, "### A ¶%d ↔ B ¶%d (score %.2f)\n\n", i+1, best.Para+1, best.Score)
		fmt.Fprintf(&w, "%s\n\n%s\n\n", quote("A", p.Text), quote("B", b.Paragraphs[best.Para].Text))
	}
	if pairs == 0 {
		fmt.Fprintf(&w, "No paragraph of A matches one of B (threshold %.2f).\n\n", corpus.AlignThreshold)
	}
	ct := model.Contrast(a.Index, b.Index, 20)
	w.WriteString("## Terms\n\n")
	termList := func(title string, ts []corpus.TermScore) {
		fmt.Fprintf(&w, "**%s**: ", title)
		if len(ts) == 0 {
			w.WriteString("none")
		}
		for i, t := range ts {
			if i > 0 {
				w.WriteString(", ")
			}
			fmt.Fprintf(&w, "%s (%d·%d)", mdEscape(t.Term), t.CountA, t.CountB)
		}
		w.WriteString("\n\n")
	}
	termList("Distinctive of A", ct.A)
	termList("Distinctive of B", ct.B)
	termList("Shared", ct.Shared)
	w.WriteString("Counts are A·B.\n\n## Names\n\n")
	for i, d := range []*corpus.Document{a, b} {
		fmt.Fprintf(&w, "**%c**: ", 'A'+i)
		names := model.Docs[d.Index].Names
		if len(names) == 0 {
			w.WriteString("none")
		}
		for j, n := range names[:min(len(names), 20)] {
			if j > 0 {
				w.WriteString(", ")
			}
			fmt.Fprintf(&w, "%s (%d)", mdEscape(n.Name), n.Count)
		}
		w.WriteString("\n\n")
	}
	if m.lens != nil {
		fmt.Fprintf(&w, "## Lens: %s\n\n", mdEscape(m.lens.Label))
		for i, d := range []*corpus.Document{a, b} {
			ps := model.ForDocument(*m.lens, d).Passages(d)
			fmt.Fprintf(&w, "### %c: %s\n\n", 'A'+i, plural(len(ps), "passage"))
			for _, p := range ps {
				fmt.Fprintf(&w, "%s\n\n", quote(fmt.Sprintf("¶%d", p.Para+1), d.Paragraphs[p.Para].Text[p.Start:p.End]))
			}
		}
	}
	return w.String()
}

// quote renders text as a Markdown block quote with a label.
func quote(label, text string) string {
	lines := strings.Split(mdEscape(text), "\n")
	return "> **" + label + "** " + strings.Join(lines, "\n> ")
}

// mdEscape keeps document text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "#", "\\#", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// slug makes a file-name part from a title: lower-case letters and digits
// joined by hyphens, at most 40 bytes.
// slugMax is the longest a title's part of an export name gets.
const slugMax = 40

func slug(title string) string {
	// Accented letters keep their base letter (Zürich → zurich): decompose
	// and drop the combining marks.
	if folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn))), title); err == nil {
		title = folded
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > slugMax {
			break
		}
	}
	s := b.String()
	if len(s) > slugMax {
		// Cut at the last whole word: "…-unread" misreads "unready".
		s = s[:slugMax+1]
		if i := strings.LastIndexByte(s, '-'); i > slugMax/2 {
			s = s[:i]
		} else {
			s = s[:slugMax]
		}
	}
	s = strings.Trim(s, "-")
	if s == "" {
		return "document"
	}
	return s
}
