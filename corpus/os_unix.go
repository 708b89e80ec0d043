//go:build unix

package corpus

import (
	"io"
	"io/fs"
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

// fdFile is a file read with plain system calls. Opening an os.File first
// offers the descriptor to the runtime's network poller, which refuses
// regular files: one wasted system call, and a finalizer for the
// collector, per file of the corpus.
type fdFile int

// openRead opens a file for reading without blocking: a FIFO swapped in
// after the walk returns at once instead of waiting for a writer. It asks
// for no access-time update where the kernel allows it, so loading leaves
// every timestamp in the corpus as it was.
func openRead(name string) (fdFile, error) {
	fd, err := openRetrying(name, oNoAtime)
	if err == syscall.EPERM && oNoAtime != 0 {
		fd, err = openRetrying(name, 0) // O_NOATIME is only allowed on one's own files
	}
	return fdFile(fd), err
}

func openRetrying(name string, flags int) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|flags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func (f fdFile) Read(b []byte) (int, error) {
	b = b[:min(len(b), 1<<30)] // some systems refuse reads over 2 GiB
	for {
		n, err := syscall.Read(int(f), b)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(b) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f fdFile) Close() error { return syscall.Close(int(f)) }

// stat returns the file's size and type.
func (f fdFile) stat() (int64, fs.FileMode, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f), &st); err != nil {
		return 0, 0, err
	}
	var mode fs.FileMode
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		mode = fs.ModeDir
	case syscall.S_IFIFO:
		mode = fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		mode = fs.ModeSocket
	case syscall.S_IFCHR:
		mode = fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		mode = fs.ModeDevice
	case syscall.S_IFLNK:
		mode = fs.ModeSymlink
	case syscall.S_IFREG:
	default:
		mode = fs.ModeIrregular
	}
	return st.Size, mode, nil
}
