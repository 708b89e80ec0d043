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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"parallax/corpus"
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
                                    terms they share, with scores

With no PATH, parallax opens its built-in sample corpus. Folders are read
recursively; .txt, .text, .md and .markdown files are loaded.

Flags:
  --json               (list, related, align, terms) print JSON
  --corpus DIR         (align, terms) take term statistics from the corpus in
                       DIR (default: from the two files alone)
  --max-file-size N    skip files larger than N bytes (suffixes K, M, G; default 256M)
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
}

// subcommands are recognised only as the first argument.
var subcommands = map[string]bool{"list": true, "related": true, "align": true, "terms": true}

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
	c, err := load(opts)
	if err != nil {
		fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
		return 1
	}
	switch opts.command {
	case "list":
		return list(c, opts, stdout, stderr)
	case "related":
		return related(c, opts, stdout, stderr)
	case "align", "terms":
		return compare(c, opts, stdout, stderr)
	}
	return read(c, stderr)
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
	lo := corpus.Options{MaxFileSize: opts.maxFileSize}
	switch {
	case opts.corpusDir != "":
		// The two files are looked up in the corpus; when they are
		// outside it they are loaded beside it.
		return corpus.Load(append([]string{opts.corpusDir}, opts.paths...), lo)
	case len(opts.paths) == 0:
		return corpus.LoadFS(sample.FS, lo)
	}
	return corpus.Load(opts.paths, lo)
}

// read runs the interactive reader.
func read(c *corpus.Corpus, stderr io.Writer) int {
	p := tea.NewProgram(ui.New(c, defaultKeyMap()))
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(stderr, "parallax: "+corpus.SanitizeName(err.Error()))
		return 1
	}
	return 0
}
