//! `--shard I/N`: a deterministic share of the manifest. Every shard computes the same
//! assignment from the same inputs — the manifest and, when given, the sizes of an earlier
//! run (`--sizes summary.json`) — so N machines that never talk cover every repository
//! exactly once. With sizes, repositories are dealt largest first to the least loaded shard
//! (longest-processing-time first); without, by name in turn.

use crate::manifest::Repo;
use std::collections::HashMap;

/// Shard `index` of `count` (0-based, like `JOB_COMPLETION_INDEX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which one, `0..count`.
    pub index: usize,
    /// How many.
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || {
            format!(
                "'{text}' is not a shard: write I/N with 0 <= I < N, e.g. 0/4 (the first of four)"
            )
        };
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = index.trim().parse().map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// The repositories of this shard, in manifest order. `sizes` holds bytes per name; a
    /// repository it does not know counts as the median of those it knows.
    pub fn select<'a>(&self, repos: &'a [Repo], sizes: &HashMap<String, u64>) -> Vec<&'a Repo> {
        let owner = assign(repos, sizes, self.count);
        repos
            .iter()
            .zip(owner)
            .filter(|(_, owner)| *owner == self.index)
            .map(|(repo, _)| repo)
            .collect()
    }
}

/// The shard of each repository (same order as `repos`).
fn assign(repos: &[Repo], sizes: &HashMap<String, u64>, count: usize) -> Vec<usize> {
    let mut known: Vec<u64> = repos
        .iter()
        .filter_map(|r| sizes.get(&r.name).copied())
        .collect();
    let mut owner = vec![0; repos.len()];
    let mut order: Vec<usize> = (0..repos.len()).collect();
    order.sort_by(|&a, &b| repos[a].name.cmp(&repos[b].name));
    if known.is_empty() {
        for (turn, &index) in order.iter().enumerate() {
            owner[index] = turn % count;
        }
        return owner;
    }
    known.sort_unstable();
    let median = known[known.len() / 2];
    let size = |index: usize| sizes.get(&repos[index].name).copied().unwrap_or(median);
    order.sort_by(|&a, &b| {
        size(b)
            .cmp(&size(a))
            .then(repos[a].name.cmp(&repos[b].name))
    });
    let mut load = vec![0u64; count];
    for index in order {
        let lightest = (0..count).min_by_key(|&s| (load[s], s)).unwrap_or(0);
        // Every repository weighs at least one, so empty ones still spread out.
        load[lightest] += size(index).max(1);
        owner[index] = lightest;
    }
    owner
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::manifest::Source;

    fn repos(names: &[&str]) -> Vec<Repo> {
        names
            .iter()
            .map(|n| Repo {
                name: n.to_string(),
                source: Source::Path(n.into()),
                category: n.to_string(),
                config: None,
                exclude: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn shards_cover_every_repository_once() {
        let all = repos(&["e", "a", "d", "b", "c", "f", "g"]);
        for sizes in [
            HashMap::new(),
            HashMap::from([("a".to_string(), 100), ("b".to_string(), 5)]),
        ] {
            let mut seen: Vec<&str> = Vec::new();
            for index in 0..3 {
                let shard = Shard { index, count: 3 };
                seen.extend(shard.select(&all, &sizes).iter().map(|r| r.name.as_str()));
            }
            seen.sort_unstable();
            assert_eq!(seen, ["a", "b", "c", "d", "e", "f", "g"]);
        }
    }

    #[test]
    fn sizes_balance_the_load() {
        let all = repos(&["big", "m1", "m2", "m3", "m4"]);
        let sizes = HashMap::from([
            ("big".to_string(), 400),
            ("m1".to_string(), 100),
            ("m2".to_string(), 100),
            ("m3".to_string(), 100),
            ("m4".to_string(), 100),
        ]);
        let first = Shard { index: 0, count: 2 }.select(&all, &sizes);
        let names: Vec<&str> = first.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["big"], "the big one alone balances four others");
    }

    #[test]
    fn parsing() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        assert_eq!(Shard { index: 2, count: 3 }.to_string(), "2/3");
    }
}
