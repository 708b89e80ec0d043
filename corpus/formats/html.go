package formats

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"parallax/corpus/internal/swar"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extracts the readable text of a saved web page with golang.org/x/net/html.
//
// Boilerplate is dropped: script, style, noscript, template, svg, math,
// nav, header, footer, aside, form, button, iframe, menu, dialog and form
// controls, elements with the hidden attribute, elements whose role is
// navigation, banner, contentinfo or complementary, and elements whose
// class or id has a word (split on spaces, "-" and "_") among boilerWords.
// Inside an <article>, <header> elements and "header" class words are kept:
// they hold the article's own headline and byline.
//
// The text comes from the <article> (the only one, else the one with the
// most text, preferring those not inside boilerplate), else <main> (or
// role="main"), else <body>. Block elements become paragraphs, <br> a line
// break (two in a row a paragraph break), list items start with "• " or
// "1. ", "2. "..., and white space is collapsed as a browser does except
// inside <pre>.
//
// Metadata: Title from og:title, else the first <h1> of the content, else
// <title>; a " | Site", " - Site", " – Site", " — Site", " · Site" or
// " :: Site" suffix (or the same as a prefix, or "Site: ") is cut when Site
// is the page's site name (Source). Source from og:site_name, else application-name. Date
// from article:published_time, else the first <time datetime>, else
// <meta name="date"> or itemprop="datePublished". URL from
// <link rel="canonical">, else og:url. ID and Line stay empty.
//
// The input should already be UTF-8 (the caller decodes legacy charsets);
// invalid bytes become U+FFFD. HTML never panics, whatever the input.
func HTML(data []byte) Record {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil || doc == nil {
		return Record{}
	}
	m := collectMeta(doc)
	body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}

	var rec Record
	for _, root := range contentRoots(body) {
		rec.Text = render(root)
		if rec.Text != "" {
			if m.h1 == "" {
				m.h1 = firstText(root, atom.H1)
			}
			if m.time == "" {
				m.time = firstTime(root)
			}
			break
		}
	}
	if rec.Text == "" {
		// Everything was furniture (a page wrapped in a <form> or a
		// "has-sidebar" div): keep it rather than return nothing.
		r := renderer{keepSoft: true}
		r.children(body, false)
		r.flush()
		rec.Text = valid(strings.Join(r.paras, "\n\n"))
	}
	if m.h1 == "" {
		m.h1 = firstText(body, atom.H1)
	}
	if m.time == "" {
		m.time = firstTime(body)
	}

	rec.Source = firstNonEmpty(m.meta["og:site_name"], m.meta["application-name"])
	rec.Title = firstNonEmpty(trimSiteName(m.meta["og:title"], rec.Source), m.h1, trimSiteName(m.title, rec.Source))
	rec.Date = firstNonEmpty(m.meta["article:published_time"], m.time, m.meta["date"], m.meta["datepublished"])
	rec.URL = firstNonEmpty(m.canonical, m.meta["og:url"])
	rec.Title = valid(rec.Title)
	rec.Source = valid(rec.Source)
	rec.Date = valid(rec.Date)
	rec.URL = valid(rec.URL)
	return rec
}

// boilerWords are the class and id words that mark boilerplate.
var boilerWords = map[string]bool{
	"nav": true, "menu": true, "footer": true, "header": true, "sidebar": true,
	"cookie": true, "cookies": true, "banner": true, "share": true, "sharing": true,
	"social": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"promo": true, "newsletter": true, "related": true, "comments": true,
	"comment": true, "breadcrumb": true, "breadcrumbs": true, "subscribe": true,
	"skip": true, "sponsored": true,
}

// hardDrop elements never hold readable text.
var hardDrop = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Button: true,
	atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Input: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Dialog: true, atom.Head: true, atom.Title: true,
	atom.Datalist: true,
}

// softDrop elements are page furniture around the content.
var softDrop = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Menu: true,
}

var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
}

// blocks become paragraphs of their own.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Div: true, atom.Td: true, atom.Th: true, atom.Tr: true,
	atom.Table: true, atom.Caption: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Figcaption: true, atom.Figure: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Ul: true,
	atom.Ol: true, atom.Header: true, atom.Footer: true, atom.Address: true,
	atom.Hr: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Body: true, atom.Html: true, atom.Fieldset: true, atom.Legend: true,
	atom.Hgroup: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasWord(s string, words map[string]bool) bool {
	for tok := range strings.FieldsSeq(strings.ToLower(s)) {
		for part := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			if words[part] {
				return true
			}
		}
	}
	return false
}

