//go:build !linux

package corpus

const oNoAtime = 0
