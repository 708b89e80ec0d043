package ui

import (
	"fmt"
	"regexp"
	"sort"
	"unicode"

	"parallax/corpus"
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
type search struct {
	query   string
	matches []match
	current int // index into matches
}

func (s *search) active() bool { return s.query != "" }

func (s *search) status() string {
	if len(s.matches) == 0 {
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", s.current+1, len(s.matches))
}

// findMatches returns every occurrence of query in the visible paragraphs
// of doc. The search ignores case unless the query holds a capital letter
// ("smart case", as in less and vim).
func findMatches(doc *corpus.Document, query string) []match {
	if query == "" || doc == nil {
		return nil
	}
	expr := regexp.QuoteMeta(query)
	if !hasUpper(query) {
		expr = "(?i)" + expr
	}
	re := regexp.MustCompile(expr)
	var out []match
	for i, p := range doc.Paragraphs {
		if p.Hidden() {
			continue
		}
		for _, loc := range re.FindAllStringIndex(p.Text, -1) {
			if loc[1] > loc[0] {
				out = append(out, match{para: i, start: loc[0], end: loc[1]})
			}
		}
	}
	return out
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

// firstFrom is the index of the first match at or after the anchor,
// wrapping around to the first match of the document.
func (s *search) firstFrom(at anchor) int {
	for i, m := range s.matches {
		if m.para > at.para || (m.para == at.para && m.start >= at.offset) {
			return i
		}
	}
	return 0
}

// runSearch finds query in the pane's document and shows the first match
// at or after the current position.
func (p *pane) runSearch(query string) {
	p.search = search{query: query, matches: findMatches(p.doc, query)}
	if len(p.search.matches) == 0 {
		return
	}
	p.search.current = p.search.firstFrom(p.anchor())
	p.revealMatch()
}

// stepMatch moves to the next (+1) or previous (-1) match, wrapping around.
func (p *pane) stepMatch(dir int) {
	n := len(p.search.matches)
	if n == 0 {
		return
	}
	p.search.current = ((p.search.current+dir)%n + n) % n
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