// isHard reports an element that never holds readable text.
func isHard(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	return hardDrop[n.DataAtom] || n.Namespace != ""
}

// isSoft reports page furniture. inArticle keeps an article's own header.
func isSoft(n *html.Node, inArticle bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if softDrop[n.DataAtom] && !(inArticle && n.DataAtom == atom.Header) {
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if role, ok := attr(n, "role"); ok && hasWord(role, boilerRoles) {
		return true
	}
	words := boilerWords
	if inArticle {
		words = articleWords
	}
	for _, key := range []string{"class", "id"} {
		if v, ok := attr(n, key); ok && hasWord(v, words) {
			return true
		}
	}
	return false
}

var articleWords = func() map[string]bool {
	m := make(map[string]bool, len(boilerWords))
	for k, v := range boilerWords {
		if k != "header" {
			m[k] = v
		}
	}
	return m
}()

func findFirst(n *html.Node, pred func(*html.Node) bool) *html.Node {
	if pred(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isHard(c) && c.DataAtom != atom.Head {
			continue
		}
		if f := findFirst(c, pred); f != nil {
			return f
		}
	}
	return nil
}

// contentRoots lists, best first, the elements whose text is the page's
// content: the chosen <article>, the chosen <main>, then body.
func contentRoots(body *html.Node) []*html.Node {
	var articles, mains, cleanArticles, cleanMains []*html.Node
	// Only the outermost <article> and <main> elements are candidates: a
	// nested one (a comment, a quoted post) never has more text.
	var walk func(n *html.Node, underSoft, inArticle, inMain bool)
	walk = func(n *html.Node, underSoft, inArticle, inMain bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isHard(c) {
				continue
			}
			role, _ := attr(c, "role")
			isArticle := c.DataAtom == atom.Article
			isMain := !isArticle && (c.DataAtom == atom.Main || strings.EqualFold(strings.TrimSpace(role), "main"))
			switch {
			case isArticle && !inArticle:
				articles = append(articles, c)
				if !underSoft {
					cleanArticles = append(cleanArticles, c)
				}
			case isMain && !inMain:
				mains = append(mains, c)
				if !underSoft {
					cleanMains = append(cleanMains, c)
				}
			}
			// A form often wraps a whole page: it does not make its
			// content boilerplate for this choice.
			walk(c, underSoft || (c.DataAtom != atom.Form && isSoft(c, false)), inArticle || isArticle, inMain || isMain)
		}
	}
	walk(body, false, false, false)
	var roots []*html.Node
	if r := pick(cleanArticles, articles); r != nil {
		roots = append(roots, r)
	}
	if r := pick(cleanMains, mains); r != nil {
		roots = append(roots, r)
	}
	return append(roots, body)
}

// pick returns the only candidate or the one with the most text, taken from
// preferred when it has any.
func pick(preferred, all []*html.Node) *html.Node {
	list := preferred
	if len(list) == 0 {
		list = all
	}
	switch len(list) {
	case 0:
		return nil
	case 1:
		return list[0]
	}
	best, bestLen := list[0], -1
	for _, n := range list {
		if l := textLen(n, n.DataAtom == atom.Article); l > bestLen {
			best, bestLen = n, l
		}
	}
	return best
}

// textLen counts the bytes of non-space text that render would keep.
func textLen(n *html.Node, inArticle bool) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += len(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && !isHard(c) && !isSoft(c, inArticle):
			total += textLen(c, inArticle || c.DataAtom == atom.Article)
		}
	}
	return total
}

// render returns the readable text under root.
func render(root *html.Node) string {
	r := renderer{}
	r.children(root, root.DataAtom == atom.Article)
	r.flush()
	return valid(strings.Join(r.paras, "\n\n"))
}

type list struct {
	ordered bool
	next    int
}

type renderer struct {
	paras     []string
	cur       strings.Builder
	space     bool   // a space is owed before the next visible text
	prefix    string // list marker owed before the next visible text
	pre       int    // depth of <pre>
	lists     []list
	lineStart bool
	keepSoft  bool // drop only what never holds text
}

func (r *renderer) children(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, inArticle)
	}
}

