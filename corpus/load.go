package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
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
}

// Progress reports how far a load has come.
type Progress struct {
	Done, Total int
	Bytes       int64
}

// ErrEmpty is returned when no document could be loaded.
var ErrEmpty = errors.New("no loadable document")

// Load reads every text file under the given paths into memory. A path
// that does not exist is an error (a *PathError); files that cannot be
// read are skipped and listed in Corpus.Skipped. Documents are ordered by
// argument, then by path within it, whatever order the workers finish in.
func Load(paths []string, opt Options) (*Corpus, error) {
	maxSize := opt.maxSize()
	found, skipped, err := walk(paths, maxSize)
	if err != nil {
		return nil, err
	}
	readers := make([]source, len(found))
	for i, c := range found {
		readers[i] = source{display: c.display, osPath: c.osPath, read: func() ([]byte, error) { return readFile(c.osPath, maxSize) }}
	}
	c := build(readers, skipped, opt)
	c.Roots = append([]string(nil), paths...)
	if len(c.Docs) == 0 {
		return c, &PathError{Path: joinPaths(paths), Reason: emptyReason(c), Err: ErrEmpty}
	}
	return c, nil
}

// LoadFS reads every text file in a file system, such as the embedded
// sample corpus.
func LoadFS(fsys fs.FS, opt Options) (*Corpus, error) {
	var (
		readers []source
		skipped []Skipped
	)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !hasTextExtension(p) {
			skipped = append(skipped, Skipped{Path: SanitizeName(p), Reason: "unsupported extension"})
			return nil
		}
		readers = append(readers, source{display: p, read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(readers, func(i, j int) bool { return readers[i].display < readers[j].display })
	c := build(readers, skipped, opt)
	if len(c.Docs) == 0 {
		return c, ErrEmpty
	}
	return c, nil
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// source is one file to read, wherever it lives.
type source struct {
	display string
	osPath  string // empty for files that are not on disk
	read    func() ([]byte, error)
}

// result is what a worker makes of one source.
type result struct {
	doc      *Document
	analysis *analysis
	skip     *Skipped
}

// build reads and parses the sources on a bounded pool of workers, one per
// processor, and assembles the corpus in source order.
func build(sources []source, skipped []Skipped, opt Options) *Corpus {
	results := make([]result, len(sources))
	var (
		next  atomic.Int64
		done  atomic.Int64
		bytes atomic.Int64
		wg    sync.WaitGroup
	)
	workers := min(runtime.GOMAXPROCS(0), max(1, len(sources)))
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sources) {
					return
				}
				results[i] = safeParse(sources[i])
				if opt.Progress != nil {
					if results[i].doc != nil {
						bytes.Add(int64(results[i].doc.bytes))
					}
					opt.Progress(Progress{Done: int(done.Add(1)), Total: len(sources), Bytes: bytes.Load()})
				}
			}
		})
	}
	wg.Wait()

	c := &Corpus{Skipped: skipped}
	var analyses []*analysis
	for _, r := range results {
		switch {
		case r.doc != nil:
			r.doc.Index = len(c.Docs)
			c.Docs = append(c.Docs, r.doc)
			analyses = append(analyses, r.analysis)
		case r.skip != nil:
			c.Skipped = append(c.Skipped, *r.skip)
		}
	}
	c.Model = buildModel(c.Docs, analyses)
	return c
}

// safeParse parses one source, turning a panic on a hostile file into a
// skip reason: one bad file must not take the reader (or the terminal it
// set up) down with it.
func safeParse(s source) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{skip: &Skipped{Path: SanitizeName(s.display), Reason: SanitizeName(fmt.Sprintf("internal error while reading: %v", p))}}
		}
	}()
	return parseSource(s)
}

func parseSource(s source) result {
	raw, err := s.read()
	if err != nil {
		return result{skip: &Skipped{Path: SanitizeName(s.display), Reason: describe(err)}}
	}
	head := raw[:min(len(raw), binarySniff)]
	if looksBinary(head) {
		return result{skip: &Skipped{Path: SanitizeName(s.display), Reason: "binary"}}
	}
	doc := Parse(s.display, raw)
	if s.osPath != "" {
		// Two folders may both hold a.txt: the ID follows the real file.
		doc.osPath = s.osPath
		if abs, err := filepath.Abs(s.osPath); err == nil {
			doc.ID = stableID(abs)
		}
	}
	if len(doc.Paragraphs) == 0 {
		return result{skip: &Skipped{Path: doc.Path, Reason: "empty"}}
	}
	return result{doc: doc, analysis: analyze(doc)}
}

// Parse builds a document from a file's raw bytes. path is the name shown
// for it; it is sanitized here.
func Parse(displayPath string, raw []byte) *Document {
	text, enc := decode(raw)
	texts := Normalize(text)
	title := Title(texts, path.Base(displayPath))
	return &Document{
		ID:         stableID(displayPath),
		Title:      title,
		TitleLine:  titleLine(texts, title),
		Path:       SanitizeName(displayPath),
		Paragraphs: foldRepeats(texts),
		Words:      countWords(texts),
		Encoding:   enc,
		bytes:      len(raw),
	}
}

// readFile reads a regular file, never more than limit bytes whatever size
// the file system reports (files under /proc report 0), and without
// blocking on a file that turned into a FIFO after the walk looked at it.
func readFile(name string, limit int64) ([]byte, error) {
	f, err := openNoBlock(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file (" + fileKind(info.Mode()) + ")")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read failed: %s", describe(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large (more than %s; see --max-file-size)", humanBytes(limit))
	}
	return data, nil
}

func joinPaths(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprint(paths)
}

func emptyReason(c *Corpus) string {
	if len(c.Skipped) == 0 {
		return "no loadable document (no .txt, .text, .md or .markdown files)"
	}
	return fmt.Sprintf("no loadable document (%d files skipped; run 'parallax list' to see why)", len(c.Skipped))
}
