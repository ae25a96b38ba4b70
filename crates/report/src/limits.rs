//! GitHub code scanning's upload limits, checked on the SARIF shipshape is about to write, so a
//! CI run says what will be rejected and how to split the scan before the upload fails.
//!
//! The limits are GitHub's documented hard limits ("SARIF results exceed limit", "SARIF file
//! is too large"): 10 MB of gzipped SARIF per upload, and per run 25,000 results and 25,000
//! rules; per result 1,000 locations (shipshape also holds related locations to that) and
//! 10,000 thread-flow locations; 20 tags per rule. shipshape writes one run and no tool
//! extensions, so the limits on runs per file (20) and extensions per run (100) cannot be hit.

use crate::sarif::build_log;
use crate::{ReportContext, Reporter, SarifReporter};
use flate2::write::GzEncoder;
use flate2::Compression;
use shipshape_core::ScanResult;
use std::io::{self, Write};

/// The limits one SARIF upload must stay within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    /// Size of the gzipped file, in bytes.
    pub gzipped_bytes: u64,
    /// Results in a run.
    pub results_per_run: usize,
    /// Rules in a run.
    pub rules_per_run: usize,
    /// `locations` (and `relatedLocations`) of one result.
    pub locations_per_result: usize,
    /// Thread-flow locations of one result, over all its code flows.
    pub thread_flow_locations_per_result: usize,
    /// Tags of one rule.
    pub tags_per_rule: usize,
}

impl UploadLimits {
    /// GitHub code scanning's. "10 MB" is read as 10,000,000 bytes, the smaller reading.
    pub const GITHUB: UploadLimits = UploadLimits {
        gzipped_bytes: 10_000_000,
        results_per_run: 25_000,
        rules_per_run: 25_000,
        locations_per_result: 1_000,
        thread_flow_locations_per_result: 10_000,
        tags_per_rule: 20,
    };

    /// One warning per limit that the SARIF for `result` would cross, each saying what to do.
    pub fn check(&self, result: &ScanResult, context: &ReportContext) -> io::Result<Vec<String>> {
        let mut warnings = Vec::new();
        let log = build_log(result, context);
        let run = log.runs.first();
        let results = run.and_then(|r| r.results.as_ref());
        let result_count = results.map_or(0, Vec::len);
        if result_count > self.results_per_run {
            warnings.push(format!(
                "the SARIF run holds {result_count} results; GitHub code scanning rejects more than {} per run. {SPLIT}",
                self.results_per_run
            ));
        }
        let rule_count = run
            .and_then(|r| r.tool.driver.rules.as_ref())
            .map_or(0, Vec::len);
        if rule_count > self.rules_per_run {
            warnings.push(format!(
                "the SARIF run lists {rule_count} rules; GitHub code scanning rejects more than {}.",
                self.rules_per_run
            ));
        }
        let mut worst_locations = 0;
        let mut worst_flow = 0;
        for sarif_result in results.into_iter().flatten() {
            let locations = sarif_result.locations.as_ref().map_or(0, Vec::len);
            let related = sarif_result.related_locations.as_ref().map_or(0, Vec::len);
            worst_locations = worst_locations.max(locations).max(related);
            let flow: usize = sarif_result
                .code_flows
                .iter()
                .flatten()
                .flat_map(|flow| &flow.thread_flows)
                .map(|thread| thread.locations.len())
                .sum();
            worst_flow = worst_flow.max(flow);
        }
        if worst_locations > self.locations_per_result {
            warnings.push(format!(
                "a SARIF result has {worst_locations} locations; GitHub code scanning rejects more than {} per result.",
                self.locations_per_result
            ));
        }
        if worst_flow > self.thread_flow_locations_per_result {
            warnings.push(format!(
                "a SARIF result has a code flow of {worst_flow} steps; GitHub code scanning rejects more than {} per result.",
                self.thread_flow_locations_per_result
            ));
        }
        let worst_tags = run
            .and_then(|r| r.tool.driver.rules.as_ref())
            .into_iter()
            .flatten()
            .filter_map(|rule| rule.properties.as_ref()?.tags.as_ref().map(Vec::len))
            .max()
            .unwrap_or(0);
        if worst_tags > self.tags_per_rule {
            warnings.push(format!(
                "a SARIF rule has {worst_tags} tags; GitHub code scanning rejects more than {}.",
                self.tags_per_rule
            ));
        }
        let gzipped = gzipped_size(result, context)?;
        if gzipped > self.gzipped_bytes {
            warnings.push(format!(
                "the SARIF file is {:.1} MB gzipped; GitHub code scanning rejects uploads over {:.0} MB. {SPLIT}",
                gzipped as f64 / 1e6,
                self.gzipped_bytes as f64 / 1e6
            ));
        }
        Ok(warnings)
    }
}

