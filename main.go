// Command parallax is a terminal reader for comparing how documents frame
// the same event: two panes, fuzzy jumps between documents, search.
//
//	parallax [PATH...]          open the reader (no path: the sample corpus)
//	parallax list [PATH...]     print the loaded documents and skipped files
//	parallax related [PATH...]  each document's three most similar documents
//	parallax align A B          the best match in B for every paragraph of A
//	parallax terms A B          distinctive and shared terms of A and B
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"parallax/corpus"
	"parallax/corpus/formats"
	"parallax/corpus/sample"
	"parallax/ui"

	tea "charm.land/bubbletea/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `parallax — read documents side by side and compare how they frame an event

Usage:
  parallax [flags] [PATH...]        open the reader on files and folders
  parallax list [flags] [PATH...]   print one line per document (tab-separated:
                                    index, words, title, path); skipped files
                                    and their reasons go to stderr
  parallax related [flags] [PATH...]
                                    for every document, its three most similar
                                    documents: doc, rank, other, score
  parallax align [flags] A B        for every paragraph of A, the best matching
                                    paragraph of B and the score (or none)
  parallax terms [flags] A B        the distinctive terms of A and of B and the
                                    terms they share, with scores; A and B may
                                    be records of JSON files, named as list
                                    names them (wire.jsonl:12, archive.json#3)
  parallax config                   print the effective configuration
                                    ($XDG_CONFIG_HOME/parallax/config.toml) as a
                                    commented file to start from

With no PATH, parallax opens its built-in sample corpus. Folders are read
recursively; .txt, .text, .md, .markdown, .jsonl, .ndjson, .json, .html and
.htm files are loaded (a JSON file may hold many documents).

Flags:
  --json               (list, related, align, terms) print JSON
  --corpus DIR         (align, terms) take term statistics from the corpus in
                       DIR (default: from the two files alone)
  --max-file-size N    skip files larger than N bytes (suffixes K, M, G; default 256M)
  --no-state           do not restore or save the reading session
  --title-field NAME   in JSON and JSON Lines files, read the title from field NAME
  --text-field NAME    … the text (also --source-field and --date-field); by
                       default common names are detected (title/headline,
                       text/body/content/article, source/outlet/publisher,
                       date/published/publish_date)
  --version            print the version
  -h, --help           print this help

In the reader, press ? for the keys.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the parsed command line.
type options struct {
	command     string // "" for the reader, or a subcommand
	paths       []string
	json        bool
	corpusDir   string
	maxFileSize int64
	noState     bool
	fields      formats.Fields
}

// subcommands are recognised only as the first argument.
var subcommands = map[string]bool{"list": true, "related": true, "align": true, "terms": true, "config": true}

// errUsage marks a mistake on the command line; usage was already shown.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args, stdout)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(stderr, "parallax: "+err.Error())
		}
		return 2
	}
	if opts.command == "version" {
		fmt.Fprintln(stdout, "parallax", version)
		return 0
	}
	if opts.command == "config" {
		cfg, problems := loadConfig(os.Getenv)
		for _, p := range problems {
			fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(p))
		}
		writeConfig(stdout, cfg)
		return 0
	}
	if opts.command == "" {
		return openReader(opts, stderr)
	}
	c, err := load(opts)
	if err != nil {
		fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
		return 1
	}
	// Commands print a line per document: one write per line would be
	// 10,000 system calls for a large corpus.
	out := bufio.NewWriter(stdout)
	code := 2
	switch opts.command {
	case "list":
		code = list(c, opts, out, stderr)
	case "related":
		code = related(c, opts, out, stderr)
	case "align", "terms":
		code = compare(c, opts, out, stderr)
	}
	if err := out.Flush(); err != nil && code == 0 {
		fmt.Fprintln(stderr, "parallax: writing the output: "+err.Error())
		return 1
	}
	return code
}

