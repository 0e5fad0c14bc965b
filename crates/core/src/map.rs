//! The one map type of the answers: a list of (key, value) pairs in key order, each key once,
//! found by binary search.
//!
//! `BTreeMap` compiles its insertion (node splits), search, iteration, cloning and dropping again
//! for every key and value type: its `insert` alone is 1.6–2.1 KB of wasm per type, and the
//! answers, the team's overrides and the fact drafts had nine such types. Here a type costs a
//! binary search, a `Vec` insertion or removal and the `Vec`'s own clone, comparison and drop.
//! The maps hold at most a standard's questions (validation caps them at 1,000), so moving the
//! entries after an insertion or removal in the middle is nothing next to a click.
//! Iteration is in key order, as a `BTreeMap`'s is, so everything written from a map comes out
//! in the same order.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

/// A map kept as a sorted `Vec` (see the module comment). The methods are `BTreeMap`'s, with the
/// same meaning, except that [`Map::insert`] returns nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct Map<K, V> {
    /// In strictly increasing key order.
    items: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map { items: Vec::new() }
    }
}

/// As a `BTreeMap` writes itself (`{k: v, …}`), so test failures read the same.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// As the JSON object it stands for, in key order (the schema writes a table's default with it).
impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for Map<K, V> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_map(self.iter())
    }
}

impl<K, V> Map<K, V> {
    pub const fn new() -> Self {
        Map { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.items.iter())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.items.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.items.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.items.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> Map<K, V> {
    /// Where `key` is (`Ok`), or where it would go (`Err`). The search itself is one function
    /// for every map type; only the comparison is compiled per type.
    fn find<Q: ?Sized + Ord>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        search(self.items.len(), &|i| self.items[i].0.borrow().cmp(key))
    }

    pub fn get<Q: ?Sized + Ord>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.items[i].1)
    }

    pub fn get_mut<Q: ?Sized + Ord>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.items[i].1)
    }

    pub fn contains_key<Q: ?Sized + Ord>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value for `key`, replacing any value it had (the key already there is kept).
    pub fn insert(&mut self, key: K, value: V) {
        match self.find(&key) {
            Ok(i) => self.items[i].1 = value,
            Err(i) => self.items.insert(i, (key, value)),
        }
    }

    /// The value for `key`, inserting `V::default()` first when there is none.
    pub fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.items.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.items[i].1
    }

    /// The pairs in key order, the last value of a repeated key kept (what inserting them one by
    /// one gives), in O(n log n) whatever their order: indices sorted by key and position with
    /// the crate's one heapsort, the pairs moved by the one `permute`. For a table read from a
    /// file, whose keys may come in any order and in any number before its bounds are checked.
    pub(crate) fn from_pairs(mut pairs: Vec<(K, V)>) -> Self {
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        crate::sort::sort_by(&mut order, &|&a, &b| (&pairs[a].0, a) < (&pairs[b].0, b));
        crate::sort::permute(&order, &mut |i, j| pairs.swap(i, j));
        let mut items: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match items.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => items.push((k, v)),
            }
        }
        Map { items }
    }

    /// Takes `key`'s entry out, returning its value.
    pub fn remove<Q: ?Sized + Ord>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.items.remove(i).1)
    }
}

/// Binary search of positions `0..len` in increasing order: `Ok` with the position `at` says
/// `Equal` at, else `Err` with the first position it says `Greater` at (`len` if none).
fn search(len: usize, at: &dyn Fn(usize) -> Ordering) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match at(mid) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

impl<K: Ord, Q: ?Sized + Ord, V> std::ops::Index<&Q> for Map<K, V>
where
    K: Borrow<Q>,
{
    type Output = V;

    /// Panics when `key` is not in the map, as `BTreeMap`'s indexing does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

/// The pairs inserted one by one: a later value for a key replaces an earlier one, as in a
/// `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = Map::new();
        for (k, v) in items {
            map.insert(k, v);
        }
        map
    }
}

/// The entries in key order (see [`Map::iter`]).
#[derive(Clone)]
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

/// The entries by value, in key order.
impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Random insertions and removals leave the same entries, in the same order, as a `BTreeMap`.
    #[test]
    fn behaves_as_a_btreemap() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        let (mut ours, mut theirs) = (Map::new(), BTreeMap::new());
        for step in 0..2000u32 {
            let key = format!("k{}", next(60));
            match next(4) {
                0 => assert_eq!(ours.remove(key.as_str()), theirs.remove(&key), "step {step}"),
                1 => {
                    *ours.get_or_default(key.clone()) += 1;
                    *theirs.entry(key.clone()).or_default() += 1;
                }
                _ => {
                    ours.insert(key.clone(), step);
                    theirs.insert(key.clone(), step);
                }
            }
            assert_eq!(ours.get(key.as_str()), theirs.get(&key));
            assert_eq!(ours.len(), theirs.len());
            assert!(ours.iter().eq(theirs.iter()), "step {step}");
            assert_eq!(ours.contains_key(key.as_str()), theirs.contains_key(&key));
        }
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        assert!(ours.keys().eq(theirs.keys()) && ours.values().eq(theirs.values()));
        assert!(ours.clone().into_iter().eq(theirs));
        let pairs: Vec<(String, u64)> = (0..500).map(|i| (format!("k{}", next(90)), i)).collect();
        let want: BTreeMap<String, u64> = pairs.iter().cloned().collect();
        assert!(Map::from_pairs(pairs).into_iter().eq(want), "the last of each key, in key order");
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(pairs.into_iter().collect::<Map<_, _>>().iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &3)]);
    }
}
