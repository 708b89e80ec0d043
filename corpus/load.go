package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"parallax/corpus/formats"
)

// DefaultMaxFileSize is the largest file read unless Options say otherwise.
const DefaultMaxFileSize = 256 << 20

// binarySniff is how much of a file's start is examined for binary content.
const binarySniff = 8 << 10

// Options tune a load.
type Options struct {
	// MaxFileSize skips larger files; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Progress, when set, is called from the loading goroutines after each
	// file with the number of files done, the total, and the bytes read.
	Progress func(Progress)
	// Fields names the fields of JSON records; empty names are detected.
	Fields formats.Fields
}

// Progress reports how far a load has come.
type Progress struct {
	Done, Total int
	Bytes       int64
}

// ErrEmpty is returned when no document could be loaded.
var ErrEmpty = errors.New("no loadable document")

// Plan is what a walk of the command-line paths found: the files to read,
// in order, and the files already skipped. Loading happens in two steps so
// that a reader can show the first document (First) while the rest loads
// and is indexed (Load).
type Plan struct {
	Roots   []string
	Skipped []Skipped
	// Bytes is the total size of the files to read.
	Bytes int64

	sources []source
	vocab   *vocab
	fields  formats.Fields
	first   []result // what First read: skipped files, then one with documents
	// firstDoc is the document First found in a JSON Lines file, which it
	// reads only up to there: Load reads that file again, whole.
	firstDoc *Document
	errPath  string // named in the error when nothing loads
}

// Walk finds the files under the given paths. A path that does not exist
// is an error (a *PathError); nothing is read yet.
func Walk(paths []string, opt Options) (*Plan, error) {
	maxSize := opt.maxSize()
	found, skipped, err := walk(paths, maxSize)
	if err != nil {
		return nil, err
	}
	p := &Plan{Roots: append([]string(nil), paths...), Skipped: skipped, vocab: newVocab(), fields: opt.Fields, errPath: joinPaths(paths)}
	p.sources = make([]source, 0, len(found))
	wd, _ := os.Getwd() // "" if it fails: IDs then use the paths as given
	for _, c := range found {
		p.sources = append(p.sources, source{display: c.display, osPath: c.osPath, wd: wd, maxSize: maxSize, size: c.size})
		p.Bytes += c.size
	}
	return p, nil
}

// WalkFS lists the text files of a file system, such as the embedded
// sample corpus, in path order.
func WalkFS(fsys fs.FS) (*Plan, error) {
	p := &Plan{vocab: newVocab(), errPath: "embedded corpus"}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !hasTextExtension(name) {
			p.Skipped = append(p.Skipped, Skipped{Path: SanitizeName(name), Reason: "unsupported extension"})
			return nil
		}
		if info, err := d.Info(); err == nil {
			p.Bytes += info.Size()
		}
		p.sources = append(p.sources, source{display: name, fsys: fsys})
		return nil
	})
	sort.Slice(p.sources, func(i, j int) bool { return p.sources[i].display < p.sources[j].display })
	return p, err
}

// Files is the number of files the plan will read.
func (p *Plan) Files() int { return len(p.sources) }

// HasRecords reports whether some files hold records (JSON, JSON Lines),
// so that how many documents the plan loads is unknown until they are
// read.
func (p *Plan) HasRecords() bool {
	return slices.ContainsFunc(p.sources, func(s source) bool { return isRecordFile(s.display) })
}

// First reads files in order until one loads, and returns it: the
// document a reader can show at once, before anything is indexed. It
// returns an error (wrapping ErrEmpty) when no file of the plan loads.
// Load reuses its work.
func (p *Plan) First() (*Document, error) {
	for len(p.first) < len(p.sources) {
		s := p.sources[len(p.first)]
		if formatOf(s.display) == formatJSONLines {
			// A dataset may be one large file: read only until a document
			// comes, and leave the file to Load's batches.
			doc, r := firstRecord(s, p.fields)
			p.first, p.firstDoc = append(p.first, r), doc
			if doc != nil {
				return doc, nil
			}
			continue
		}
		r := safeParse(s, p.fields, nil)
		p.first = append(p.first, r)
		if len(r.docs) > 0 {
			return r.docs[0], nil
		}
	}
	return nil, p.emptyError(p.Skipped, p.first)
}

