package ui

import (
	"parallax/corpus"

	tea "charm.land/bubbletea/v2"
)

// wrapCacheSize bounds how many (document, width) layouts are kept: enough
// for both panes, their back-stacks and a resize or two.
const wrapCacheSize = 32

type wrapKey struct {
	doc   *corpus.Document
	width int
}

// lazyWrapBytes is the document size from which wrapping is lazy: such a
// document is laid out as far as the screen needs at once and whole in
// the background, so opening it never waits for all of it.
const lazyWrapBytes = 2 << 20

// wrapCache holds documents wrapped per width, so a document is wrapped
// once per width and not on every frame. Both panes share one cache.
type wrapCache struct {
	m       map[wrapKey]*wrapped
	order   []wrapKey // oldest first
	pending map[wrapKey]bool
}

func newWrapCache() *wrapCache {
	return &wrapCache{m: map[wrapKey]*wrapped{}, pending: map[wrapKey]bool{}}
}

func (c *wrapCache) get(doc *corpus.Document, width int) *wrapped {
	k := wrapKey{doc, width}
	if w, ok := c.m[k]; ok {
		return w
	}
	var w *wrapped
	if doc.Size() >= lazyWrapBytes {
		w = startWrap(doc, width)
	} else {
		w = wrapDocument(doc, width)
	}
	c.put(k, w)
	return w
}

func (c *wrapCache) put(k wrapKey, w *wrapped) {
	if _, ok := c.m[k]; !ok {
		if len(c.order) >= wrapCacheSize {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, k)
	}
	c.m[k] = w
}

// wrapDoneMsg carries a document laid out whole in the background.
type wrapDoneMsg struct {
	key wrapKey
	w   *wrapped
}

// completeLater returns a command that lays out the document of a lazy
// layout whole, once per layout; nil when there is nothing to do.
func (c *wrapCache) completeLater(w *wrapped) tea.Cmd {
	k := wrapKey{w.doc, w.width}
	if w.complete() || c.pending[k] {
		return nil
	}
	c.pending[k] = true
	return func() tea.Msg { return wrapDoneMsg{key: k, w: wrapDocument(k.doc, k.width)} }
}

// done installs a layout finished in the background. The lines are the
// same as the lazy layout's, so positions stay valid.
func (c *wrapCache) done(msg wrapDoneMsg) {
	delete(c.pending, msg.key)
	if _, ok := c.m[msg.key]; ok {
		c.m[msg.key] = msg.w
	}
}