// parseArgs recognises a subcommand only as the first argument (so ./list
// opens a path named list) and accepts flags before or after the paths.
func parseArgs(args []string, stdout io.Writer) (options, error) {
	var opts options
	if len(args) > 0 && subcommands[args[0]] {
		opts.command = args[0]
		args = args[1:]
	}
	fs := flag.NewFlagSet("parallax", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showVersion := fs.Bool("version", false, "")
	fs.BoolVar(&opts.json, "json", false, "")
	fs.StringVar(&opts.corpusDir, "corpus", "", "")
	fs.BoolVar(&opts.noState, "no-state", false, "")
	fs.StringVar(&opts.fields.Title, "title-field", "", "")
	fs.StringVar(&opts.fields.Text, "text-field", "", "")
	fs.StringVar(&opts.fields.Source, "source-field", "", "")
	fs.StringVar(&opts.fields.Date, "date-field", "", "")
	maxSize := fs.String("max-file-size", "", "")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	for {
		if err := fs.Parse(args); err != nil {
			return opts, fmt.Errorf("%v (see parallax --help)", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			opts.paths = append(opts.paths, args[1:]...)
			break
		}
		opts.paths = append(opts.paths, args[0])
		args = args[1:]
	}
	switch {
	case *help:
		fmt.Fprint(stdout, usage)
		return opts, flag.ErrHelp
	case *showVersion:
		opts.command = "version"
		return opts, nil
	case opts.command == "config" && len(opts.paths) > 0:
		return opts, errors.New("'parallax config' takes no path")
	case opts.json && opts.command == "":
		return opts, errors.New("--json applies to the subcommands list, related, align and terms")
	case opts.corpusDir != "" && opts.command != "align" && opts.command != "terms":
		return opts, errors.New("--corpus applies to 'parallax align' and 'parallax terms'")
	case (opts.command == "align" || opts.command == "terms") && len(opts.paths) != 2:
		return opts, fmt.Errorf("'parallax %s' takes two files, A and B (see parallax --help)", opts.command)
	}
	if *maxSize != "" {
		n, err := parseSize(*maxSize)
		if err != nil {
			return opts, fmt.Errorf("--max-file-size %q: %v", *maxSize, err)
		}
		opts.maxFileSize = n
	}
	return opts, nil
}

// parseSize reads a byte count with an optional K, M or G suffix (powers
// of 1024).
func parseSize(s string) (int64, error) {
	mult := int64(1)
	t := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(s, "B"), "iB"))
	switch {
	case strings.HasSuffix(t, "K"):
		mult, t = 1<<10, strings.TrimSuffix(t, "K")
	case strings.HasSuffix(t, "M"):
		mult, t = 1<<20, strings.TrimSuffix(t, "M")
	case strings.HasSuffix(t, "G"):
		mult, t = 1<<30, strings.TrimSuffix(t, "G")
	}
	var n int64
	if _, err := fmt.Sscan(t, &n); err != nil || n <= 0 {
		return 0, errors.New("want a positive number of bytes, such as 1048576 or 64M")
	}
	return n * mult, nil
}

func load(opts options) (*corpus.Corpus, error) {
	plan, err := walk(opts)
	if err != nil {
		return nil, err
	}
	return loadPlan(plan, corpus.Options{MaxFileSize: opts.maxFileSize})
}

// walk finds the files to load: the sample corpus with no path; with
// --corpus, that folder and then the two files (found in it, or loaded
// beside it).
func walk(opts options) (*corpus.Plan, error) {
	lo := corpus.Options{MaxFileSize: opts.maxFileSize, Fields: opts.fields}
	if opts.command == "align" || opts.command == "terms" {
		// A or B may be one record of a JSON file: load the file.
		opts.paths = slices.Clone(opts.paths)
		for i, p := range opts.paths {
			opts.paths[i] = corpus.RecordFile(p)
		}
	}
	switch {
	case opts.corpusDir != "":
		return corpus.Walk(append([]string{opts.corpusDir}, opts.paths...), lo)
	case len(opts.paths) == 0:
		return corpus.WalkFS(sample.FS)
	}
	return corpus.Walk(opts.paths, lo)
}

// loadPlan loads what the walk found, with the collector held back.
func loadPlan(plan *corpus.Plan, lo corpus.Options) (*corpus.Corpus, error) {
	defer holdCollector(plan.Bytes, plan.Files(), plan.HasRecords(), os.Getenv)()
	return plan.Load(lo)
}

// holdCollector keeps the Go collector from running while the corpus
// loads, until the heap nears loadLimit: a load allocates 3 to 8 times
// the corpus, and collecting every time the heap doubled ran the
// collector a dozen times from the first megabytes on (5 to 10% of
// loading a corpus of 5 to 15 MB). release puts the collector back as it
// was, under memoryLimit for a corpus over 32 MB. GOGC or GOMEMLIMIT in
// the environment leave the collector to them. Files of records hold an
// unknown number of documents, each with its model: the collector paces
// itself then, as it did before there was a hold.
func holdCollector(corpusBytes int64, files int, records bool, getenv func(string) string) (release func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limitLarge := func() {
		if corpusBytes > largeCorpus {
			debug.SetMemoryLimit(memoryLimit(corpusBytes, files))
		}
	}
	if records {
		limitLarge()
		return func() {}
	}
	prevLimit := debug.SetMemoryLimit(loadLimit(corpusBytes, files))
	prevPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
		limitLarge()
	}
}

