package ui

import "parallax/corpus"

// wrapCacheSize bounds how many (document, width) layouts are kept: enough
// for both panes, their back-stacks and a resize or two.
const wrapCacheSize = 32

type wrapKey struct {
	doc   *corpus.Document
	width int
}

// wrapCache holds documents wrapped per width, so a document is wrapped
// once per width and not on every frame. Both panes share one cache.
type wrapCache struct {
	m     map[wrapKey]*wrapped
	order []wrapKey // oldest first
}

func newWrapCache() *wrapCache { return &wrapCache{m: map[wrapKey]*wrapped{}} }

func (c *wrapCache) get(doc *corpus.Document, width int) *wrapped {
	k := wrapKey{doc, width}
	if w, ok := c.m[k]; ok {
		return w
	}
	w := wrapDocument(doc, width)
	if len(c.order) >= wrapCacheSize {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[k] = w
	c.order = append(c.order, k)
	return w
}
