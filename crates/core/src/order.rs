//! One shared sort for the cold paths (lists of a panel, a tooltip's kinds, a chart's bars): `sort_by` sorts
//! indices with a comparison behind `&dyn Fn`, so the standard library's sort exists once in the wasm for all
//! of them, instead of once per element type and comparison closure (each copy of the standard sort costs
//! several KB; docs/size.md). Stable: equal elements keep their order. Hot paths (the import, the index, the
//! clusters, the layout) keep their own `sort_unstable_by` with the comparison inlined.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<u32> = (0..v.len() as u32).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &idx);
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one instantiation of the standard sort: indices, ties broken by position (so the result is stable).
#[inline(never)]
fn sort_indices(idx: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    idx.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

/// Puts `v` in the order `idx` names (`idx[i]` is the old position of the new i-th element).
fn permute<T>(v: &mut Vec<T>, idx: &[u32]) {
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| old[i as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for n in [0usize, 1, 2, 3, 17, 1000] {
            let v: Vec<(u32, usize)> = (0..n).map(|i| (next() % 10, i)).collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
            let mut by_key = v.clone();
            sort_by_key(&mut by_key, |a| std::cmp::Reverse(a.0));
            let mut std = v;
            std.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(by_key, std);
        }
        let mut names = vec!["b".to_string(), "a".into(), "c".into()];
        sort_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["a", "b", "c"]);
    }
}
