// Package gen writes deterministic synthetic news corpora for tests and
// benchmarks: many fictional outlets covering many fictional events, with
// the features of real coverage that parallax cares about — headlines,
// bylines, paragraphs of varied length, a Zipf-like vocabulary of real
// function words, news words and made-up content words, event-specific
// terms and named people, places and organisations (full names first,
// surnames alone later), curly quotes and apostrophes, and an outlet's
// newsletter plug repeated three or more times in about a fifth of its
// documents (boilerplate that the corpus folds).
//
// The same options always produce the same bytes. The event a document
// covers is encoded in its file name (see EventOf), so tests can check
// that related documents are about the same event.
package gen

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Options describe a corpus to write. Zero fields take defaults.
type Options struct {
	// Docs is the number of documents (default 1000).
	Docs int
	// TotalBytes is about how large all documents are together (default
	// 10,000 bytes per document). Document sizes vary around the mean.
	TotalBytes int64
	// Seed selects the text; the same options write the same bytes.
	Seed uint64
	// Events is the number of fictional events covered (default Docs/4).
	Events int
	// Outlets is the number of fictional outlets (default 12).
	Outlets int
}

// Stats describe what Write wrote.
type Stats struct {
	Docs    int
	Bytes   int64 // total size of the files written
	Events  int
	Outlets int
	Dirs    int // subfolders
	// Boilerplate is how many documents hold their outlet's newsletter
	// plug three or more times.
	Boilerplate int
}

// Entry is one document of a corpus, as planned before its text is written.
type Entry struct {
	Path     string // relative to the corpus folder, slash-separated
	Headline string // the first line of the document
	Event    int
	Outlet   string
	Bytes    int  // the size aimed at
	Plug     bool // holds the newsletter plug three or more times
}

// DirSize is how many documents go in each subfolder.
const DirSize = 500

// Random streams are keyed by (seed, tag|index) so that every document,
// event and outlet can be generated on its own, in any order.
const (
	tagPlan   = 0x01 << 56
	tagEvent  = 0x02 << 56
	tagOutlet = 0x03 << 56
	tagDoc    = 0x04 << 56
	tagOne    = 0x05 << 56
)

func stream(seed, key uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, key)) }

func (o Options) withDefaults() Options {
	if o.Docs <= 0 {
		o.Docs = 1000
	}
	if o.TotalBytes <= 0 {
		o.TotalBytes = int64(o.Docs) * 10000
	}
	if o.Events <= 0 {
		o.Events = max(1, o.Docs/4)
	}
	o.Events = min(o.Events, o.Docs)
	if o.Outlets <= 0 {
		o.Outlets = 12
	}
	return o
}

// world holds the events and outlets of one seed, built on demand.
type world struct {
	seed    uint64
	mu      sync.Mutex
	events  map[int]*event
	outlets map[int]*outlet
}

func newWorld(seed uint64) *world {
	return &world{seed: seed, events: map[int]*event{}, outlets: map[int]*outlet{}}
}

func (w *world) event(k int) *event {
	w.mu.Lock()
	defer w.mu.Unlock()
	e, ok := w.events[k]
	if !ok {
		e = makeEvent(w.seed, k)
		w.events[k] = e
	}
	return e
}

func (w *world) outlet(j int) *outlet {
	w.mu.Lock()
	defer w.mu.Unlock()
	o, ok := w.outlets[j]
	if !ok {
		o = makeOutlet(w.seed, j)
		w.outlets[j] = o
	}
	return o
}

// Plan lists the documents Write would write for opt, with their
// headlines, without generating their text. It is cheap enough for
// hundreds of thousands of entries.
func Plan(opt Options) []Entry {
	opt = opt.withDefaults()
	return plan(opt, newWorld(opt.Seed))
}

func plan(opt Options, w *world) []Entry {
	r := stream(opt.Seed, tagPlan)
	weights := make([]float64, opt.Docs)
	sum := 0.0
	for i := range weights {
		// Log-normal sizes: most articles near the mean, a few long reads.
		weights[i] = math.Exp(min(max(r.NormFloat64()*0.55, -1.6), 1.6))
		sum += weights[i]
	}
	entries := make([]Entry, opt.Docs)
	for i := range entries {
		ev, k := i%opt.Events, i/opt.Events
		oi := (ev*7 + k) % opt.Outlets
		o := w.outlet(oi)
		g := newDocGen(stream(opt.Seed, tagDoc|uint64(i)), w.event(ev), o, nil)
		entries[i] = Entry{
			Path:     fmt.Sprintf("%04d/%s-e%05d-%05d.txt", i/DirSize+1, o.slug, ev, i),
			Headline: g.headline(),
			Event:    ev,
			Outlet:   o.name,
			Bytes:    max(400, int(float64(opt.TotalBytes)*weights[i]/sum)),
			Plug:     r.IntN(100) < 20,
		}
	}
	return entries
}

