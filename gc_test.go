package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// While a corpus loads the collector waits for the memory limit; after,
// it paces itself again, and only a large corpus keeps the limit.
func TestHoldCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, c := range []struct {
		bytes     int64
		files     int
		keepLimit bool
	}{
		{5 << 20, 10_000, false},
		{32 << 20, 2_000, false},
		{100 << 20, 10_000, true},
		{116 << 20, 100_000, true},
	} {
		release := holdCollector(c.bytes, c.files)
		limit := memoryLimit(c.bytes, c.files)
		if got := debug.SetGCPercent(-1); got != -1 {
			t.Errorf("%d MB: GC percent %d while loading, want off", c.bytes>>20, got)
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("%d MB: memory limit %d while loading, want %d", c.bytes>>20, got, limit)
		}
		release()
		if got := debug.SetGCPercent(-1); got != 100 {
			t.Errorf("%d MB: GC percent %d after loading, want 100 as before", c.bytes>>20, got)
		}
		debug.SetGCPercent(100)
		want := int64(math.MaxInt64)
		if c.keepLimit {
			want = limit
		}
		if got := debug.SetMemoryLimit(math.MaxInt64); got != want {
			t.Errorf("%d MB: memory limit %d after loading, want %d", c.bytes>>20, got, want)
		}
	}
}

// The limit leaves the memory the issue allows (2.5 times the corpus and
// 50 MB) to corpora of articles, and room beyond it to many short files,
// whose live heap would otherwise pass it.
func TestMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		bytes int64
		files int
		want  int64
	}{
		{7 * mb, 10_000, 7*mb*12/5 + 40*mb},
		{106 * mb, 10_000, 106*mb*12/5 + 40*mb},
		{116 * mb, 100_000, 116*mb + 100_000*2048 + 100*mb},
		{15 * mb, 30_000, 15*mb + 30_000*2048 + 15*mb},
	} {
		if got := memoryLimit(c.bytes, c.files); got != c.want {
			t.Errorf("memoryLimit(%d MB, %d files) = %d MB, want %d MB", c.bytes/mb, c.files, got/mb, c.want/mb)
		}
		if c.files <= 10_000 && memoryLimit(c.bytes, c.files) > c.bytes*5/2+50*mb {
			t.Errorf("memoryLimit(%d MB, %d files) is over the memory target", c.bytes/mb, c.files)
		}
	}
}