/// How to stay under the per-run and per-file limits.
const SPLIT: &str = "Split the scan: run shipshape once per folder with its own category and \
file (e.g. `shipshape scan services/api --category api --output api.sarif`, then `shipshape \
scan services/web --category web --output web.sarif`) and upload each file.";

/// [`UploadLimits::GITHUB`] checked on the SARIF for `result`.
pub fn github_upload_warnings(
    result: &ScanResult,
    context: &ReportContext,
) -> io::Result<Vec<String>> {
    UploadLimits::GITHUB.check(result, context)
}

/// The size of exactly the bytes `--format sarif` writes, gzipped, without holding either.
fn gzipped_size(result: &ScanResult, context: &ReportContext) -> io::Result<u64> {
    let mut gzip = GzEncoder::new(ByteCount(0), Compression::default());
    SarifReporter.render(result, context, &mut gzip)?;
    Ok(gzip.finish()?.0)
}

/// A sink that only counts what is written to it.
struct ByteCount(u64);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipshape_core::{Finding, FlowStep, Level, Region};
    use std::path::PathBuf;

    fn context() -> ReportContext {
        ReportContext {
            rules: Vec::new(),
            category: None,
            tool_version: "0.1.0",
            color: false,
            baseline: None,
            absolute_root: false,
            verbose: false,
        }
    }

    /// A synthetic finding; `noise` bytes of hard-to-compress message make the file large.
    fn finding(index: usize, noise: usize) -> Finding {
        let region = Region {
            start_line: index + 1,
            start_column: 1,
            end_line: index + 1,
            end_column: 10,
        };
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut message = format!("finding {index} ");
        let mut state = index as u64 * 2_654_435_761 + 1;
        while message.len() < noise {
            // xorshift, 6 bits a character: deterministic, and gzip keeps about 3/4 of it.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            message.push(char::from(ALPHABET[(state & 63) as usize]));
        }
        Finding {
            rule_id: "sql-injection",
            level: Level::Error,
            path: format!("src/file{}.py", index / 100),
            region,
            message,
            function: "f".to_string(),
            fingerprint: format!("{index:016x}:1"),
            line_hash: format!("{index:x}:1"),
            line_text: "x".to_string(),
            context: None,
            flow: Vec::new(),
            related: Vec::new(),
            security_severity: None,
            suppressed: None,
            fix: None,
        }
    }

    fn scan(findings: Vec<Finding>) -> ScanResult {
        ScanResult {
            root: PathBuf::from("/repo"),
            findings,
            execution_successful: true,
            ..ScanResult::default()
        }
    }

    #[test]
    fn more_than_25000_results_is_said_with_how_to_split() {
        let at_limit = scan((0..25_000).map(|i| finding(i, 0)).collect());
        assert_eq!(
            github_upload_warnings(&at_limit, &context()).expect("check"),
            Vec::<String>::new()
        );
        let over = scan((0..25_001).map(|i| finding(i, 0)).collect());
        let warnings = github_upload_warnings(&over, &context()).expect("check");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with(
            "the SARIF run holds 25001 results; GitHub code scanning rejects more than 25000 per run."
        ));
        assert!(warnings[0].contains("--category api --output api.sarif"));
    }

    #[test]
    fn over_10_mb_gzipped_is_said_even_with_few_results() {
        // 10,000 results of 1,600 random characters: about 16 MB of SARIF that gzip keeps
        // above 10 MB, far below the result limit.
        let big = scan((0..10_000).map(|i| finding(i, 1_600)).collect());
        let warnings = github_upload_warnings(&big, &context()).expect("check");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("the SARIF file is ")
                && warnings[0]
                    .contains("MB gzipped; GitHub code scanning rejects uploads over 10 MB"),
            "{warnings:?}"
        );
        // Half as many stay under it.
        let half = scan((0..5_000).map(|i| finding(i, 1_600)).collect());
        assert!(github_upload_warnings(&half, &context())
            .expect("check")
            .is_empty());
    }

    #[test]
    fn per_result_limits_are_checked_on_what_is_written() {
        let mut long_flow = finding(0, 0);
        let step = FlowStep {
            region: long_flow.region,
            message: "step".to_string(),
        };
        long_flow.flow = vec![step.clone(); 10_001];
        long_flow.related = vec![step; 1_001];
        let warnings = github_upload_warnings(&scan(vec![long_flow]), &context()).expect("check");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("a SARIF result has 1001 locations"));
        assert!(warnings[1].starts_with("a SARIF result has a code flow of 10001 steps"));
    }
}
