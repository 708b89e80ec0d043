package ui

import (
	"fmt"
	"strings"

	"parallax/corpus"
)

// lensView is what a pane shows while the event lens is on: one paragraph
// per passage that mentions the lens term, built from the pane's document.
type lensView struct {
	label    string
	doc      *corpus.Document // one paragraph per passage
	passages []corpus.Passage // passage i is paragraph i of doc
	mentions int
	back     anchor // where the full text was, restored on close
}

func (v *lensView) status() string {
	return fmt.Sprintf("lens %q: %s, %s", v.label, plural(len(v.passages), "passage"), plural(v.mentions, "mention"))
}

// openLens filters the pane to the passages of its document that mention
// the lens, remembering the place in the full text.
func (p *pane) openLens(l corpus.Lens) {
	if p.doc == nil {
		return
	}
	back := p.anchor()
	if p.lens != nil {
		back = p.lens.back
	}
	passages := l.Passages(p.doc)
	doc := &corpus.Document{Title: p.doc.Title, Path: p.doc.Path, Index: p.doc.Index, ID: p.doc.ID}
	mentions := 0
	for _, ps := range passages {
		text := p.doc.Paragraphs[ps.Para].Text[ps.Start:ps.End]
		doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{Text: text})
		mentions += len(ps.Hits)
	}
	p.lens = &lensView{label: l.Label, doc: doc, passages: passages, mentions: mentions, back: back}
	p.search = search{}
	p.top = 0
}

// closeLens returns to the full text at the place it was left.
func (p *pane) closeLens() {
	if p.lens == nil {
		return
	}
	back := p.lens.back
	p.lens = nil
	p.search = search{}
	p.moveTo(back)
}

// lensIn is the lens as it applies to the document of pane i: a surname
// alone counts only where it stands for the lens's person.
func (m *Model) lensIn(i int, l corpus.Lens) corpus.Lens {
	if d := m.panes[i].doc; d != nil && m.corpus.Model != nil {
		return m.corpus.Model.ForDocument(l, d)
	}
	return l
}

// lensItems lists the lens vocabulary for the chooser: names first, then
// frequent terms, each with its mentions and how many documents use it.
func lensItems(m *corpus.Model, docs int) []pickItem {
	vocab := m.Vocabulary()
	items := make([]pickItem, len(vocab))
	for i, v := range vocab {
		kind := "term"
		if v.Name {
			kind = "name"
		}
		items[i] = pickItem{
			Title:  v.Label,
			Detail: kind,
			Meta:   fmt.Sprintf("%s in %s of %s documents", plural(v.Mentions, "mention"), thousands(v.Docs), thousands(docs)),
			Value:  v,
		}
	}
	return items
}

// lensFromQuery makes a lens out of typed text that matches no suggestion:
// capitalised words are taken as a name, anything else as a term.
func lensFromQuery(q string) corpus.Lens {
	q = strings.TrimSpace(q)
	if q != "" && strings.ToUpper(q[:1]) == q[:1] && strings.ToLower(q[:1]) != q[:1] {
		return corpus.NewNameLens(q)
	}
	return corpus.NewTermLens(q)
}

// plural writes a count with its noun: "1 mention", "3 mentions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
