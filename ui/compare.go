package ui

import (
	"fmt"
	"math"

	"parallax/corpus"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// isCompareKey reports whether a key asks for one of the comparisons,
// which need the whole corpus indexed.
func (m *Model) isCompareKey(msg tea.KeyPressMsg) bool {
	k := &m.keys
	return key.Matches(msg, k.Align, k.LinkScroll, k.Related, k.Highlight, k.Lens, k.Export)
}

// compareKey runs a comparison key.
func (m *Model) compareKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Align):
		m.align()
	case key.Matches(msg, k.LinkScroll):
		m.toggleLinkedScroll()
	case key.Matches(msg, k.Related):
		m.openRelated()
	case key.Matches(msg, k.Highlight):
		m.highlight = !m.highlight
		if m.highlight {
			m.status = "highlighting: shared terms underlined, each side's distinctive terms in bold"
		}
	case key.Matches(msg, k.Lens):
		return m.openOverlay(modeLens, &m.chooser, lensItems(m.corpus.Model, len(m.corpus.Docs)))
	case key.Matches(msg, k.Export):
		return m.startExport()
	}
	return nil
}

// toggleLinkedScroll turns linked scrolling on (linking at once) or off.
func (m *Model) toggleLinkedScroll() {
	m.linkedScroll = !m.linkedScroll
	if !m.linkedScroll {
		m.status = "linked scrolling off"
		return
	}
	m.panes[0].link, m.panes[1].link = nil, nil
	m.linkMissed = linkMiss{}
	m.followLink()
	if m.status == "" {
		m.status = "linked scrolling on: the other pane follows the matching passage (L to stop)"
	} else {
		m.status = "linked scrolling on — " + m.status + " here yet"
	}
}

// contrastTerms is how many distinctive and shared terms are computed for
// the terms panel and the highlighting.
const contrastTerms = 40

// contrastCache holds the vocabulary contrast of the two open documents,
// recomputed only when one of them changes.
type contrastCache struct {
	a, b     *corpus.Document
	contrast corpus.Contrast
	marks    [2]*termMarks
}

// contrast returns the contrast of the documents open in the two panes
// (left is A), or nil when a pane is empty.
func (m *Model) contrast() *contrastCache {
	a, b := m.panes[0].doc, m.panes[1].doc
	if a == nil || b == nil || m.corpus.Model == nil {
		return nil
	}
	c := m.contrasts
	if c.a != a || c.b != b {
		*c = contrastCache{a: a, b: b, contrast: m.corpus.Model.Contrast(a.Index, b.Index, contrastTerms)}
		shared := stems(m.corpus.Model, c.contrast.Shared)
		c.marks[0] = &termMarks{shared: shared, own: stems(m.corpus.Model, c.contrast.A)}
		c.marks[1] = &termMarks{shared: shared, own: stems(m.corpus.Model, c.contrast.B)}
	}
	return c
}

func stems(m *corpus.Model, terms []corpus.TermScore) map[string]bool {
	out := make(map[string]bool, len(terms))
	for _, t := range terms {
		out[m.Vocab[t.ID]] = true
	}
	return out
}

// align moves the other pane to the paragraph that best matches the
// focused pane's current paragraph and marks both. It reports what it did
// in the status line; below the threshold the other pane stays put.
func (m *Model) align() {
	from, to := m.focused(), &m.panes[1-m.focus]
	from.link, to.link = nil, nil
	if from.doc == nil || to.doc == nil {
		m.status = "open a document in both panes to link passages"
		return
	}
	para := from.focusPara()
	best, ok := m.corpus.Model.Align(from.doc.Index, para, to.doc.Index)
	if !ok {
		if best.Para >= 0 {
			m.status = fmt.Sprintf("no matching passage (best %s, threshold %.2f)", scoreBelow(best.Score), corpus.AlignThreshold)
		} else {
			m.status = "no matching passage"
		}
		return
	}
	from.link = &paneLink{para: para, score: best.Score}
	to.link = &paneLink{para: best.Para, score: best.Score}
	readingTop := from.top
	from.showPara(para)
	to.showPara(best.Para)
	// Near the end of a document the match cannot reach the top; line the
	// source paragraph up with it on the same screen row instead.
	row := to.lineOf(best.Para, 0) - to.top
	from.scrollTo(from.lineOf(para, 0) - row)
	// When neither pane can scroll far enough to line them up, the pane
	// being read stays where it was, as long as its paragraph is on screen
	// there: moving it would only lose the reader's place.
	if start := from.lineOf(para, 0); start-from.top != row && start >= readingTop && start < readingTop+from.bodyHeight() {
		from.scrollTo(readingTop)
	}
}

