//! What each query pattern costs: parse the files of one language under a folder once, time a
//! pass of the language's combined query over them, then time it again with each pattern of
//! the chosen packs disabled in turn. For pack authors: a pattern that matches a common node
//! and only fails on a predicate costs on every such node of every file.
//!
//! ```sh
//! cargo run --release -p shipshape-benches --example pattern_cost -- python ~/src/django django.scm
//! # instructions of one pass, all patterns or with pattern N (as listed above) or every
//! # pattern of the packs whose path contains NAME (`pack:NAME@FROM-TO`: starting on those
//! # lines) disabled:
//! SHIPSHAPE_COUNT=all|N|pack:NAME valgrind --tool=callgrind --collect-atstart=no \
//!   --toggle-collect='*measured_pass*' target/release/examples/pattern_cost python ~/src/django
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use shipshape_benches::{load_sources, JoinedPacks};
use shipshape_engine::Budgets;
use shipshape_lang::Language;
use std::path::Path;
use std::time::{Duration, Instant};
use streaming_iterator::StreamingIterator;
use tree_sitter::{Parser, Query, QueryCursor, Tree};

/// Passes per measurement; the fastest counts (the others met a busy machine). With and
/// without a pattern are timed in turn, so both see the same machine.
const RUNS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [language, dir, rest @ ..] = args.as_slice() else {
        eprintln!("usage: pattern_cost <python|javascript|typescript|rust> <dir> [pack-name]");
        std::process::exit(2);
    };
    let language = Language::from_id(language)
        .expect("a language id: python, javascript, typescript, tsx, rust");
    let filter = rest.first().map(String::as_str).unwrap_or("");
    // Under callgrind: one pass of one variant (`SHIPSHAPE_COUNT=all` or the index of the
    // pattern to disable), counted with --toggle-collect, instead of timings.
    let counting = std::env::var("SHIPSHAPE_COUNT").ok();

    let files = load_sources(Path::new(dir)).expect("readable folder");
    let mut parser = Parser::new();
    parser.set_language(&language.grammar()).unwrap();
    let parsed: Vec<(Tree, &[u8])> = files
        .iter()
        .filter(|f| f.language == language)
        .map(|f| (parser.parse(&f.bytes, None).unwrap(), f.bytes.as_slice()))
        .collect();
    let bytes: usize = parsed.iter().map(|(_, b)| b.len()).sum();
    println!("{} {language} files, {} KiB", parsed.len(), bytes / 1024);

    let joined = JoinedPacks::of(language);
    let text = &joined.text;
    let grammar = language.grammar();
    let full = Query::new(&grammar, text).expect("the embedded packs compile");
    let runs = RUNS;
    if let Some(variant) = &counting {
        let mut query = Query::new(&grammar, text).unwrap();
        if let Ok(pattern) = variant.parse::<usize>() {
            query.disable_pattern(pattern);
        } else if let Some(pack) = variant.strip_prefix("pack:") {
            // Every pattern of the packs whose path contains `pack`, or only those starting on
            // lines FROM to TO of it (`pack:sqlalchemy.scm@200-300`).
            let (pack, lines) = match pack.split_once('@') {
                Some((pack, range)) => {
                    let (from, to) = range.split_once('-').expect("@FROM-TO");
                    (pack, from.parse().unwrap()..=to.parse().unwrap())
                }
                None => (pack, 0..=usize::MAX),
            };
            for pattern in 0..query.pattern_count() {
                let at = query.start_byte_for_pattern(pattern);
                let (origin, line) = joined.locate(at);
                if origin.contains(pack) && lines.contains(&line) {
                    query.disable_pattern(pattern);
                }
            }
        }
        measured_pass(&query, &parsed);
        return;
    }
    let baseline = time_pass(&full, &parsed, runs);
    println!(
        "all {} patterns: {:.1} ms per pass",
        full.pattern_count(),
        ms(baseline)
    );

    let mut costs = Vec::new();
    for pattern in 0..full.pattern_count() {
        let at = full.start_byte_for_pattern(pattern);
        let (origin, line) = joined.locate(at);
        if !origin.contains(filter) {
            continue;
        }
        let mut without = Query::new(&grammar, text).unwrap();
        without.disable_pattern(pattern);
        let (mut with_best, mut without_best) = (Duration::MAX, Duration::MAX);
        for _ in 0..runs {
            with_best = with_best.min(time_pass(&full, &parsed, 1));
            without_best = without_best.min(time_pass(&without, &parsed, 1));
        }
        let cost = with_best.as_secs_f64() - without_best.as_secs_f64();
        costs.push((cost, format!("pattern {pattern}: {origin}:{line}")));
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (cost, place) in costs {
        println!(
            "{:>8.1} ms {:>5.1} %  {place}",
            cost * 1000.0,
            cost / baseline.as_secs_f64() * 100.0
        );
    }
}

/// The fastest of `runs` passes of `query` over every tree.
fn time_pass(query: &Query, parsed: &[(Tree, &[u8])], runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            let mut cursor = QueryCursor::new();
            // The engine's limit on in-progress matches (`Budgets::match_limit`), or another.
            let limit = std::env::var("SHIPSHAPE_MATCH_LIMIT").ok();
            cursor.set_match_limit(
                limit
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(Budgets::default().match_limit),
            );
            let mut seen = 0usize;
            for (tree, source) in parsed {
                let mut matches = cursor.matches(query, tree.root_node(), *source);
                while let Some(m) = matches.next() {
                    seen += m.captures.len();
                }
            }
            std::hint::black_box(seen);
            started.elapsed()
        })
        .min()
        .unwrap()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One pass, kept out of line so that `valgrind --tool=callgrind --toggle-collect` counts its
/// instructions alone: a measure that does not depend on how busy the machine is.
#[inline(never)]
fn measured_pass(query: &Query, parsed: &[(Tree, &[u8])]) {
    std::hint::black_box(time_pass(query, parsed, 1));
}