// EventOf reads the event number from a path written by Write
// ("0001/meridian-press-e00042-00017.txt" → 42).
func EventOf(p string) (int, bool) {
	name := strings.TrimSuffix(path.Base(filepath.ToSlash(p)), ".txt")
	parts := strings.Split(name, "-")
	if len(parts) < 3 {
		return 0, false
	}
	e, ok := strings.CutPrefix(parts[len(parts)-2], "e")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(e)
	return n, err == nil
}

// Write writes a corpus of opt.Docs .txt files under dir, DirSize to a
// subfolder, whose sizes add up to about opt.TotalBytes. Files are written
// in parallel; the output depends only on opt.
func Write(dir string, opt Options) (Stats, error) {
	opt = opt.withDefaults()
	w := newWorld(opt.Seed)
	entries := plan(opt, w)
	st := Stats{Docs: len(entries), Events: opt.Events, Outlets: opt.Outlets}
	for i := 0; i < len(entries); i += DirSize {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(path.Dir(entries[i].Path))), 0o755); err != nil {
			return st, err
		}
		st.Dirs++
	}
	var (
		next, total atomic.Int64
		wg          sync.WaitGroup
		errOnce     sync.Once
		firstErr    error
	)
	for range min(runtime.GOMAXPROCS(0), len(entries)) {
		wg.Go(func() {
			bw := bufio.NewWriterSize(nil, 64<<10)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(entries) {
					return
				}
				e := entries[i]
				ev := w.event(e.Event)
				o := w.outlet((e.Event*7 + i/opt.Events) % opt.Outlets)
				spec := docSpec{bytes: e.Bytes}
				if e.Plug {
					spec.plugs, spec.morePlugs = 3, 3 // 3 to 5 copies
				}
				n, err := writeFile(filepath.Join(dir, filepath.FromSlash(e.Path)), bw, func(g *docGen) {
					g.r = stream(opt.Seed, tagDoc|uint64(i))
					g.ev, g.out = ev, o
				}, spec)
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					return
				}
				total.Add(n)
			}
		})
	}
	wg.Wait()
	st.Bytes = total.Load()
	for _, e := range entries {
		if e.Plug {
			st.Boilerplate++
		}
	}
	return st, firstErr
}

// DocOptions describe one document for WriteDoc.
type DocOptions struct {
	// Seed and Event select the event covered: event k of a seed has the
	// same terms and names as event k of Write with that seed.
	Seed  uint64
	Event int
	// Variant tells apart documents of the same event (and picks the
	// outlet among 12).
	Variant uint64
	// Bytes is about how large the document is; Paragraphs, when set,
	// stops it after that many body paragraphs instead (or as well).
	Bytes      int
	Paragraphs int
}

// WriteOne writes one large document of about bytes bytes in the style of
// Write's documents (event 0 of seed).
func WriteOne(path string, bytes int, seed uint64) error {
	_, err := WriteDoc(path, DocOptions{Seed: seed, Bytes: bytes})
	return err
}

// WriteDoc writes one document and returns its size.
func WriteDoc(path string, opt DocOptions) (int64, error) {
	if opt.Bytes <= 0 && opt.Paragraphs <= 0 {
		opt.Bytes = 10000
	}
	w := newWorld(opt.Seed)
	ev, o := w.event(opt.Event), w.outlet(int(opt.Variant%12))
	// The plug recurs about once per megabyte or per 1,000 paragraphs.
	plugs := 3 + opt.Bytes>>20 + opt.Paragraphs/1000
	spec := docSpec{bytes: opt.Bytes, paras: opt.Paragraphs, plugs: plugs}
	bw := bufio.NewWriterSize(nil, 256<<10)
	return writeFile(path, bw, func(g *docGen) {
		g.r = stream(opt.Seed, tagOne|uint64(opt.Event)<<24|opt.Variant)
		g.ev, g.out = ev, o
	}, spec)
}

