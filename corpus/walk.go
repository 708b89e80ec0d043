package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
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
		w.rootDir(filepath.Clean(p), prefix, info)
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
	w.walkDir(osPath, display, info, w.dir)
}

// walkDir takes the files of a directory in order and hands its
// subdirectories to subdir.
func (w *walker) walkDir(osPath, display string, info fs.FileInfo, subdir func(osPath, display string, info fs.FileInfo)) {
	if key, ok := keyOf(info); ok {
		if _, seen := w.take(key, display); seen {
			w.skip(display, "directory already visited (symbolic link loop or duplicate)")
			return
		}
	}
	entries, err := os.ReadDir(osPath) // sorted by name
	if err != nil {
		w.skip(orDot(display), describe(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		childOS, childDisplay := joinClean(osPath, name), joinClean(display, name)
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
			subdir(childOS, childDisplay, info)
			continue
		}
		w.file(childOS, childDisplay, info)
	}
}

// joinClean is filepath.Join(dir, name) for a clean dir and a name read
// from it, without cleaning the result again (a sixth of a walk's time).
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

// rootDir walks a folder given on the command line as dir does, but each
// of its subfolders on a walker of its own, on every processor: 20,000
// files in 100 folders take half the time on two. The walkers' finds go
// where the folders' are in order. A file or folder that two of them
// both took (through a link) would be the first one's in an ordered
// walk, so then the folder is walked again, in order.
func (w *walker) rootDir(osPath, display string, info fs.FileInfo) {
	if runtime.GOMAXPROCS(0) < 2 {
		w.dir(osPath, display, info)
		return
	}
	// A subfolder's place in the parent's finds, and its walker.
	type subfolder struct {
		found, skipped  int
		osPath, display string
		info            fs.FileInfo
		w               *walker
	}
	var subs []subfolder
	before := maps.Clone(w.visited)
	foundBefore, skippedBefore, takenBefore := len(w.found), len(w.skipped), len(w.taken)
	w.walkDir(osPath, display, info, func(osPath, display string, info fs.FileInfo) {
		subs = append(subs, subfolder{found: len(w.found), skipped: len(w.skipped), osPath: osPath, display: display, info: info})
	})
	if len(subs) == 0 {
		return
	}
	// The subfolders' walkers know what was taken before this folder's
	// files, which may come after theirs in order.
	base := maps.Clone(before)
	if key, ok := keyOf(info); ok {
		base[key] = display // the folder itself
	}
	parallel(len(subs), func(i int) {
		sw := &walker{maxSize: w.maxSize, visited: map[fileKey]string{}, base: base}
		sw.dir(subs[i].osPath, subs[i].display, subs[i].info)
		subs[i].w = sw
	})
	for _, sub := range subs {
		for _, t := range sub.w.taken {
			if _, seen := w.take(t.key, t.display); seen {
				// Taken twice: walk the folder again, in order.
				w.found, w.skipped, w.taken = w.found[:foundBefore], w.skipped[:skippedBefore], w.taken[:takenBefore]
				w.visited = before
				w.dir(osPath, display, info)
				return
			}
		}
	}
	// Splice each subfolder's finds in at its place.
	found := slices.Clone(w.found[foundBefore:])
	skipped := slices.Clone(w.skipped[skippedBefore:])
	w.found, w.skipped = w.found[:foundBefore], w.skipped[:skippedBefore]
	f, k := 0, 0
	for _, sub := range subs {
		at, skipAt := sub.found-foundBefore, sub.skipped-skippedBefore
		w.found = append(append(w.found, found[f:at]...), sub.w.found...)
		w.skipped = append(append(w.skipped, skipped[k:skipAt]...), sub.w.skipped...)
		f, k = at, skipAt
	}
	w.found = append(w.found, found[f:]...)
	w.skipped = append(w.skipped, skipped[k:]...)
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
