//! Per-file analysis throughput through the public engine API.
//!
//! For each language of the corpus (by default `<repo>/corpus`, or the folder named by
//! `$SHIPSHAPE_BENCH_CORPUS`), one criterion group with two benchmarks over all of that
//! language's files, loaded before measuring:
//!
//! - `analyze`: `Engine::analyze` as the scanner runs it (guards, parse, query, rules, findings);
//! - `parse-only`: the same with `Mode::ParseOnly`, the baseline.
//!
//! Throughput is reported in bytes of source per second. Run with
//! `cargo bench -p shipshape-benches` (add `-- analyze/python` to filter).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shipshape_benches::{by_language, corpus_dir, engine, load_sources};
use shipshape_engine::{Mode, Workspace};
use std::hint::black_box;
use std::time::Duration;

fn analyze(c: &mut Criterion) {
    let dir = corpus_dir();
    let files = load_sources(&dir)
        .unwrap_or_else(|e| panic!("cannot load sources from {}: {e}", dir.display()));
    assert!(!files.is_empty(), "no source files under {}", dir.display());

    let mut analyzing = engine();
    analyzing.mode = Mode::Analyze;
    let mut parsing = engine();
    parsing.mode = Mode::ParseOnly;

    for (language, files) in by_language(&files) {
        let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
        let mut group = c.benchmark_group(format!("analyze/{}", language.id()));
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .throughput(Throughput::Bytes(bytes as u64));
        for (name, engine) in [("analyze", &analyzing), ("parse-only", &parsing)] {
            // One workspace per benchmark, reused across files as a scanner worker reuses it.
            let mut workspace = Workspace::new();
            group.bench_function(name, |b| {
                b.iter(|| {
                    for file in &files {
                        let outcome = engine.analyze(
                            &mut workspace,
                            &file.path,
                            file.language.into(),
                            black_box(&file.bytes),
                        );
                        black_box(outcome);
                    }
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, analyze);
criterion_main!(benches);
