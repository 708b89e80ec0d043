package ui

import "parallax/corpus"

// Session is what the reader remembers of a corpus between runs: the two
// open documents with their positions and back-stacks, the focused pane,
// and the marks. Package main stores it (the reader never touches files).
// Documents are named by their stable IDs; those not found in the corpus
// are skipped on restore.
type Session struct {
	Panes [2]PaneState     `json:"panes"`
	Focus int              `json:"focus"`
	Marks map[string]Place `json:"marks,omitempty"`
}

// PaneState is one pane: where it is and where it has been.
type PaneState struct {
	Place
	History []Place `json:"history,omitempty"`
}

// Place is a reading position in a document: the paragraph and the byte
// offset in it of the line at the top of the view.
type Place struct {
	Doc    string `json:"doc"`
	Para   int    `json:"para"`
	Offset int    `json:"offset"`
}

// WithSession restores a session once the corpus is loaded.
func WithSession(s Session) Option {
	return func(m *Model) { m.restore = &s }
}

// Session returns the state to remember. Until the session to restore
// has been applied (it waits for the whole corpus), that one is returned
// as it was: quitting while files are still being found or indexed must
// not save an empty session over the reader's places and marks.
func (m Model) Session() Session {
	if m.restore != nil {
		return *m.restore
	}
	s := Session{Focus: m.focus, Marks: map[string]Place{}}
	for i := range m.panes {
		p := &m.panes[i]
		if p.doc == nil {
			continue
		}
		at := p.anchor()
		if p.lens != nil {
			at = p.lens.back
		}
		s.Panes[i].Place = placeOf(p.doc, at)
		for _, v := range p.history {
			s.Panes[i].History = append(s.Panes[i].History, placeOf(v.doc, v.at))
		}
	}
	for r, mk := range m.marks {
		s.Marks[string(r)] = placeOf(mk.doc, mk.at)
	}
	return s
}

func placeOf(d *corpus.Document, at anchor) Place {
	return Place{Doc: d.ID, Para: at.para, Offset: at.offset}
}

// applySession puts the panes and marks back where a session left them.
func (m *Model) applySession() {
	s := m.restore
	if s == nil || m.load != nil {
		return // wait for the whole corpus
	}
	m.restore = nil
	byID := make(map[string]*corpus.Document, len(m.corpus.Docs))
	for _, d := range m.corpus.Docs {
		byID[d.ID] = d
	}
	for i := range m.panes {
		ps := s.Panes[i]
		d := byID[ps.Doc]
		if d == nil {
			continue
		}
		p := &m.panes[i]
		p.empty = ""
		p.history = nil
		for _, h := range ps.History {
			if hd := byID[h.Doc]; hd != nil {
				p.history = append(p.history, visit{doc: hd, at: anchor{h.Para, h.Offset}})
			}
		}
		p.show(d, anchor{ps.Para, ps.Offset})
	}
	if s.Focus == 0 || s.Focus == 1 {
		m.focus = s.Focus
	}
	for name, pl := range s.Marks {
		r := []rune(name)
		if d := byID[pl.Doc]; d != nil && len(r) == 1 {
			m.marks[r[0]] = mark{doc: d, at: anchor{pl.Para, pl.Offset}}
		}
	}
	m.relayout()
}
