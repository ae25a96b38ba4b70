//! How many files of each language pass the sink-word prefilter (and so get the query pass),
//! and which words let them in. For pack authors: a common word in `#set! words` or an
//! `#eq?` list sends nearly every file through the whole query.
//!
//! ```sh
//! cargo run --release -p shipshape-benches --example prefilter_stats -- ~/src/django
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use shipshape_benches::load_sources;
use shipshape_lang::Language;
use shipshape_query::{contains_word, PackFile, QuerySet};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: prefilter_stats <dir>");
    let files = load_sources(Path::new(&dir)).expect("readable folder");
    let queries = QuerySet::new(PackFile::embedded());
    for language in Language::ALL {
        let ours: Vec<_> = files.iter().filter(|f| f.language == language).collect();
        if ours.is_empty() {
            continue;
        }
        let compiled = queries.get(language).unwrap();
        let Some(words) = compiled.sink_words.as_ref() else {
            println!("{language}: no prefilter");
            continue;
        };
        let (mut passed, mut bytes_in, mut bytes_all) = (0, 0, 0);
        // A word's share: the files that only it lets in.
        let mut only: BTreeMap<&str, usize> = BTreeMap::new();
        for file in &ours {
            let text = String::from_utf8_lossy(&file.bytes);
            bytes_all += file.bytes.len();
            if !words.might_match(&text) {
                continue;
            }
            passed += 1;
            bytes_in += file.bytes.len();
            let hits: Vec<&str> = words
                .words()
                .iter()
                .map(String::as_str)
                .filter(|w| contains_word(&text, w))
                .collect();
            if let [word] = hits.as_slice() {
                *only.entry(word).or_default() += 1;
            }
        }
        println!(
            "{language}: {passed} of {} files ({} of {} KiB) pass",
            ours.len(),
            bytes_in / 1024,
            bytes_all / 1024
        );
        let mut sole: Vec<_> = only.into_iter().collect();
        sole.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (word, n) in sole.into_iter().take(15) {
            println!("  {n:>5} files only by {word:?}");
        }
    }
}
