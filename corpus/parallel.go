package corpus

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel runs fn(0) … fn(n-1) on one goroutine per processor. A panic
// in fn is raised again in the caller's goroutine, where the program's
// recovery (and the terminal's restoration) can see it.
func parallel(n int, fn func(i int)) {
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		once    sync.Once
		panicky any
	)
	for range min(runtime.GOMAXPROCS(0), max(1, n)) {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicky = r })
				}
			}()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
}