// largeCorpus is the size over which a corpus's heap stays under
// memoryLimit once loaded.
const largeCorpus = 32 << 20

// memoryLimit keeps the heap of a large corpus within about 2.5 times its
// size: the Go collector runs more often near the limit instead of
// letting the heap double between collections. Many short files need
// more than that: each document's model costs about 2 KB beside its text
// (2 KB on 100,000 articles of 1.2 KB, 2.4 KB on 30,000 of 1.3 KB, where
// the vocabulary weighs more per document), and the vocabulary and
// word-form tables come out of the fixed 100 MB. The limit leaves room
// for them, or the collector would run without pause once the live heap
// passed it (loading the 100,000 articles took 6 to 15 s instead of 5).
// At 1.75 KB a file, it already runs often enough to slow that load
// by a fifth.
func memoryLimit(corpusBytes int64, files int) int64 {
	return max(corpusBytes*12/5+40<<20, corpusBytes+int64(files)*2048+100<<20)
}

// loadLimit is the heap a load may grow to before the collector runs:
// memoryLimit for a corpus over 32 MB. For a smaller one memoryLimit's
// fixed 100 MB would be most of the heap, and past the target of
// 2.5 times the corpus and 50 MB: it gets 2.4 times its size and 40 MB,
// or 1.7 times the heap it will keep if that is more, so that the
// collector never runs back to back (the heap kept is about 1.6 times
// the text, 1.5 KB a file and 8 MB on generated corpora of 6 to
// 50 MB).
func loadLimit(corpusBytes int64, files int) int64 {
	if corpusBytes > largeCorpus {
		return memoryLimit(corpusBytes, files)
	}
	kept := corpusBytes*8/5 + int64(files)*1536 + 8<<20
	return max(corpusBytes*12/5+40<<20, kept*17/10)
}

// backgroundBytes is the corpus size above which the reader opens on the
// first document and loads the rest in the background; smaller corpora
// load in well under 100 ms and open whole.
const backgroundBytes = 8 << 20

// walkWait is how long the reader waits for the folder walk before it
// opens its window anyway and lets the walk finish in the background: a
// tree of 100,000 files takes a third of a second to walk, and the window
// should be up within a tenth.
const walkWait = 40 * time.Millisecond

// openReader starts the interactive reader. A small corpus is loaded
// before the screen opens (so a corpus with nothing to read is an error
// and the interface never starts); a large one in the background, with the
// first document on screen as soon as it is read. A folder walk that takes
// longer than walkWait goes on in the background too.
func openReader(opts options, stderr io.Writer) int {
	walked := make(chan walkResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				walked <- walkResult{err: fmt.Errorf("internal error while finding the files: %v", r)}
			}
		}()
		plan, err := walk(opts)
		walked <- walkResult{plan, err}
	}()
	var plan *corpus.Plan
	select {
	case r := <-walked:
		plan = r.plan
		err := r.err
		if err == nil && plan.Files() == 0 {
			_, err = plan.First()
		}
		if err != nil {
			fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
			return 1
		}
	case <-time.After(walkWait):
		// A large tree: plan stays nil, and the walk's result goes to
		// loadWhenWalked below.
	}
	cfg, problems := loadConfig(os.Getenv)
	session := openSession(opts)
	uiOpts := append(session.options(),
		ui.WithExport(exportWriter(opts.paths)),
		ui.WithTheme(cfg.Theme, os.Getenv("NO_COLOR") != ""))
	if len(problems) > 0 {
		// The first problem shows in the reader; all are printed on exit.
		note := problems[0]
		if len(problems) > 1 {
			note = fmt.Sprintf("%s (and %d more config problems, listed on exit)", note, len(problems)-1)
		}
		uiOpts = append(uiOpts, ui.WithNotice(corpus.SanitizeName(note)))
		defer func() {
			for _, p := range problems {
				fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(p))
			}
		}()
	}
	lo := corpus.Options{MaxFileSize: opts.maxFileSize}
	var m ui.Model
	switch {
	case plan == nil:
		ch := make(chan tea.Msg, 64)
		go loadWhenWalked(walked, lo, ch)
		initial := &corpus.Corpus{Roots: opts.paths}
		m = ui.New(initial, cfg.Keys, append(uiOpts, ui.Loading(ch, 0, 0))...)
	case plan.Bytes < backgroundBytes:
		c, err := loadPlan(plan, lo)
		if err != nil {
			fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
			return 1
		}
		m = ui.New(c, cfg.Keys, uiOpts...)
	default:
		ch := make(chan tea.Msg, 64)
		go loadInBackground(plan, lo, ch)
		initial := &corpus.Corpus{Skipped: plan.Skipped, Roots: plan.Roots}
		m = ui.New(initial, cfg.Keys, append(uiOpts, ui.Loading(ch, plan.Files(), plan.Bytes))...)
	}
	final, code := read(m, stderr)
	if code == 0 {
		session.save(final, stderr)
	}
	return code
}

