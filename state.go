package main

// Session state and exports: the only files parallax writes, both
// outside the corpus. The reader hands over what to write; this file
// decides where and how.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"parallax/ui"
)

// stateVersion is the format of the state file; a file of another
// version is ignored with a notice.
const stateVersion = 1

// stateFile is what is stored for one corpus.
type stateFile struct {
	Version int        `json:"version"`
	Corpus  []string   `json:"corpus"` // the absolute paths it was opened with
	Session ui.Session `json:"session"`
}

// stateDir is $XDG_STATE_HOME/parallax, or ~/.local/state/parallax.
func stateDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "parallax"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "state", "parallax"), nil
}

// corpusKey names a corpus by the absolute paths it was opened with
// (the embedded sample when there are none).
func corpusKey(paths []string) []string {
	if len(paths) == 0 {
		return []string{"(sample)"}
	}
	key := make([]string, len(paths))
	for i, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		key[i] = p
	}
	return key
}

// statePath is the file of one corpus's state.
func statePath(dir string, key []string) string {
	sum := sha256.Sum256([]byte(strings.Join(key, "\x00")))
	return filepath.Join(dir, "sessions", hex.EncodeToString(sum[:8])+".json")
}

// loadState reads the session of a corpus. A missing file is no session;
// a corrupt, truncated or foreign one is ignored with a notice.
func loadState(path string, key []string) (*ui.Session, string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, "session not restored: " + err.Error()
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Sprintf("session not restored: %s is damaged (%v)", path, err)
	}
	if f.Version != stateVersion {
		return nil, fmt.Sprintf("session not restored: %s is of version %d, this parallax reads %d", path, f.Version, stateVersion)
	}
	if strings.Join(f.Corpus, "\x00") != strings.Join(key, "\x00") {
		return nil, "" // another corpus with the same hash prefix: start afresh
	}
	return &f.Session, ""
}

// saveState writes the session atomically: a temporary file in the same
// folder, synced, then renamed over the old one, so a reader of the file
// (or a second parallax writing at the same time) never sees half of it.
func saveState(path string, key []string, s ui.Session) error {
	data, err := json.MarshalIndent(stateFile{Version: stateVersion, Corpus: key, Session: s}, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, data)
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".session-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// exportWriter writes exports into the current folder under the name the
// reader proposes, adding -2, -3… rather than overwriting a file, and
// refusing to write inside the corpus.
func exportWriter(roots []string) ui.ExportFunc {
	return func(name string, content []byte) (string, error) {
		dir, err := os.Getwd()
		if err != nil {
			return "", err
		}
		if root, inside := insideAny(dir, roots); inside {
			return "", fmt.Errorf("the current folder is inside the corpus (%s); parallax does not write there", root)
		}
		base := strings.TrimSuffix(name, ".md")
		for n := 1; n < 1000; n++ {
			candidate := base + ".md"
			if n > 1 {
				candidate = fmt.Sprintf("%s-%d.md", base, n)
			}
			f, err := os.OpenFile(filepath.Join(dir, candidate), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				continue
			}
			if err != nil {
				return "", err
			}
			if _, err := f.Write(content); err != nil {
				f.Close()
				return "", err
			}
			return candidate, f.Close()
		}
		return "", errors.New("too many exports with this name already")
	}
}

// insideAny reports whether dir is one of the roots or inside one.
func insideAny(dir string, roots []string) (string, bool) {
	real := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return p
	}
	d := real(dir)
	for _, root := range roots {
		r := real(root)
		if info, err := os.Stat(r); err != nil || !info.IsDir() {
			continue // a file given by name: writing beside it is not inside it
		}
		if rel, err := filepath.Rel(r, d); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return root, true
		}
	}
	return "", false
}
