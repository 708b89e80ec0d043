package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TextExtensions are the file extensions loaded: plain text, Markdown,
// JSON Lines, JSON and saved web pages.
var TextExtensions = []string{".txt", ".text", ".md", ".markdown", ".jsonl", ".ndjson", ".json", ".html", ".htm"}

// candidate is a file found by the walk that will be read.
type candidate struct {
	osPath  string // path to open
	display string // path shown to the user, relative to its argument
	size    int64
}

// PathError is a problem with a path given on the command line. Its text is
// one line naming the path and the reason, safe to print.
type PathError struct {
	Path   string
	Reason string
	Err    error // ErrEmpty when nothing could be loaded
}

func (e *PathError) Error() string {
	return SanitizeName(e.Path) + ": " + SanitizeName(e.Reason)
}

// Unwrap lets errors.Is(err, ErrEmpty) recognise an empty corpus.
func (e *PathError) Unwrap() error { return e.Err }

// walk expands the command-line paths into the files to read and the files
// skipped. Directories are walked recursively in sorted order; symbolic
// links to files are followed, links to directories are followed once
// (a directory already visited is not entered again, which stops loops).
func walk(paths []string, maxSize int64) ([]candidate, []Skipped, error) {
	w := &walker{maxSize: maxSize, visited: map[fileKey]string{}}
	dirs := 0
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			dirs++
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, &PathError{Path: p, Reason: describe(err)}
		}
		if !info.IsDir() {
			w.file(p, p, info)
			continue
		}
		// Paths are shown relative to their folder; with several
		// folders, the folder's name leads so that two a.txt differ.
		prefix := ""
		if dirs > 1 {
			prefix = filepath.Base(p)
		}
		first := len(w.found)
		w.dir(p, prefix, info)
		found := w.found[first:]
		sort.SliceStable(found, func(i, j int) bool { return found[i].display < found[j].display })
	}
	return w.found, w.skipped, nil
}

type walker struct {
	maxSize int64
	found   []candidate
	skipped []Skipped
	visited map[fileKey]string // directories and files already taken
}

func (w *walker) skip(display, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: SanitizeName(display), Reason: reason})
}

func (w *walker) dir(osPath, display string, info fs.FileInfo) {
	if key, ok := keyOf(info); ok {
		if _, seen := w.visited[key]; seen {
			w.skip(display, "directory already visited (symbolic link loop or duplicate)")
			return
		}
		w.visited[key] = display
	}
	entries, err := os.ReadDir(osPath) // sorted by name
	if err != nil {
		w.skip(orDot(display), describe(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		childOS := filepath.Join(osPath, name)
		childDisplay := filepath.Join(display, name)
		if strings.HasPrefix(name, ".") && e.IsDir() {
			continue // .git, .cache and the like are not part of a corpus
		}
		info, err := os.Stat(childOS) // follows symbolic links
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
				w.skip(childDisplay, "dangling symbolic link")
			} else {
				w.skip(childDisplay, describe(err))
			}
			continue
		}
		if info.IsDir() {
			w.dir(childOS, childDisplay, info)
			continue
		}
		w.file(childOS, childDisplay, info)
	}
}

func (w *walker) file(osPath, display string, info fs.FileInfo) {
	if !info.Mode().IsRegular() {
		w.skip(display, "not a regular file ("+fileKind(info.Mode())+")")
		return
	}
	if !hasTextExtension(display) {
		w.skip(display, "unsupported extension")
		return
	}
	if w.maxSize > 0 && info.Size() > w.maxSize {
		w.skip(display, fmt.Sprintf("too large (%s, limit %s; see --max-file-size)", humanBytes(info.Size()), humanBytes(w.maxSize)))
		return
	}
	if key, ok := keyOf(info); ok {
		if first, seen := w.visited[key]; seen {
			w.skip(display, "same file as "+SanitizeName(first))
			return
		}
		w.visited[key] = display
	}
	w.found = append(w.found, candidate{osPath: osPath, display: display, size: info.Size()})
}

func hasTextExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range TextExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return m.Type().String()
}

func orDot(s string) string {
	if s == "" {
		return "."
	}
	return s
}

// describe turns an error from the file system into a short reason without
// repeating the path (the caller names it).
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
