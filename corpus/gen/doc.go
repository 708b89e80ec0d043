package gen

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// docSpec bounds one document's body.
type docSpec struct {
	bytes     int // stop at about this many bytes (0: no bound)
	paras     int // stop after this many body paragraphs (0: no bound)
	plugs     int // copies of the outlet's newsletter plug
	morePlugs int // up to this many more copies, at random
}

// textWriter writes words with the spacing, hard wrapping and sentence
// capitals of running text, counting bytes, without allocating.
type textWriter struct {
	w     *bufio.Writer
	n     int  // bytes written
	col   int  // bytes on the current line
	wrap  int  // hard-wrap width, 0 for none
	start bool // at the start of a paragraph: no space before the next word
	quote bool // open a quotation before the next word
	num   [32]byte
}

func (t *textWriter) str(s string) {
	t.w.WriteString(s)
	t.n += len(s)
	t.col += len(s)
}

// sep writes the space (or the line break) before a word of n bytes.
func (t *textWriter) sep(n int) {
	if t.start {
		t.start = false
		return
	}
	if t.wrap > 0 && t.col+1+n > t.wrap {
		t.w.WriteByte('\n')
		t.n++
		t.col = 0
		return
	}
	t.w.WriteByte(' ')
	t.n++
	t.col++
}

func (t *textWriter) openQuote(n int) int {
	if !t.quote {
		return n
	}
	return n + len("“")
}

func (t *textWriter) word(s string, capital bool) {
	t.sep(t.openQuote(len(s)))
	if t.quote {
		t.str("“")
		t.quote = false
	}
	if capital && s[0] >= 'a' && s[0] <= 'z' {
		t.w.WriteByte(s[0] - 'a' + 'A')
		t.n++
		t.col++
		s = s[1:]
	}
	t.str(s)
}

func (t *textWriter) wordBytes(b []byte) {
	t.sep(t.openQuote(len(b)))
	if t.quote {
		t.str("“")
		t.quote = false
	}
	t.w.Write(b)
	t.n += len(b)
	t.col += len(b)
}

// upper writes an ASCII word in capitals (a dateline).
func (t *textWriter) upper(s string) {
	t.sep(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		t.w.WriteByte(c)
	}
	t.n += len(s)
	t.col += len(s)
}

// attach writes punctuation right after the previous word.
func (t *textWriter) attach(s string) { t.str(s) }

func (t *textWriter) endPara() {
	t.w.WriteString("\n\n")
	t.n += 2
	t.col = 0
	t.start = true
}

// docGen generates one document.
type docGen struct {
	r    *rand.Rand
	ev   *event
	out  *outlet
	voc  *vocabulary
	spec docSpec
	w    textWriter
	met  [8]bool // people already named in full
}

