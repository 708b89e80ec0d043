//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs Load and fails the test instead of hanging when it
// blocks (on a FIFO, say) or loops.
func loadWithin(t *testing.T, paths []string, opt Options) (*Corpus, error) {
	t.Helper()
	type out struct {
		c   *Corpus
		err error
	}
	done := make(chan out, 1)
	go func() {
		c, err := Load(paths, opt)
		done <- out{c, err}
	}()
	select {
	case o := <-done:
		return o.c, o.err
	case <-time.After(10 * time.Second):
		t.Fatalf("Load(%q) did not return within 10s", paths)
		return nil, nil
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
}

func TestLoadFIFO(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "Alpha Title Here"})
	fifo := filepath.Join(root, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	c, err := loadWithin(t, []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := docPaths(c); !reflect.DeepEqual(got, []string{"a.txt"}) {
		t.Errorf("documents = %q", got)
	}
	if r := skipReasons(c)["pipe.txt"]; !strings.Contains(r, "named pipe") {
		t.Errorf("pipe.txt reason = %q, want named pipe", r)
	}

	// Named directly on the command line.
	c, err = loadWithin(t, []string{fifo}, Options{})
	if err == nil {
		t.Errorf("Load(fifo) succeeded with %d docs", len(c.Docs))
	}

	// A file that became a FIFO after the walk: readFile must not block
	// waiting for a writer.
	done := make(chan error, 1)
	go func() {
		_, err := readFile(fifo, 1<<20, 0, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("readFile(fifo) err = %v, want not a regular file (named pipe)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("readFile(fifo) blocked")
	}
}

func TestLoadSymlinks(t *testing.T) {
	outside := writeTree(t, map[string]string{"ext.txt": "External Title Here", "extdir/in.md": "Inside Linked Dir"})
	root := writeTree(t, map[string]string{"a.txt": "Alpha Title Here", "loop/b.txt": "Beta Title Here"})
	symlink(t, filepath.Join(root, "missing.txt"), filepath.Join(root, "dangling.txt"))
	symlink(t, "..", filepath.Join(root, "loop", "up"))     // loop: child links to parent
	symlink(t, "self.txt", filepath.Join(root, "self.txt")) // link to itself
	symlink(t, filepath.Join(outside, "ext.txt"), filepath.Join(root, "link.txt"))
	symlink(t, filepath.Join(outside, "extdir"), filepath.Join(root, "linkdir"))
	symlink(t, "a.txt", filepath.Join(root, "z-alias.txt")) // second name for a.txt

	c, err := loadWithin(t, []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt", "link.txt", "linkdir/in.md", "loop/b.txt"}
	if got := docPaths(c); !reflect.DeepEqual(got, want) {
		t.Errorf("documents = %q, want %q", got, want)
	}
	reasons := skipReasons(c)
	if r := reasons["dangling.txt"]; r != "dangling symbolic link" {
		t.Errorf("dangling.txt reason = %q", r)
	}
	if r := reasons["loop/up"]; !strings.Contains(r, "already visited") {
		t.Errorf("loop/up reason = %q, want already visited", r)
	}
	if r := reasons["self.txt"]; r == "" {
		t.Error("self-referential link not reported")
	}
	if r := reasons["z-alias.txt"]; !strings.Contains(r, "same file as a.txt") {
		t.Errorf("z-alias.txt reason = %q", r)
	}
}

func TestLoadSymlinkLoopOnly(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "..", filepath.Join(root, "d", "parent"))
	symlink(t, ".", filepath.Join(root, "d", "self"))
	c, err := loadWithin(t, []string{root}, Options{})
	if err == nil {
		t.Fatalf("Load of a corpus of loops succeeded with %d docs", len(c.Docs))
	}
	if c == nil || len(c.Skipped) != 2 {
		t.Errorf("corpus = %+v, want two skipped links", c)
	}
}

func TestLoadHostileFileNames(t *testing.T) {
	names := []string{"evil\x1b]52;c;aGk=\x07.txt", "bidi\u202etxt.exe.txt", "new\nline.txt", "bad\xff.txt", "skip\x1b[2J.png"}
	root := t.TempDir()
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(root, n), []byte("Some Title Here"), 0o644); err != nil {
			t.Skipf("file system refuses %q: %v", n, err)
		}
	}
	c, err := loadWithin(t, []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 4 || len(c.Skipped) != 1 {
		t.Fatalf("docs %q skipped %v", docPaths(c), c.Skipped)
	}
	for _, d := range c.Docs {
		checkSafe(t, "path", d.Path, "")
		checkSafe(t, "title", d.Title, "")
	}
	checkSafe(t, "skipped path", c.Skipped[0].Path, "")
	checkSafe(t, "skipped", c.Skipped[0].String(), "")
	if got := docPaths(c)[2]; got != "evil␛]52;c;aGk=␇.txt" {
		t.Errorf("path = %q", got)
	}
}

func TestLoadPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced")
	}
	root := writeTree(t, map[string]string{"a.txt": "Alpha Title Here", "secret.txt": "x", "locked/b.txt": "x"})
	if err := os.Chmod(filepath.Join(root, "secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	c, err := loadWithin(t, []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	reasons := skipReasons(c)
	if reasons["secret.txt"] != "permission denied" || reasons["locked"] != "permission denied" {
		t.Errorf("skipped = %v", reasons)
	}
}

// The subfolders of a folder are walked in parallel; what the walk finds
// and skips, and in which order, must be what walking in order gives,
// links between subfolders included (then the subfolder whose walker took
// something met earlier is walked again, in order).
func TestParallelWalkMatchesOrderedWalk(t *testing.T) {
	files := map[string]string{"a/1.txt": "One", "a/sub/2.md": "Two", "b/3.txt": "Three", "b/skip.pdf": "x",
		"c/4.txt": "Four", "d.pdf": "x", "m.txt": "Root", "z.txt": "Last", "e/.hidden/5.txt": "Hidden", "f/6.bin": "x"}
	trees := []struct {
		name  string
		link  func(root string)
		again int // subfolders walked again
	}{
		{"plain", func(string) {}, 0},
		{"link from a later folder to an earlier one's file", func(root string) {
			symlink(t, filepath.Join(root, "a", "1.txt"), filepath.Join(root, "c", "alias.txt"))
		}, 1},
		{"link from an earlier folder to a later one's file", func(root string) {
			symlink(t, filepath.Join(root, "c", "4.txt"), filepath.Join(root, "a", "alias.txt"))
		}, 1},
		{"link to a sibling folder", func(root string) {
			symlink(t, filepath.Join(root, "c"), filepath.Join(root, "b", "to-c"))
		}, 1},
		{"link in the root to a folder", func(root string) {
			symlink(t, filepath.Join(root, "a"), filepath.Join(root, "latest"))
		}, 1},
		{"link to the root", func(root string) {
			symlink(t, root, filepath.Join(root, "b", "up"))
		}, 0},
		{"hard links between root files and folders' files", func(root string) {
			// f's comes before m.txt, n's after it: only n's walker took
			// what an ordered walk gives to m.txt.
			for _, again := range []string{filepath.Join(root, "f", "m-again.txt"), filepath.Join(root, "n", "m-again.txt")} {
				if err := os.MkdirAll(filepath.Dir(again), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Link(filepath.Join(root, "m.txt"), again); err != nil {
					t.Skipf("link: %v", err)
				}
			}
		}, 1},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, tree := range trees {
		root := writeTree(t, files)
		tree.link(root)
		info, err := os.Stat(root)
		if err != nil {
			t.Fatal(err)
		}
		ordered := &walker{visited: map[fileKey]string{}}
		ordered.dir(root, "", info)
		parallel := &walker{visited: map[fileKey]string{}}
		parallel.rootDir(root, "", info)
		if !reflect.DeepEqual(parallel.found, ordered.found) || !reflect.DeepEqual(parallel.skipped, ordered.skipped) {
			t.Errorf("%s: parallel walk found %v, skipped %v; in order %v, %v", tree.name, parallel.found, parallel.skipped, ordered.found, ordered.skipped)
		}
		if parallel.walkedAgain != tree.again {
			t.Errorf("%s: %d subfolders walked again, want %d", tree.name, parallel.walkedAgain, tree.again)
		}
		if len(ordered.found) < 6 || len(ordered.skipped) < 2 {
			t.Errorf("%s: found %d, skipped %d: the tree is not what the test means", tree.name, len(ordered.found), len(ordered.skipped))
		}
	}
}

// A folder given as "a/link/.." is read as filepath.Join reads it, as it
// always was: the folder is listed where the link leads, and its entries
// are looked for under "a".
func TestWalkOfAPathThroughALink(t *testing.T) {
	root := writeTree(t, map[string]string{"s1/only1.txt": "One Title Here", "s2/deep/in.txt": "Deep", "s2/only2.txt": "Two Title Here"})
	symlink(t, filepath.Join("..", "s2", "deep"), filepath.Join(root, "s1", "link"))
	found, skipped, err := walk([]string{filepath.Join(root, "s1", "link") + "/.."}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range found {
		names = append(names, c.display)
	}
	for _, s := range skipped {
		names = append(names, s.Path+": "+s.Reason)
	}
	want := []string{"deep: no such file or directory", "only2.txt: no such file or directory"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("walk of s1/link/.. = %q, want %q", names, want)
	}
}

// A device where the walk saw a file (swapped in since) is refused after
// one read the walk's size long, not read to the limit.
func TestReadFileRefusesADevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	for _, walked := range []int64{0, 10, 4096} {
		data, err := readFile("/dev/zero", 1<<30, walked, nil)
		if err == nil || !strings.Contains(err.Error(), "not a regular file (device)") {
			t.Errorf("readFile(/dev/zero, walked size %d) = %d bytes, %v; want not a regular file (device)", walked, len(data), err)
		}
	}
}
