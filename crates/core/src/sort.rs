//! One small in-place sort for the few lists the core orders.
//!
//! The standard library's `sort_unstable` is a pattern-defeating quicksort with a heapsort
//! fallback and small-sort networks: about 3 KB of wasm for each element type and comparison it
//! is instantiated with (four of them cost ~15 KB before wasm-opt). This is a heapsort: O(n log n)
//! comparisons, no allocation, one function per element type (the comparison is a `dyn`).
//!
//! It is not stable, and no caller needs it to be: each sorts by a total order on the values it
//! holds (plain numbers, or a key with a unique tie-breaker), so the result is the one any correct
//! sort gives.

/// Sorts `v` so that no element is `less` than the one before it.
pub(crate) fn sort_by<T>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n, less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, less);
    }
}

/// Sorts numbers ascending.
pub(crate) fn sort(v: &mut [usize]) {
    sort_by(v, &|a, b| a < b);
}

/// Puts the item at `order[k]` at position `k`, for every `k` (`order` a permutation of the
/// positions), by calling `swap` on pairs of positions: at most one swap per item, and one copy
/// of this function whatever the items are.
pub(crate) fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    // dest[i]: where the item now at position i belongs.
    let mut dest = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        dest[i] = k;
    }
    for i in 0..dest.len() {
        while dest[i] != i {
            let d = dest[i];
            swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// Moves `v[root]` down the max-heap in `v[..end]` until neither child is greater.
fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, less: &dyn Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in [0usize, 1, 2, 3, 7, 64, 1000] {
            for modulus in [3u64, 1000, u64::MAX] {
                let mut v: Vec<usize> = (0..n)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        (seed % modulus) as usize
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_unstable();
                sort(&mut v);
                assert_eq!(v, want, "{n} items below {modulus}");
            }
        }
        let mut pairs = vec![(2, 'b'), (1, 'z'), (2, 'a'), (0, 'q')];
        sort_by(&mut pairs, &|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).is_lt());
        assert_eq!(pairs, vec![(2, 'a'), (2, 'b'), (1, 'z'), (0, 'q')]);

        for order in [vec![], vec![0], vec![2, 0, 1], vec![1, 0, 3, 2], vec![4, 3, 0, 1, 2], vec![0, 1, 2]] {
            let mut items: Vec<char> = "abcde".chars().take(order.len()).collect();
            let want: Vec<char> = order.iter().map(|&i| items[i]).collect();
            permute(&order, &mut |i, j| items.swap(i, j));
            assert_eq!(items, want, "{order:?}");
        }
    }
}