// Load reads every file of the plan into memory on a bounded pool of
// workers, one per processor, and builds the text model. Files that
// cannot be read are skipped and listed in Corpus.Skipped. Documents keep
// the plan's order whatever order the workers finish in.
//
// The workers read and index files one at a time, except the records of
// JSON and JSON Lines files: those are only read at first, and indexed
// once every file is read, in batches that all the workers share. A
// dataset is often one large file, which one worker alone would index
// (and hold the paragraph vectors of until its end).
func (p *Plan) Load(opt Options) (*Corpus, error) {
	results := make([]result, len(p.sources))
	copy(results, p.first)
	var (
		next  atomic.Int64
		done  atomic.Int64
		bytes atomic.Int64
		wg    sync.WaitGroup
		// The records of JSON files, indexed once every file is read: the
		// lines of each JSON Lines file, the batches of every file, and
		// how many of each file's are done and why one failed, if any did.
		lines   = make([][]*lineBatch, len(results))
		read    sync.WaitGroup
		list    sync.Once
		batches []recordBatch
		spans   [][2]int // each result's batches: batches[span[0]:span[1]]
		nextB   atomic.Int64
		indexed = make([]atomic.Int64, len(results))
		failed  = make([]atomic.Pointer[string], len(results))
	)
	// progress reports size more bytes read and indexed, and a file done
	// if it is (a file of records is indexed in batches). The files First
	// read count when indexed, like the others.
	var progressMu sync.Mutex // so that the counts only grow from call to call
	progress := func(size int64, fileDone bool) {
		if opt.Progress == nil {
			return
		}
		progressMu.Lock()
		defer progressMu.Unlock()
		n := done.Load()
		if fileDone {
			n = done.Add(1)
		}
		opt.Progress(Progress{Done: int(n), Total: len(results), Bytes: bytes.Add(size)})
	}
	p.vocab.startLoad(p.Bytes)
	workers := runtime.GOMAXPROCS(0)
	if !p.HasRecords() {
		workers = min(workers, max(1, len(p.sources))) // a worker per file at most
	}
	read.Add(workers)
	var (
		freqs   frequencies
		freqsMu sync.Mutex
	)
	for range workers {
		wg.Go(func() {
			terms := newTermizer(p.vocab, p.Bytes) // one per worker: its scratch needs no lock
			var mine frequencies
			mine.grow(p.vocab.expectedStems(p.Bytes))
			defer func() {
				freqsMu.Lock()
				defer freqsMu.Unlock()
				freqs.merge(&mine)
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(results) {
					break
				}
				s := p.sources[i]
				// First read these files, except the rest of a JSON Lines
				// file after its first document: that file is read again.
				readByFirst := i < len(p.first) && !(p.firstDoc != nil && i == len(p.first)-1 && formatOf(s.display) == formatJSONLines)
				switch {
				case readByFirst && isRecordFile(s.display):
					// Read: its records are indexed in batches, below.
				case formatOf(s.display) == formatJSONLines:
					results[i], lines[i] = readLines(s)
				case formatOf(s.display) == formatJSON:
					results[i] = safeParse(s, p.fields, indexLater)
				case readByFirst:
					terms.startFile()
					for _, d := range results[i].docs {
						results[i].analyses = append(results[i].analyses, terms.analyze(d))
					}
				default:
					terms.startFile()
					results[i] = safeParse(s, p.fields, terms)
				}
				if waitsForBatches(s.display, results[i], lines[i]) {
					continue
				}
				// Counted once the file is done: a file that failed half
				// way is skipped whole (but see recordBatch.index).
				mine.addFile(results[i].analyses)
				progress(results[i].size(), true)
			}
			read.Done()
			read.Wait()
			list.Do(func() { batches, spans = listBatches(p.sources, results, lines, len(p.first)) })
			var decoder formats.LineDecoder
			for {
				k := int(nextB.Add(1) - 1)
				if k >= len(batches) {
					return
				}
				b := &batches[k]
				if why := b.index(terms, &decoder, p.sources[b.result], p.fields, &results[b.result]); why != "" {
					failed[b.result].CompareAndSwap(nil, &why)
				} else {
					mine.addFile(b.analyses(&results[b.result]))
				}
				span := spans[b.result]
				progress(b.size, indexed[b.result].Add(1) == int64(span[1]-span[0]))
			}
		})
	}
	wg.Wait()
	defer p.vocab.endLoad() // after buildModel, which keeps the word forms

	c := &Corpus{Roots: p.Roots, Skipped: append([]Skipped(nil), p.Skipped...)}
	var analyses []*analysis
	for i, r := range results {
		if len(lines[i]) > 0 {
			r = joinLineBatches(batches[spans[i][0]:spans[i][1]], r)
			if len(r.docs) > 0 && p.firstDoc != nil && r.docs[0].Path == p.firstDoc.Path {
				r.docs[0] = p.firstDoc // the reader may be showing it: the same one
			}
		}
		if why := failed[i].Load(); why != nil {
			r = skipResult(p.sources[i], *why)
		}
		for j, d := range r.docs {
			if d.Index != len(c.Docs) { // First's document, which the reader may be showing, is first
				d.Index = len(c.Docs)
			}
			c.Docs = append(c.Docs, d)
			analyses = append(analyses, r.analyses[j])
		}
		c.Skipped = append(c.Skipped, r.skips...)
	}
	if len(c.Docs) == 0 {
		return c, p.emptyError(c.Skipped, nil)
	}
	c.Model = buildModel(c.Docs, analyses, p.vocab, &freqs)
	return c, nil
}

