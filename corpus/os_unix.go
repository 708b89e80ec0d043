//go:build unix

package corpus

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// fileKey identifies a file or directory independently of the path that
// reached it, so links and duplicate arguments are recognised.
type fileKey struct{ dev, ino uint64 }

func keyOf(info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// openNoBlock opens a file for reading without blocking: a FIFO swapped in
// after the walk returns at once instead of waiting for a writer. It asks
// for no access-time update where the kernel allows it, so loading leaves
// every timestamp in the corpus as it was.
func openNoBlock(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|oNoAtime, 0)
	if err != nil && oNoAtime != 0 && errors.Is(err, syscall.EPERM) {
		// O_NOATIME is only allowed on one's own files.
		f, err = os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	return f, err
}
