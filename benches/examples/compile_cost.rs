//! What each query pattern costs to compile: tree-sitter analyses every pattern against the
//! grammar when a query is built, once per language per process, and for a repository of a
//! few hundred files that analysis costs more than all the matching. Each pattern is compiled
//! on its own (the preamble every compile pays is measured apart and subtracted), most costly
//! first.
//!
//! ```sh
//! cargo run --release -p shipshape-benches --example compile_cost -- typescript [pack-name]
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use shipshape_benches::JoinedPacks;
use shipshape_lang::Language;
use std::time::{Duration, Instant};
use tree_sitter::Query;

/// Compiles per measurement; the fastest counts.
const RUNS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(language) = args.first() else {
        eprintln!("usage: compile_cost <python|javascript|typescript|tsx|rust> [pack-name]");
        std::process::exit(2);
    };
    let language = Language::from_id(language)
        .expect("a language id: python, javascript, typescript, tsx, rust");
    let filter = args.get(1).map(String::as_str).unwrap_or("");
    let grammar = language.grammar();

    let joined = JoinedPacks::of(language);
    let text = &joined.text;
    let time = |source: &str| -> Duration {
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(Query::new(&grammar, source).unwrap());
                started.elapsed()
            })
            .min()
            .unwrap()
    };
    let whole = time(text);
    let full = Query::new(&grammar, text).unwrap();
    let count = full.pattern_count();
    println!(
        "{count} patterns: {:.0} ms to compile",
        whole.as_secs_f64() * 1000.0
    );

    // A pattern's text runs from its start to the next one's (comments included).
    let bounds: Vec<usize> = (0..count)
        .map(|p| full.start_byte_for_pattern(p))
        .chain([text.len()])
        .collect();
    let empty = time("(ERROR) @e");
    let mut costs = Vec::new();
    let mut by_pack: std::collections::BTreeMap<String, f64> = Default::default();
    let mut total = 0.0;
    for pattern in 0..count {
        let (start, end) = (bounds[pattern], bounds[pattern + 1]);
        let (origin, line) = joined.locate(start);
        let cost = (time(&text[start..end]).as_secs_f64() - empty.as_secs_f64()).max(0.0);
        total += cost;
        *by_pack.entry(origin.to_string()).or_default() += cost;
        if origin.contains(filter) {
            costs.push((cost, format!("pattern {pattern}: {origin}:{line}")));
        }
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("each pattern alone: {:.0} ms in all", total * 1000.0);
    let mut packs: Vec<_> = by_pack.into_iter().collect();
    packs.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (pack, cost) in packs {
        println!("{:>8.1} ms  {pack}", cost * 1000.0);
    }
    println!("most costly patterns:");
    for (cost, place) in costs.iter().take(40) {
        println!("{:>8.1} ms  {place}", cost * 1000.0);
    }
}