// emptyError says that nothing loaded, and why: the command that failed
// may be 'parallax list' itself, so the first reasons go in the message.
func (p *Plan) emptyError(skipped []Skipped, more []result) error {
	all := slices.Clone(skipped)
	for _, r := range more {
		all = append(all, r.skips...)
	}
	reason := "no loadable document (no file ending in " + strings.Join(TextExtensions, ", ") + ")"
	switch {
	case len(all) == 1 && all[0].Path == SanitizeName(p.errPath):
		reason = all[0].Reason // one file given, and skipped: say why
	case len(all) > 0:
		const shown = 2
		var why []string
		for _, s := range all[:min(len(all), shown)] {
			why = append(why, s.Path+": "+s.Reason)
		}
		if len(all) > shown {
			why = append(why, fmt.Sprintf("and %d more", len(all)-shown))
		}
		files := "files"
		if len(all) == 1 {
			files = "file"
		}
		reason = fmt.Sprintf("no loadable document (%d %s skipped: %s)", len(all), files, strings.Join(why, "; "))
	}
	return &PathError{Path: p.errPath, Reason: reason, Err: ErrEmpty}
}

// Load walks the given paths and reads every text file under them into
// memory (Walk, then Plan.Load).
func Load(paths []string, opt Options) (*Corpus, error) {
	p, err := Walk(paths, opt)
	if err != nil {
		return nil, err
	}
	return p.Load(opt)
}

