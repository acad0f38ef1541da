//! A compact fixed-length bitset over `Vec<u64>`: facet memberships and selections of actors and projects.
//!
//! Bits past `len` in the last word are always zero, so `count_ones` and the word-wise operations need no masking.

/// A fixed-length set of indices `0..len`, one bit each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// An empty set over `0..len`.
    pub fn new(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The set of all of `0..len`.
    pub fn full(len: usize) -> Bitset {
        let mut b = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        b.trim_tail();
        b
    }

    /// A set over `0..len` holding the given indices (indices >= len are ignored).
    pub fn from_indices(len: usize, indices: impl IntoIterator<Item = usize>) -> Bitset {
        let mut b = Bitset::new(len);
        for i in indices {
            if i < len {
                b.set(i);
            }
        }
        b
    }

    /// The size of the universe (not the number of members: see `count_ones`).
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the universe is empty (`len() == 0`).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when no bit is set.
    pub fn none(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// Whether `i` is in the set; false for `i >= len`.
    #[inline]
    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i >> 6] & (1u64 << (i & 63)) != 0
    }

    /// Adds `i`. Panics when `i >= len` (a programming error, as with slice indexing).
    #[inline]
    pub fn set(&mut self, i: usize) {
        assert!(i < self.len, "bit {i} out of range 0..{}", self.len);
        self.words[i >> 6] |= 1u64 << (i & 63);
    }

    /// Removes `i`. Panics when `i >= len`.
    #[inline]
    pub fn clear(&mut self, i: usize) {
        assert!(i < self.len, "bit {i} out of range 0..{}", self.len);
        self.words[i >> 6] &= !(1u64 << (i & 63));
    }

    /// Sets or clears `i`.
    #[inline]
    pub fn put(&mut self, i: usize, value: bool) {
        if value {
            self.set(i)
        } else {
            self.clear(i)
        }
    }

    /// The number of members.
    pub fn count_ones(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// `|self ∩ other|` without building the intersection (the facet-count kernel).
    pub fn and_count(&self, other: &Bitset) -> u32 {
        debug_assert_eq!(self.len, other.len);
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    /// `self = self ∩ other`. Sets of different lengths are treated as padded with zeros.
    pub fn and_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        for (i, w) in self.words.iter_mut().enumerate() {
            *w &= other.words.get(i).copied().unwrap_or(0);
        }
    }

    /// `self = self ∪ other`.
    pub fn or_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
        self.trim_tail();
    }

    /// `self = self \ other`.
    pub fn and_not_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Removes every member.
    pub fn clear_all(&mut self) {
        self.words.fill(0);
    }

    /// The members in increasing order.
    pub fn iter_ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some((wi << 6) | bit)
            })
        })
    }

    /// The raw words (bit `i` is bit `i % 64` of word `i / 64`); for hashing or transfer to a worker.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    fn trim_tail(&mut self) {
        let rem = self.len & 63;
        if rem != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << rem) - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_clear_count() {
        let mut b = Bitset::new(130);
        assert_eq!(b.len(), 130);
        assert!(b.none());
        for i in [0, 63, 64, 129] {
            b.set(i);
        }
        assert!(b.get(63) && b.get(64) && b.get(129) && !b.get(1) && !b.get(500));
        assert_eq!(b.count_ones(), 4);
        b.clear(63);
        assert_eq!(b.iter_ones().collect::<Vec<_>>(), vec![0, 64, 129]);
    }

    #[test]
    fn full_has_no_bits_past_len() {
        for len in [0, 1, 63, 64, 65, 200] {
            let f = Bitset::full(len);
            assert_eq!(f.count_ones() as usize, len);
            assert_eq!(f.iter_ones().count(), len);
        }
    }

    #[test]
    fn and_or_andnot() {
        let a = Bitset::from_indices(100, [1, 2, 3, 70]);
        let b = Bitset::from_indices(100, [2, 3, 4, 99]);
        let mut x = a.clone();
        x.and_with(&b);
        assert_eq!(x.iter_ones().collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(a.and_count(&b), 2);
        let mut y = a.clone();
        y.or_with(&b);
        assert_eq!(y.iter_ones().collect::<Vec<_>>(), vec![1, 2, 3, 4, 70, 99]);
        let mut z = a.clone();
        z.and_not_with(&b);
        assert_eq!(z.iter_ones().collect::<Vec<_>>(), vec![1, 70]);
    }
}