// walkResult is what the folder walk found, or why it failed.
type walkResult struct {
	plan *corpus.Plan
	err  error
}

// loadWhenWalked waits for a walk that outlasted walkWait, tells the
// reader how much there is to load, and loads it as loadInBackground
// does; a failed walk ends the reader with its error.
func loadWhenWalked(walked <-chan walkResult, lo corpus.Options, ch chan<- tea.Msg) {
	r := <-walked
	if r.err != nil {
		ch <- ui.LoadDoneMsg{Err: r.err}
		return
	}
	ch <- ui.LoadProgressMsg{Total: r.plan.Files(), TotalBytes: r.plan.Bytes, Skipped: r.plan.Skipped}
	loadInBackground(r.plan, lo, ch)
}

// sessionStore is where this corpus's session lives, if anywhere.
type sessionStore struct {
	path    string // "" when sessions are off or have nowhere to go
	key     []string
	restore *ui.Session
	notice  string
}

// openSession finds and reads the saved session of the corpus.
func openSession(opts options) sessionStore {
	if opts.noState {
		return sessionStore{}
	}
	dir, err := stateDir(os.Getenv)
	if err != nil {
		return sessionStore{notice: "session not saved: " + err.Error()}
	}
	s := sessionStore{key: corpusKey(opts.paths)}
	s.path = statePath(dir, s.key)
	s.restore, s.notice = loadState(s.path, s.key)
	return s
}

func (s sessionStore) options() []ui.Option {
	var out []ui.Option
	if s.restore != nil {
		out = append(out, ui.WithSession(*s.restore))
	}
	if s.notice != "" {
		out = append(out, ui.WithNotice(corpus.SanitizeName(s.notice)))
	}
	return out
}

// save writes the session the reader ended with; a failure is reported
// but does not change the exit status.
func (s sessionStore) save(m ui.Model, stderr io.Writer) {
	if s.path == "" {
		return
	}
	if err := saveState(s.path, s.key, m.Session()); err != nil {
		fmt.Fprintln(stderr, "parallax: session not saved: "+corpus.SanitizeName(err.Error()))
	}
}

// loadInBackground reads the first document and sends it, then loads the
// rest and reports to the reader: progress at most every 50 ms (never
// blocking the workers), then the corpus. A panic here becomes an error
// the reader shows after restoring the terminal.
func loadInBackground(plan *corpus.Plan, lo corpus.Options, ch chan<- tea.Msg) {
	defer func() {
		if r := recover(); r != nil {
			ch <- ui.LoadDoneMsg{Err: fmt.Errorf("internal error while loading: %v", r)}
		}
	}()
	first, err := plan.First()
	if err != nil {
		ch <- ui.LoadDoneMsg{Err: err}
		return
	}
	ch <- ui.FirstDocMsg{Doc: first}
	var last atomic.Int64
	lo.Progress = func(p corpus.Progress) {
		now := time.Now().UnixNano()
		if prev := last.Load(); now-prev < int64(50*time.Millisecond) || !last.CompareAndSwap(prev, now) {
			return
		}
		select {
		case ch <- ui.LoadProgressMsg{Done: p.Done, Total: p.Total, Bytes: p.Bytes, TotalBytes: plan.Bytes}:
		default: // the reader is busy; the next report will do
		}
	}
	c, err := loadPlan(plan, lo)
	ch <- ui.LoadDoneMsg{Corpus: c, Err: err}
	if err == nil {
		warmVocabulary(c.Model)
	}
}

// warmVocabulary builds the lens's vocabulary, which takes a moment on a
// large corpus, off the reader's loop rather than when e is first
// pressed. The reader has its corpus already: should this fail, the lens
// builds the vocabulary again when asked, and reports the failure then.
func warmVocabulary(m *corpus.Model) {
	defer func() { _ = recover() }()
	m.Vocabulary()
}

// read runs the interactive reader until it quits and returns the model
// it ended with.
func read(m ui.Model, stderr io.Writer) (ui.Model, int) {
	final, err := tea.NewProgram(m).Run()
	fm, ok := final.(ui.Model)
	if err == nil && ok {
		err = fm.Err()
	}
	if err != nil {
		fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
		return fm, 1
	}
	return fm, 0
}
