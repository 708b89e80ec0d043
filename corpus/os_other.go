//go:build !unix

package corpus

import (
	"io/fs"
	"os"
)

// fileKey is unavailable here: loops through links are then stopped by the
// depth of the walk alone.
type fileKey struct{}

func keyOf(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

// osFile is a file for readFile and openFile.
type osFile struct{ *os.File }

func openRead(name string) (osFile, error) {
	f, err := os.Open(name)
	return osFile{f}, err
}

// stat returns the file's size and type.
func (f osFile) stat() (int64, fs.FileMode, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	return info.Size(), info.Mode(), nil
}
