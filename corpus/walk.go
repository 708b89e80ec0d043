package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
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
		info, err := os.Stat(p)
		if err != nil { // before walking anything: a mistyped path fails at once
			return nil, nil, &PathError{Path: p, Reason: describe(err)}
		}
		if info.IsDir() {
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
		w.rootDir(p, prefix, info)
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
	base    map[fileKey]string // read-only, taken before (see rootDir)
	taken   []taking           // what visited gained, in order
	// walkedAgain counts the subfolders rootDir walked again in order.
	walkedAgain int
}

// taking is a directory or file the walker took, by identity.
type taking struct {
	key     fileKey
	display string
}

// take records that the walker took the directory or file key, unless it
// was taken before (then it returns who took it).
func (w *walker) take(key fileKey, display string) (first string, seen bool) {
	if first, seen = w.visited[key]; !seen {
		first, seen = w.base[key]
	}
	if !seen {
		w.visited[key] = display
		w.taken = append(w.taken, taking{key, display})
	}
	return first, seen
}

func (w *walker) skip(display, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: SanitizeName(display), Reason: reason})
}

func (w *walker) dir(osPath, display string, info fs.FileInfo) {
	if entries, ok := w.enter(osPath, display, info); ok {
		w.visit(display, entries, w.dir)
	}
}

// enter takes a directory and lists it, or skips it: when it was taken
// before (a link loop, or a second way to the same folder) or cannot be
// read.
func (w *walker) enter(osPath, display string, info fs.FileInfo) ([]dirEntry, bool) {
	if key, ok := keyOf(info); ok {
		if _, seen := w.take(key, display); seen {
			w.skip(display, "directory already visited (symbolic link loop or duplicate)")
			return nil, false
		}
	}
	entries, err := list(osPath)
	if err != nil {
		w.skip(orDot(display), describe(err))
		return nil, false
	}
	return entries, true
}

// dirEntry is a directory entry and what stat says of it, links followed.
type dirEntry struct {
	name, osPath string
	info         fs.FileInfo // nil when stat failed
	err          error
	link         bool // a symbolic link
}

// list reads a directory's entries, sorted by name, and stats each but
// hidden folders (.git, .cache and the like are not part of a corpus).
func list(osPath string) ([]dirEntry, error) {
	des, err := os.ReadDir(osPath)
	if err != nil {
		return nil, err
	}
	// Children of a clean path are joined without cleaning again (a sixth
	// of a walk's time); a path given as "a/link/.." keeps filepath.Join's
	// reading of it.
	join := joinClean
	if filepath.Clean(osPath) != osPath {
		join = func(dir, name string) string { return filepath.Join(dir, name) }
	}
	entries := make([]dirEntry, 0, len(des))
	for _, d := range des {
		name := d.Name()
		if strings.HasPrefix(name, ".") && d.IsDir() {
			continue
		}
		e := dirEntry{name: name, osPath: join(osPath, name), link: d.Type()&fs.ModeSymlink != 0}
		e.info, e.err = os.Stat(e.osPath)
		entries = append(entries, e)
	}
	return entries, nil
}

// visit takes a directory's files in order and hands its subdirectories
// to subdir.
func (w *walker) visit(display string, entries []dirEntry, subdir func(osPath, display string, info fs.FileInfo)) {
	for _, e := range entries {
		childDisplay := joinClean(display, e.name)
		switch {
		case e.err != nil && e.link && errors.Is(e.err, fs.ErrNotExist):
			w.skip(childDisplay, "dangling symbolic link")
		case e.err != nil:
			w.skip(childDisplay, describe(e.err))
		case e.info.IsDir():
			subdir(e.osPath, childDisplay, e.info)
		default:
			w.file(e.osPath, childDisplay, e.info)
		}
	}
}

// joinClean is filepath.Join(dir, name) for a clean dir and a name read
// from it, without cleaning the result again.
func joinClean(dir, name string) string {
	switch {
	case dir == "" || dir == ".":
		return name
	case os.IsPathSeparator(dir[len(dir)-1]): // the root, "/"
		return dir + name
	case filepath.VolumeName(dir) == dir: // "C:" on Windows
		return filepath.Join(dir, name)
	}
	return dir + string(filepath.Separator) + name
}

// rootDir walks a folder given on the command line as dir does, but its
// subfolders first, each on a walker of its own, on every processor:
// 20,000 files in 100 folders take half the time on two. Each walker
// knows what was taken before this folder. Then everything is taken in
// order, as an ordered walk would: the folder's own files, and each
// subfolder's finds (adopt). A subfolder whose walker took something
// that came before it in order (through a link, or a hard link to a file
// met earlier) is walked again, in order, instead.
func (w *walker) rootDir(osPath, display string, info fs.FileInfo) {
	entries, ok := w.enter(osPath, display, info)
	if !ok {
		return
	}
	var subs []int // the entries that are folders
	for i, e := range entries {
		if e.err == nil && e.info.IsDir() {
			subs = append(subs, i)
		}
	}
	if len(subs) < 2 || runtime.GOMAXPROCS(0) < 2 {
		w.visit(display, entries, w.dir)
		return
	}
	before := maps.Clone(w.visited)
	walkers := make([]*walker, len(subs))
	parallel(len(subs), func(j int) {
		e := entries[subs[j]]
		sw := &walker{maxSize: w.maxSize, visited: map[fileKey]string{}, base: before}
		sw.dir(e.osPath, joinClean(display, e.name), e.info)
		walkers[j] = sw
	})
	next := 0 // visit hands the folders over in the order of subs
	w.visit(display, entries, func(osPath, display string, info fs.FileInfo) {
		if !w.adopt(walkers[next]) {
			w.walkedAgain++
			w.dir(osPath, display, info)
		}
		next++
	})
}

// adopt takes what a subfolder's walker took, found and skipped, unless
// something it took was taken before: then it takes nothing and says so.
func (w *walker) adopt(sw *walker) bool {
	mark := len(w.taken)
	for _, t := range sw.taken {
		if _, seen := w.take(t.key, t.display); seen {
			for _, u := range w.taken[mark:] {
				delete(w.visited, u.key)
			}
			w.taken = w.taken[:mark]
			return false
		}
	}
	w.found = append(w.found, sw.found...)
	w.skipped = append(w.skipped, sw.skipped...)
	return true
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
		if first, seen := w.take(key, display); seen {
			w.skip(display, "same file as "+SanitizeName(first))
			return
		}
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
	case m.IsDir():
		return "directory"
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
