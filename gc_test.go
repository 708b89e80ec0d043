package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"parallax/corpus"
	"parallax/corpus/gen"
)

func noEnv(string) string { return "" }

// While a corpus loads the collector waits for the load limit; after, it
// paces itself again, and only a large corpus keeps a limit.
func TestHoldCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, c := range []struct {
		bytes     int64
		docs      int
		keepLimit bool
	}{
		{5 << 20, 10_000, false},
		{32 << 20, 2_000, false},
		{100 << 20, 10_000, true},
		{116 << 20, 100_000, true},
	} {
		release := holdCollector(c.bytes, c.docs, false, noEnv)
		if got := debug.SetGCPercent(-1); got != -1 {
			t.Errorf("%d MB: GC percent %d while loading, want off", c.bytes>>20, got)
		}
		if got, want := debug.SetMemoryLimit(-1), loadLimit(c.bytes, c.docs); got != want {
			t.Errorf("%d MB: memory limit %d while loading, want %d", c.bytes>>20, got, want)
		}
		release()
		if got := debug.SetGCPercent(100); got != 100 {
			t.Errorf("%d MB: GC percent %d after loading, want 100 as before", c.bytes>>20, got)
		}
		want := int64(math.MaxInt64)
		if c.keepLimit {
			want = memoryLimit(c.bytes, c.docs)
		}
		if got := debug.SetMemoryLimit(math.MaxInt64); got != want {
			t.Errorf("%d MB: memory limit %d after loading, want %d", c.bytes>>20, got, want)
		}
	}
	// A user who tunes the collector keeps it as they set it.
	debug.SetMemoryLimit(64 << 20)
	release := holdCollector(5<<20, 1000, false, func(k string) string {
		if k == "GOMEMLIMIT" {
			return "64MiB"
		}
		return ""
	})
	if debug.SetGCPercent(100) != 100 || debug.SetMemoryLimit(-1) != 64<<20 {
		t.Error("holdCollector changed the collector despite GOMEMLIMIT")
	}
	release()
	debug.SetMemoryLimit(math.MaxInt64)
	// Files of records hold an unknown number of documents: the
	// collector paces itself, under a limit only above 32 MB.
	for _, size := range []int64{20 << 20, 108 << 20} {
		release := holdCollector(size, 1, true, noEnv)
		want := int64(math.MaxInt64)
		if size > 32<<20 {
			want = memoryLimit(size, 1)
		}
		if debug.SetGCPercent(100) != 100 || debug.SetMemoryLimit(math.MaxInt64) != want {
			t.Errorf("%d MB of records: the collector was held or the limit is not %d", size>>20, want)
		}
		release()
	}
}

// The load limit leaves room beside the heap a loaded corpus keeps, or
// the collector would run back to back near the limit, on many short
// documents; where the text outweighs the documents' models it stays
// within the memory target (2.5 times the corpus and 50 MB).
func TestLoadLimitLeavesRoom(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and loads 20 MB")
	}
	short, articles := t.TempDir(), t.TempDir()
	if _, err := gen.Write(short, gen.Options{Docs: 20_000, TotalBytes: 4 << 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Write(articles, gen.Options{Docs: 500, TotalBytes: 10 << 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		inTarget   bool
	}{
		{"20,000 short documents", short, false},
		{"500 articles", articles, true},
	} {
		plan, err := corpus.Walk([]string{c.path}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		loaded, err := plan.Load(corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		limit := loadLimit(plan.Bytes, plan.Files())
		if limit < kept*8/5 {
			t.Errorf("%s: %d documents keep %d MB; the load limit, %d MB, leaves too little room", c.name, loaded.Len(), kept>>20, limit>>20)
		}
		if target := plan.Bytes*5/2 + 50<<20; c.inTarget && limit > target {
			t.Errorf("%s: load limit %d MB over the memory target %d MB", c.name, limit>>20, target>>20)
		}
		runtime.KeepAlive(loaded)
	}
}