// LoadFS reads every text file of a file system.
func LoadFS(fsys fs.FS, opt Options) (*Corpus, error) {
	p, err := WalkFS(fsys)
	if err != nil {
		return nil, err
	}
	return p.Load(opt)
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// source is one file to read: on disk, or in fsys (the embedded sample).
// Plain fields rather than closures: a plan of 100,000 files would
// otherwise hold 200,000 of them.
type source struct {
	display string
	osPath  string // empty for files that are not on disk
	wd      string // the working directory when the walk ran, for absPath
	maxSize int64
	size    int64 // bytes, when the walk looked
	fsys    fs.FS
}

// absPath is the file's absolute path (for its ID), as filepath.Abs gives
// it, without asking the system for the working directory again for every
// file (two stat calls each).
func (s source) absPath() string {
	switch {
	case s.osPath == "":
		return ""
	case filepath.IsAbs(s.osPath):
		return filepath.Clean(s.osPath)
	case s.wd != "" && filepath.VolumeName(s.osPath) == "" && !os.IsPathSeparator(s.osPath[0]):
		return filepath.Join(s.wd, s.osPath)
	}
	// On Windows, \corpus and C:corpus are relative to a drive: Abs knows how.
	if abs, err := filepath.Abs(s.osPath); err == nil {
		return abs
	}
	return s.osPath
}

// read reads the file, into buf when it is large enough.
func (s source) read(buf []byte) ([]byte, error) {
	if s.fsys != nil {
		return fs.ReadFile(s.fsys, s.display)
	}
	return readFile(s.osPath, s.maxSize, s.size, buf)
}

// open opens the file for streaming formats.
func (s source) open() (io.ReadCloser, error) {
	if s.fsys != nil {
		return s.fsys.Open(s.display)
	}
	return openFile(s.osPath, s.maxSize)
}

// result is what a worker makes of one source: the documents it holds
// (a JSON file may hold many) with their analyses, and what was skipped.
type result struct {
	docs     []*Document
	analyses []*analysis
	skips    []Skipped
}

// size is the bytes of text a result brought, for progress reports.
func (r result) size() int64 {
	var n int64
	for _, d := range r.docs {
		n += int64(d.bytes)
	}
	return n
}

// safeParse parses one source, turning a panic on a hostile file into a
// skip reason: one bad file must not take the reader (or the terminal it
// set up) down with it.
func safeParse(s source, fields formats.Fields, t *termizer) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = skipResult(s, SanitizeName(fmt.Sprintf("internal error while reading: %v", p)))
		}
	}()
	switch f := formatOf(s.display); f {
	case formatJSONLines: // Load and First read these in batches
		return readRecords(s, fields, t, false)
	case formatJSON, formatHTML:
		return parseStructured(s, f, fields, t)
	}
	return parseSource(s, t)
}

// parseSource reads and parses one file, and indexes it when given a
// termizer.
func parseSource(s source, t *termizer) result {
	var spare []byte
	if t != nil {
		spare, t.spare = t.spare, nil
	}
	raw, err := s.read(spare)
	if err != nil {
		return skipResult(s, describe(err))
	}
	head := raw[:min(len(raw), binarySniff)]
	if looksBinary(head) {
		t.reuse(raw)
		return skipResult(s, "binary")
	}
	doc := parseText(s.display, raw)
	if !isMarkdown(s.display) {
		// Plain text is copied into new paragraphs (Normalize), so the
		// file's bytes are free again; Markdown's may be shared.
		t.reuse(raw)
	}
	if s.osPath != "" {
		// Two folders may both hold a.txt: the ID follows the real file.
		doc.osPath = s.osPath
		doc.ID = stableID(s.absPath())
	}
	if len(doc.Paragraphs) == 0 {
		return skipResult(s, "empty")
	}
	r := result{docs: []*Document{doc}}
	r.analyses = analyzeNew(doc, t)
	return r
}

// analyzeNew indexes a document just read, when given a termizer, which
// also counts its words; without one it counts them here.
func analyzeNew(doc *Document, t *termizer) []*analysis {
	switch t {
	case nil:
		doc.Words = doc.countWords()
		return nil
	case indexLater:
		return nil // Load's batches index it, and count its words
	}
	a := t.analyze(doc)
	doc.Words = a.words
	return []*analysis{a}
}

