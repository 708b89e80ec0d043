package ui

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"parallax/corpus"

	tea "charm.land/bubbletea/v2"
)

// match is one occurrence of the search query: a byte range in a paragraph.
type match struct {
	para, start, end int
}

// span is a match clipped to one line, ready to style.
type span struct {
	start, end int
	current    bool
}

// search holds the query of a pane and its matches in document order.
// On a long document the first match is shown at once and the others are
// counted in the background (counting is true until they arrive).
type search struct {
	query    string
	find     finder
	matches  []match
	current  int // index into matches
	counting bool
}

func (s *search) active() bool { return s.query != "" }

func (s *search) status() string {
	switch {
	case len(s.matches) == 0:
		return "no match"
	case s.counting:
		return "match … counting"
	}
	return "match " + thousands(s.current+1) + "/" + thousands(len(s.matches))
}

// finder finds a query in text. It ignores case unless the query holds a
// capital letter ("smart case", as in less and vim). ASCII queries are
// found with byte searches; others with a case-folding regexp.
type finder struct {
	query string
	fold  bool
	re    *regexp.Regexp // for a case-insensitive query beyond ASCII
}

func newFinder(query string) finder {
	f := finder{query: query, fold: !hasUpper(query)}
	if f.fold {
		f.query = strings.ToLower(query)
		if !isASCII(f.query) {
			f.re = regexp.MustCompile("(?i)" + regexp.QuoteMeta(query))
		}
	}
	return f
}

// each calls fn for every match in text, in order, until fn returns false.
func (f finder) each(text string, fn func(start, end int) bool) {
	if f.query == "" {
		return
	}
	if f.re != nil {
		for _, loc := range f.re.FindAllStringIndex(text, -1) {
			if loc[1] > loc[0] && !fn(loc[0], loc[1]) {
				return
			}
		}
		return
	}
	n := len(f.query)
	for i := 0; i+n <= len(text); {
		var j int
		if f.fold {
			j = indexFold(text[i:], f.query[0])
		} else {
			j = strings.Index(text[i:], f.query)
		}
		if j < 0 || i+j+n > len(text) {
			return
		}
		at := i + j
		if !f.fold || strings.EqualFold(text[at:at+n], f.query) {
			if !fn(at, at+n) {
				return
			}
			i = at + n
			continue
		}
		i = at + 1
	}
}

// findMatches returns every match in the visible paragraphs of doc.
func findMatches(doc *corpus.Document, f finder) []match {
	var out []match
	for i, p := range doc.Paragraphs {
		if p.Hidden() {
			continue
		}
		f.each(p.Text, func(start, end int) bool {
			out = append(out, match{para: i, start: start, end: end})
			return true
		})
	}
	return out
}

// nextMatch finds the first match at or after (para, offset) going
// forward, or the last one before it going backward, wrapping around the
// document once.
func nextMatch(doc *corpus.Document, f finder, para, offset int, forward bool) (match, bool) {
	n := len(doc.Paragraphs)
	for k := 0; k <= n; k++ {
		i := para + k
		if !forward {
			i = para - k
		}
		i = ((i % n) + n) % n
		p := doc.Paragraphs[i]
		if p.Hidden() {
			continue
		}
		var found match
		ok := false
		f.each(p.Text, func(start, end int) bool {
			switch {
			case k == 0 && forward && start < offset:
				return true
			case k == 0 && !forward && start >= offset:
				return false
			case k == n && forward && start >= offset: // wrapped back to the start paragraph
				return false
			}
			found, ok = match{para: i, start: start, end: end}, true
			return !forward // backward: keep the last one
		})
		if ok {
			return found, true
		}
	}
	return match{}, false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// spansIn returns the matches that overlap bytes [start, end) of a
// paragraph, clipped to that range.
func (s *search) spansIn(para, start, end int) []span {
	if len(s.matches) == 0 {
		return nil
	}
	// Matches are sorted by (para, start): find the first that could overlap.
	i := sort.Search(len(s.matches), func(i int) bool {
		m := s.matches[i]
		return m.para > para || (m.para == para && m.end > start)
	})
	var out []span
	for ; i < len(s.matches); i++ {
		m := s.matches[i]
		if m.para != para || m.start >= end {
			break
		}
		out = append(out, span{start: max(m.start, start), end: min(m.end, end), current: i == s.current})
	}
	return out
}

func (s *search) currentIn(para, start, end int) bool {
	if len(s.matches) == 0 {
		return false
	}
	m := s.matches[s.current]
	return m.para == para && m.start < end && m.end > start
}

// searchDoneMsg carries every match of a search counted in the
// background.
type searchDoneMsg struct {
	doc     *corpus.Document
	query   string
	matches []match
}

// runSearch shows the first match of query at or after the current
// position at once, and returns a command that counts the others.
func (p *pane) runSearch(query string) tea.Cmd {
	doc := p.shown()
	p.search = search{query: query, find: newFinder(query)}
	if query == "" || doc == nil || len(doc.Paragraphs) == 0 {
		p.search = search{}
		return nil
	}
	at := p.anchor()
	first, ok := nextMatch(doc, p.search.find, max(0, at.para), max(0, at.offset), true)
	if !ok {
		return nil // no match anywhere: nothing to count
	}
	p.search.matches, p.search.counting = []match{first}, true
	if doc.Size() < backgroundSearchBytes {
		p.searchDone(searchDoneMsg{doc: doc, query: query, matches: findMatches(doc, p.search.find)})
		p.revealMatch()
		return nil
	}
	p.revealMatch()
	f := p.search.find
	return func() tea.Msg {
		return searchDoneMsg{doc: doc, query: query, matches: findMatches(doc, f)}
	}
}

// backgroundSearchBytes is the document size from which matches are
// counted in the background rather than before the first is shown.
const backgroundSearchBytes = 1 << 20

// searchDone takes the counted matches, keeping the current one current.
func (p *pane) searchDone(msg searchDoneMsg) {
	s := &p.search
	if !s.counting || s.query != msg.query || p.shown() != msg.doc {
		return // an old search
	}
	cur := s.matches[s.current]
	s.matches, s.counting = msg.matches, false
	s.current = sort.Search(len(s.matches), func(i int) bool {
		m := s.matches[i]
		return m.para > cur.para || (m.para == cur.para && m.start >= cur.start)
	})
	if s.current >= len(s.matches) {
		s.current = 0
	}
}

// stepMatch moves to the next (+1) or previous (-1) match, wrapping around.
// While the matches are still being counted it searches from the current
// one.
func (p *pane) stepMatch(dir int) {
	s := &p.search
	n := len(s.matches)
	if n == 0 {
		return
	}
	if s.counting {
		cur := s.matches[s.current]
		offset := cur.end
		if dir < 0 {
			offset = cur.start
		}
		if m, ok := nextMatch(p.shown(), s.find, cur.para, offset, dir > 0); ok {
			s.matches, s.current = []match{m}, 0
		}
	} else {
		s.current = ((s.current+dir)%n + n) % n
	}
	p.revealMatch()
}

// revealMatch scrolls so the current match is on screen, a few lines below
// the top so that its context shows, unless it is already visible.
func (p *pane) revealMatch() {
	m := p.search.matches[p.search.current]
	l := p.lineOf(m.para, m.start)
	if l >= p.top && l < p.top+p.bodyHeight() {
		return
	}
	p.scrollTo(l - p.bodyHeight()/4)
}

func (p *pane) clearSearch() { p.search = search{} }