// scoreBelow shows a score that missed a threshold to two decimals,
// rounded down: 0.1383 rounded to 0.14 would read as the threshold 0.14
// it missed.
func scoreBelow(score float64) string {
	return fmt.Sprintf("%.2f", math.Floor(score*100+1e-9)/100) // 0.29*100 is 28.999…
}

// followLink keeps the other pane on the passage that best matches the
// focused pane's current paragraph while linked scrolling is on. It only
// recomputes when the current paragraph changes.
func (m *Model) followLink() {
	if !m.linkedScroll || m.corpus.Model == nil {
		return
	}
	from, to := m.focused(), &m.panes[1-m.focus]
	if from.doc == nil || to.doc == nil {
		return
	}
	para := from.currentPara()
	if from.link != nil && from.link.para == para {
		return
	}
	miss := linkMiss{from.doc, to.doc, para}
	if from.link == nil && m.linkMissed == miss {
		return // said already; the key pressed may have said something else since
	}
	best, ok := m.corpus.Model.Align(from.doc.Index, para, to.doc.Index)
	if !ok {
		from.link, to.link = nil, nil
		m.linkMissed = miss
		if m.status == "" { // what the key itself reported comes first
			m.status = "no matching passage"
		}
		return
	}
	m.linkMissed = linkMiss{}
	from.link = &paneLink{para: para, score: best.Score}
	to.link = &paneLink{para: best.Para, score: best.Score}
	to.showPara(best.Para)
}

// linkMiss is a paragraph of one document that has no match in another.
type linkMiss struct {
	from, to *corpus.Document
	para     int
}

// relatedCycle remembers the related documents of a source document so
// that pressing r again steps to the next one.
type relatedCycle struct {
	source *corpus.Document
	list   []corpus.Related
	next   int
}

// relatedMax is how many related documents r cycles through.
const relatedMax = 10

// openRelated opens in the other pane the document most similar to the
// focused one, or the next most similar on each further press.
func (m *Model) openRelated() {
	src := m.focused().doc
	if src == nil || len(m.corpus.Docs) < 2 {
		m.status = "no other document to relate to"
		return
	}
	rc := &m.related
	if rc.source != src {
		*rc = relatedCycle{source: src, list: m.corpus.Model.Related(src.Index, relatedMax)}
	}
	if len(rc.list) == 0 {
		m.status = "no related document: nothing shares its terms"
		return
	}
	other := &m.panes[1-m.focus]
	// The first time, skip a related document already open beside.
	if rc.next == 0 && other.doc == m.corpus.Docs[rc.list[0].Doc] && len(rc.list) > 1 {
		rc.next++
	}
	r := rc.list[rc.next%len(rc.list)]
	rc.next++
	other.open(m.corpus.Docs[r.Doc])
	m.applyLens(1 - m.focus)
	m.status = fmt.Sprintf("related %d/%d (%.2f): %s — r for the next", (rc.next-1)%len(rc.list)+1, len(rc.list), r.Score, m.corpus.Docs[r.Doc].Title)
}

// dropBrokenLink forgets a linked passage whose partner is gone: a pane
// that opens another document forgets its side of the link, and the other
// side, left pointing at nothing, must not keep its mark and score.
func (m *Model) dropBrokenLink() {
	if (m.panes[0].link == nil) != (m.panes[1].link == nil) {
		m.panes[0].link, m.panes[1].link = nil, nil
	}
}