func (r *renderer) node(n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if isHard(n) || (!r.keepSoft && isSoft(n, inArticle)) {
		return
	}
	inArticle = inArticle || n.DataAtom == atom.Article
	switch n.DataAtom {
	case atom.Br:
		r.br()
		return
	case atom.Img, atom.Wbr:
		return
	case atom.Pre:
		r.flush()
		r.pre++
		r.children(n, inArticle)
		r.pre--
		r.flush()
		return
	case atom.Ul, atom.Ol:
		l := list{ordered: n.DataAtom == atom.Ol, next: 1}
		if s, ok := attr(n, "start"); ok {
			if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				l.next = v
			}
		}
		r.flush()
		r.lists = append(r.lists, l)
		r.children(n, inArticle)
		r.lists = r.lists[:len(r.lists)-1]
		r.flush()
		return
	case atom.Li:
		r.flush()
		r.prefix = r.marker(n)
		r.children(n, inArticle)
		r.flush()
		r.prefix = ""
		return
	}
	if blocks[n.DataAtom] {
		r.flush()
		r.children(n, inArticle)
		r.flush()
		return
	}
	r.children(n, inArticle)
}

// marker returns the prefix of a list item.
func (r *renderer) marker(n *html.Node) string {
	if len(r.lists) == 0 {
		return "• "
	}
	l := &r.lists[len(r.lists)-1]
	indent := strings.Repeat("  ", len(r.lists)-1)
	if !l.ordered {
		return indent + "• "
	}
	if s, ok := attr(n, "value"); ok {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			l.next = v
		}
	}
	m := indent + strconv.Itoa(l.next) + ". "
	l.next++
	return m
}

func (r *renderer) start() {
	if r.prefix != "" {
		r.cur.WriteString(r.prefix)
		r.prefix = ""
	}
}

func (r *renderer) text(s string) {
	if r.pre > 0 {
		if r.cur.Len() == 0 && strings.TrimSpace(s) == "" {
			return
		}
		r.start()
		r.cur.WriteString(s)
		r.lineStart = strings.HasSuffix(s, "\n")
		return
	}
	if !utf8.ValidString(s) {
		// Ranging over the string gives one U+FFFD per invalid byte.
		s = string([]rune(s))
	}
	// Text is copied a run at a time, a run being words with single
	// spaces between them, which collapsing leaves as they are: a page's
	// text is most of its bytes, and a rune at a time took a quarter of
	// loading it.
	for len(s) > 0 {
		if n := spaces(s); n > 0 {
			r.space = true
			s = s[n:]
			continue
		}
		n := visibleRun(s)
		if r.cur.Len() == 0 && r.prefix == "" {
			r.lineStart = true
		}
		r.start()
		if r.space && !r.lineStart {
			r.cur.WriteByte(' ')
		}
		r.space = false
		r.lineStart = false
		r.cur.WriteString(s[:n])
		s = s[n:]
	}
}

// visibleRun returns the length of the text that s starts with, up to
// the first white space other than a single ' ' between two visible
// characters. s starts with a visible character.
func visibleRun(s string) int {
	n := 1
	for n < len(s) {
		if n+8 <= len(s) && plainRun8(swar.Load64(s[n:])) {
			n += 8
			continue
		}
		c := s[n]
		switch {
		case !maybeSpace[c]:
			n++
		case c == ' ' && n+1 < len(s) && !maybeSpace[s[n+1]]:
			n += 2
		case c == 0xc2 && !isSpaceAt(s, n):
			n++
		default:
			return n
		}
	}
	return n
}

// plainRun8 reports that 8 bytes of text, following a visible one, can be
// copied as they are: no byte is a control character (0x00 to 0x1f) or
// 0xc2 (which starts U+00A0, among other characters: the byte loop tells
// them apart), and every ' ' is single and followed by another of the 8
// bytes (what follows the last one is unknown).
func plainRun8(x uint64) bool {
	const low7 = 0x7f * swar.Ones
	// equal marks the bytes equal to b with their top bit: set where a
	// byte is ASCII and its low 7 bits are zero after the xor; the sums
	// cannot carry between bytes.
	equal := func(b uint64) uint64 {
		y := x ^ b*swar.Ones
		return ^((y & low7) + low7) &^ y & swar.Highs
	}
	controls := ^((x & low7) + (0x80-0x21)*swar.Ones) &^ x & swar.Highs // bytes up to ' '
	blanks := equal(' ')
	return controls&^blanks|equal(0xc2) == 0 && blanks&(blanks>>8) == 0 && blanks>>56 == 0
}

// maybeSpace marks the bytes that white space (see isSpaceAt) starts with.
var maybeSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, 0xc2: true}