func writeFile(name string, bw *bufio.Writer, setup func(*docGen), spec docSpec) (int64, error) {
	f, err := os.Create(name)
	if err != nil {
		return 0, err
	}
	bw.Reset(f)
	g := &docGen{spec: spec}
	setup(g)
	g.w = textWriter{w: bw, wrap: g.out.wrap}
	g.document()
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	return int64(g.w.n), nil
}

// name is a multi-word proper name, stored as words so that writing it
// allocates nothing.
type name []string

func (n name) last() string { return n[len(n)-1] }

type person struct {
	full name
	role string
}

// event is one fictional event: its topic, terms and names.
type event struct {
	topic  *topic
	terms  []string // most frequent first
	table  []uint8  // Zipf lookup over terms
	people []person
	places []name
	orgs   []name
	day    int
	month  string
}

const eventTerms = 32

func makeEvent(seed uint64, k int) *event {
	r := stream(seed, tagEvent|uint64(k))
	e := &event{topic: &topics[r.IntN(len(topics))], day: 1 + r.IntN(26), month: months[r.IntN(len(months))]}
	// Terms: made-up words specific to the event, mixed with the real
	// words of its topic.
	tw := e.topic.words
	seen := map[string]bool{}
	for i := 0; len(e.terms) < eventTerms; i++ {
		var w string
		if i%3 == 1 && i/3 < len(tw) {
			w = tw[(i/3+k)%len(tw)]
		} else {
			w = madeWord(r)
			if len(w) < 4 {
				continue
			}
		}
		if !seen[w] {
			seen[w] = true
			e.terms = append(e.terms, w)
		}
	}
	t := zipfTable(len(e.terms), 8, 0.9, 1.5)
	e.table = make([]uint8, len(t))
	for i, v := range t {
		e.table[i] = uint8(v)
	}
	base := make([]string, 2+r.IntN(2))
	for i := range base {
		base[i] = madeName(r, placeE)
	}
	for i, b := range base {
		form := placeForms[r.IntN(len(placeForms))]
		if i > 0 {
			form = "%s"
		}
		e.places = append(e.places, strings.Fields(fmt.Sprintf(form, b)))
	}
	for range 3 + r.IntN(3) {
		var last string
		if r.IntN(3) == 0 {
			last = surnames[r.IntN(len(surnames))]
		} else {
			last = madeName(r, []string{"", "", "er", "son", "ley", "ing", "s"})
		}
		e.people = append(e.people, person{
			full: name{firstNames[r.IntN(len(firstNames))], last},
			role: roles[r.IntN(len(roles))],
		})
	}
	for i := range 2 + r.IntN(2) {
		var s string
		switch {
		case i == 1:
			s = "Ministry of " + e.topic.org
		case r.IntN(4) == 0:
			s = fmt.Sprintf("%s Holdings", e.people[r.IntN(len(e.people))].full.last())
		default:
			s = fmt.Sprintf(orgForms[r.IntN(len(orgForms))], base[r.IntN(len(base))])
		}
		e.orgs = append(e.orgs, strings.Fields(s))
	}
	return e
}

// outlet is one fictional news outlet with its house style.
type outlet struct {
	name, slug, short string
	plug              string
	plugWords         []string
	reporters         []name
	wrap              int  // hard-wrap width, 0 for one line per paragraph
	dateline          bool // ledes open with "PLACE, 14 March (Short) - "
}

func makeOutlet(seed uint64, j int) *outlet {
	r := stream(seed, tagOutlet|uint64(j))
	o := &outlet{}
	if j < len(outletNames) {
		o.name = outletNames[j]
	} else {
		o.name = madeName(r, placeE) + " " + outletKinds[r.IntN(len(outletKinds))]
	}
	o.short = strings.Fields(o.name)[0]
	o.slug = strings.ToLower(strings.ReplaceAll(o.name, " ", "-"))
	o.plug = fmt.Sprintf(plugTemplates[j%len(plugTemplates)], o.name, strings.ReplaceAll(o.slug, "-", ""))
	o.plugWords = strings.Fields(o.plug)
	for range 6 {
		o.reporters = append(o.reporters, name{firstNames[r.IntN(len(firstNames))], surnames[r.IntN(len(surnames))]})
	}
	if j%3 == 2 {
		o.wrap = 72
	}
	o.dateline = j%2 == 0
	return o
}