func newDocGen(r *rand.Rand, ev *event, o *outlet, bw *bufio.Writer) *docGen {
	g := &docGen{r: r, ev: ev, out: o}
	if bw != nil {
		g.w = textWriter{w: bw, wrap: o.wrap}
	}
	return g
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// headline is a short news headline about the event, under 80 bytes. It
// is the first thing drawn from a document's random stream, so Plan can
// compute it without the text.
func (g *docGen) headline() string {
	r, e := g.r, g.ev
	head := pick(r, e.topic.heads)
	place := strings.Join(e.places[0], " ")
	p := e.people[r.IntN(min(2, len(e.people)))].full
	term := e.terms[e.table[r.IntN(256)]]
	org := strings.Join(pick(r, e.orgs), " ")
	var s string
	switch r.IntN(6) {
	case 0:
		s = fmt.Sprintf("%s %s %s as %s %s %s", place, head, pick(r, headlineVerbs), p.last(), pick(r, sayVerbs), term)
	case 1:
		s = fmt.Sprintf("%s %s %s over %s", org, pick(r, sayVerbs), head, term)
	case 2:
		s = fmt.Sprintf("%s %s says %s will %s %s", p[0], p[1], head, pick(r, futureVerbs), place)
	case 3:
		s = fmt.Sprintf("%s %s %s in %s %s", thousands(100+r.IntN(9900)), pick(r, pluralNouns), pick(r, pastVerbs), place, head)
	case 4:
		s = fmt.Sprintf("%s in %s: %s %s %s", capitalised(head), place, p.last(), pick(r, sayVerbs), term)
	default:
		s = fmt.Sprintf("What the %s %s means for %s", place, head, pick(r, pluralNouns))
	}
	if len(s) >= 80 {
		s = fmt.Sprintf("%s %s %s", place, head, pick(r, headlineVerbs))
	}
	if len(s) >= 80 {
		s = s[:strings.LastIndexByte(s[:79], ' ')]
	}
	return capitalised(s)
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// document writes the headline, the byline and the body.
func (g *docGen) document() {
	g.voc = global()
	g.w.start = true
	g.w.str(g.headline())
	g.w.endPara()
	rep := pick(g.r, g.out.reporters)
	g.w.str("By ")
	g.w.str(rep[0])
	g.w.str(" ")
	g.w.str(rep[1])
	g.w.str(" · ")
	g.w.str(g.out.name)
	g.w.str(" · ")
	day := strconv.AppendInt(g.w.num[:0], int64(min(28, g.ev.day+g.r.IntN(3))), 10)
	g.w.w.Write(day)
	g.w.n += len(day)
	g.w.str(" ")
	g.w.str(g.ev.month)
	g.w.str(" 2026")
	g.w.endPara()
	if g.spec.morePlugs > 0 {
		g.spec.plugs += g.r.IntN(g.spec.morePlugs)
	}
	g.body()
}

// avgParagraph is about how many bytes a body paragraph takes.
const avgParagraph = 560

// sentencesPerParagraph: 1–8, mostly 2–4.
var sentencesPerParagraph = []int{1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8}

func (g *docGen) body() {
	spec := g.spec
	plugLen := len(g.out.plug) + 2
	plugsLeft := spec.plugs
	limit := func() int { // the byte count at which text stops
		if spec.bytes <= 0 {
			return int(^uint(0) >> 1)
		}
		return spec.bytes - plugsLeft*plugLen
	}
	for paras := 0; ; paras++ {
		if paras > 0 {
			if g.w.n >= limit() || (spec.paras > 0 && paras+plugsLeft >= spec.paras) {
				break
			}
			// Spread the plugs: each paragraph break takes one with the
			// chance that leaves the rest for the paragraphs to come.
			if plugsLeft > 0 {
				left := 1 << 30
				if spec.bytes > 0 {
					left = (limit() - g.w.n) / avgParagraph
				}
				if spec.paras > 0 {
					left = min(left, spec.paras-paras-plugsLeft)
				}
				if g.r.IntN(max(1, left)+1) < plugsLeft {
					g.plug()
					plugsLeft--
					continue
				}
			}
		}
		k := pick(g.r, sentencesPerParagraph)
		if paras == 0 {
			k = 1 + g.r.IntN(2)
			if g.out.dateline {
				g.dateline()
			}
		}
		for s := 0; s < k && (s == 0 || g.w.n < limit()); s++ {
			g.sentence()
		}
		g.w.endPara()
	}
	for ; plugsLeft > 0; plugsLeft-- {
		g.plug()
	}
}

func (g *docGen) plug() {
	for _, w := range g.out.plugWords {
		g.w.word(w, false)
	}
	g.w.endPara()
}

// dateline opens a lede: "MARROWBY, 14 March (Meridian) - ".
func (g *docGen) dateline() {
	for _, w := range g.ev.places[0] {
		g.w.upper(w)
	}
	g.w.attach(",")
	g.w.wordBytes(strconv.AppendInt(g.w.num[:0], int64(g.ev.day), 10))
	g.w.word(g.ev.month, false)
	g.w.sep(len(g.out.short) + 2)
	g.w.str("(")
	g.w.str(g.out.short)
	g.w.str(")")
	g.w.word("-", false)
}

// sentence writes 8–35 words: mostly common words (Zipf-distributed),
// some of the event's terms, names and numbers. About one in eleven is a
// quotation attributed to a person of the event.
func (g *docGen) sentence() {
	r := g.r
	n := 8 + r.IntN(14) + r.IntN(15)
	quote := r.IntN(100) < 9
	g.w.quote = quote
	for i := range n {
		x := r.IntN(1000)
		switch {
		case x < 28:
			g.name(i == 0)
		case x < 105:
			g.w.word(g.ev.terms[g.ev.table[r.Uint32()&255]], i == 0)
		case x < 115:
			g.number()
		default:
			g.w.word(g.voc.words[g.voc.table[r.Uint64()>>(64-zipfTableBits)]], i == 0)
		}
		if i < n-1 && r.IntN(100) < 6 {
			g.w.attach(",")
		}
	}
	switch {
	case quote:
		g.w.attach(",”")
		if r.IntN(2) == 0 {
			g.w.word("said", false)
			g.person(false, false)
		} else {
			g.person(false, false)
			g.w.word("said", false)
		}
		g.w.attach(".")
	case r.IntN(50) == 0:
		g.w.attach("?")
	default:
		g.w.attach(".")
	}
}

func (g *docGen) name(capital bool) {
	r := g.r
	switch x := r.IntN(10); {
	case x < 5:
		g.person(capital, true)
		if r.IntN(100) < 8 {
			g.w.attach("’s")
		}
	case x < 8:
		for _, w := range pick(r, g.ev.places) {
			g.w.word(w, false)
		}
	default:
		if r.IntN(2) == 0 {
			g.w.word("the", capital)
		}
		for _, w := range pick(r, g.ev.orgs) {
			g.w.word(w, false)
		}
	}
}

// person names a person of the event: in full (sometimes with a role) the
// first time in the document, by surname afterwards.
func (g *docGen) person(capital, role bool) {
	n := len(g.ev.people)
	i := min(g.r.IntN(n), g.r.IntN(n)) // the first people are named most
	p := &g.ev.people[i]
	if i < len(g.met) && g.met[i] {
		g.w.word(p.full.last(), false)
		return
	}
	if i < len(g.met) {
		g.met[i] = true
	}
	if role && g.r.IntN(2) == 0 {
		g.w.word(p.role, capital)
	}
	g.w.word(p.full[0], false)
	g.w.word(p.full[1], false)
}

func (g *docGen) number() {
	r := g.r
	b := g.w.num[:0]
	switch r.IntN(5) {
	case 0: // 4,200
		v := 1 + r.IntN(98)
		b = strconv.AppendInt(b, int64(v), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(100+r.IntN(900)), 10)
	case 1: // 1.8
		b = strconv.AppendInt(b, int64(r.IntN(20)), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(1+r.IntN(9)), 10)
	default:
		b = strconv.AppendInt(b, int64(2+r.IntN(998)), 10)
	}
	g.w.wordBytes(b)
	switch r.IntN(6) {
	case 0:
		g.w.word("percent", false)
	case 1:
		g.w.word("million", false)
	}
}