// spaces returns the length of the white space (see isSpaceAt) that s
// starts with.
func spaces(s string) int {
	n := 0
	for n < len(s) && isSpaceAt(s, n) {
		if s[n] == 0xc2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isSpaceAt reports whether white space starts at s[i]: what a browser
// collapses (space, tab, line feed, carriage return, form feed) and the
// no-break space U+00A0, which pages use for spacing. In
// valid UTF-8 the byte 0xc2 only ever starts a character, so this may
// look at any byte.
func isSpaceAt(s string, i int) bool {
	switch c := s[i]; c {
	case ' ', '\t', '\n', '\r', '\f':
		return true
	case 0xc2:
		return i+1 < len(s) && s[i+1] == 0xa0 // U+00A0
	}
	return false
}

func (r *renderer) br() {
	if r.pre > 0 {
		r.cur.WriteByte('\n')
		return
	}
	s := r.cur.String()
	switch {
	case strings.TrimSpace(s) == "":
		return
	case strings.HasSuffix(s, "\n"):
		r.flush() // two line breaks in a row end the paragraph
		return
	}
	r.cur.WriteByte('\n')
	r.lineStart = true
	r.space = false
}

func (r *renderer) flush() {
	s := r.cur.String()
	r.cur.Reset()
	r.space = false
	r.lineStart = true
	if strings.TrimSpace(s) == "" {
		return
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r\f\u00a0")
	}
	p := strings.Trim(strings.Join(lines, "\n"), "\n")
	r.paras = append(r.paras, p)
}

type pageMeta struct {
	meta      map[string]string // first content per lower-cased property, name or itemprop
	canonical string
	title     string
	h1, time  string
}

func collectMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Namespace == "" {
			switch n.DataAtom {
			case atom.Meta:
				content, ok := attr(n, "content")
				content = strings.TrimSpace(content)
				if ok && content != "" {
					for _, k := range []string{"property", "name", "itemprop"} {
						if key, ok := attr(n, k); ok {
							key = strings.ToLower(strings.TrimSpace(key))
							if _, seen := m.meta[key]; !seen && key != "" {
								m.meta[key] = content
							}
						}
					}
				}
			case atom.Link:
				if rel, _ := attr(n, "rel"); m.canonical == "" && hasWord(rel, map[string]bool{"canonical": true}) {
					href, _ := attr(n, "href")
					m.canonical = strings.TrimSpace(href)
				}
			case atom.Title:
				if m.title == "" {
					m.title = collapse(textOf(n))
				}
			}
			// <time itemprop="datePublished" datetime="...">
			if ip, ok := attr(n, "itemprop"); ok && strings.EqualFold(strings.TrimSpace(ip), "datePublished") && n.DataAtom != atom.Meta {
				if _, seen := m.meta["datepublished"]; !seen {
					v, ok := attr(n, "datetime")
					if !ok {
						v, ok = attr(n, "content")
					}
					if v = strings.TrimSpace(v); ok && v != "" {
						m.meta["datepublished"] = v
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for k, v := range m.meta {
		if k != "date" && k != "datepublished" && k != "article:published_time" && k != "og:url" {
			m.meta[k] = collapse(v)
		}
	}
	return m
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !isHard(c) || c.DataAtom == atom.Title {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// firstText returns the text of the first element a under root that is not
// boilerplate.
func firstText(root *html.Node, a atom.Atom) string {
	var found string
	var walk func(n *html.Node, inArticle bool) bool
	walk = func(n *html.Node, inArticle bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isHard(c) || isSoft(c, inArticle) {
				continue
			}
			if c.DataAtom == a {
				if found = collapse(textOf(c)); found != "" {
					return true
				}
				continue
			}
			if walk(c, inArticle || c.DataAtom == atom.Article) {
				return true
			}
		}
		return false
	}
	walk(root, root.DataAtom == atom.Article)
	return found
}

// firstTime returns the datetime of the first <time> under root, skipping
// scripts and the like but not furniture (a dateline may sit in a header).
func firstTime(root *html.Node) string {
	var found string
	findFirst(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Time {
			if v, ok := attr(n, "datetime"); ok && strings.TrimSpace(v) != "" {
				found = strings.TrimSpace(v)
				return true
			}
		}
		return false
	})
	return found
}

var siteSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: "}

// trimSiteName cuts the site name from the end (or start, where "Site: "
// is also accepted) of a page title.
func trimSiteName(title, site string) string {
	title = collapse(title)
	site = collapse(site)
	if site == "" || title == "" {
		return title
	}
	for _, sep := range siteSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(title[i+len(sep):], site) {
			return strings.TrimSpace(title[:i])
		}
	}
	for _, sep := range append(siteSeparators, ": ") {
		if rest, ok := cutPrefixFold(title, site+sep); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
