package corpus

import "math"

// Vector is a sparse vector over term ids, sorted by id.
type Vector struct {
	IDs []int32
	W   []float32
}

// Len is the number of non-zero entries.
func (v Vector) Len() int { return len(v.IDs) }

// Dot is the inner product of two sparse vectors (a merge of sorted ids).
func Dot(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.IDs) && j < len(b.IDs) {
		switch {
		case a.IDs[i] < b.IDs[j]:
			i++
		case a.IDs[i] > b.IDs[j]:
			j++
		default:
			s += float64(a.W[i]) * float64(b.W[j])
			i++
			j++
		}
	}
	return s
}

// Get returns the weight of a term, 0 when absent.
func (v Vector) Get(id int32) float32 {
	lo, hi := 0, len(v.IDs)
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case v.IDs[mid] < id:
			lo = mid + 1
		case v.IDs[mid] > id:
			hi = mid
		default:
			return v.W[mid]
		}
	}
	return 0
}

// normalize scales v to unit length in place (cosine similarity is then a
// plain dot product).
func (v Vector) normalize() {
	var sum float64
	for _, w := range v.W {
		sum += float64(w) * float64(w)
	}
	if sum == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v.W {
		v.W[i] *= inv
	}
}

// Cosine is the cosine similarity of two vectors of any length.
func Cosine(a, b Vector) float64 {
	na, nb := math.Sqrt(Dot(a, a)), math.Sqrt(Dot(b, b))
	if na == 0 || nb == 0 {
		return 0
	}
	return Dot(a, b) / (na * nb)
}