// indexLater, given to safeParse for a termizer, leaves the documents
// unindexed, their words uncounted, for Load's batches (see Load).
var indexLater = new(termizer)

// Parse builds a document from a file's raw bytes, which it may share and
// which must not change afterwards. path is the name shown
// for it; it is sanitized here.
func Parse(displayPath string, raw []byte) *Document {
	d := parseText(displayPath, raw)
	d.Words = d.countWords()
	return d
}

// parseText is Parse without the word count, which loading takes from
// the indexer's tokens (see wordCounter).
func parseText(displayPath string, raw []byte) *Document {
	text, enc := decode(raw)
	if isMarkdown(displayPath) {
		md := parseMarkdown(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"))
		return newDocument(displayPath, md.paras, SanitizeName(md.title), md.meta, enc, len(raw))
	}
	texts := Normalize(text)
	paras := make([]Paragraph, len(texts))
	for i, t := range texts {
		paras[i].Text = t
	}
	return newDocument(displayPath, paras, "", bylineMetadata(texts), enc, len(raw))
}

// newDocument completes a document from its paragraphs: title (unless
// the source gave one), folded boilerplate, sanitized path and metadata.
// The caller counts its words.
func newDocument(displayPath string, paras []Paragraph, title string, meta Metadata, enc string, size int) *Document {
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.Text
	}
	if title == "" {
		title = Title(texts, path.Base(displayPath))
	}
	foldRepeats(paras)
	return &Document{
		ID:         stableID(displayPath),
		Title:      title,
		TitleLine:  titleLine(texts, title),
		Path:       SanitizeName(displayPath),
		Paragraphs: paras,
		Encoding:   enc,
		Metadata:   Metadata{Source: SanitizeName(meta.Source), Date: SanitizeName(meta.Date), URL: SanitizeName(meta.URL)},
		bytes:      size,
	}
}

// countWords counts the words of every paragraph (see countWords).
func (d *Document) countWords() int {
	texts := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		texts[i] = p.Text
	}
	return countWords(texts)
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// readFile reads a regular file that the walk found size bytes long,
// never more than limit bytes whatever size the file system reports
// (files under /proc report 0), and without blocking on a file that
// turned into a FIFO after the walk looked at it. The walk's stat stands
// for the file's own when the first read brings exactly size bytes, as
// it does unless the file changed: that saves a system call per file
// (of five). Otherwise the file is asked what it is before reading on,
// so a device or FIFO swapped in since is refused after one read.
func readFile(name string, limit, size int64, buf []byte) ([]byte, error) {
	f, err := openRead(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into a buffer of the size the file reports (plus one byte, to
	// see growth), growing only if it lied; never past the limit.
	data := buf[:0]
	if size := min(max(size, 0), limit) + 1; int64(cap(buf)) < size {
		data = make([]byte, 0, size)
	}
	r := io.LimitReader(f, limit+1)
	n, err := r.Read(data[:cap(data)])
	data = data[:n]
	if err == nil && int64(n) == size && n < cap(data) {
		return data, nil
	}
	if _, mode, serr := f.stat(); serr == nil && !mode.IsRegular() {
		return nil, errors.New("not a regular file (" + fileKind(mode) + ")")
	}
	switch err {
	case nil:
		data, err = readAll(r, data, size)
	case io.EOF:
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("read failed: %s", describe(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large (more than %s; see --max-file-size)", humanBytes(limit))
	}
	return data, nil
}

// readAll is io.ReadAll into a buffer the caller sized, for a file that
// reported size bytes. A read that stops short with exactly that many
// bytes in is taken as the end of the file without asking for the zero
// bytes that say so: one system call fewer per file (of six) on a
// corpus of short files. A file that grew since still reads to its end.
func readAll(r io.Reader, b []byte, size int64) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		want := cap(b) - len(b)
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF || err == nil && n > 0 && n < want && int64(len(b)) == size {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func joinPaths(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return strings.Join(paths, ", ")
}
