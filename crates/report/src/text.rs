//! Text for people, in the rustc / ripgrep style: `path:line:col: level[rule]: message`, the
//! code line with the span underlined, the files that were skipped, and a one-line summary.
//! With a baseline only `new` findings are listed, and a line says what was left out.

use crate::{gating_findings, BaselineState, Comparison, ReportContext, Reporter};
use anstyle::{AnsiColor, Style};
use shipshape_core::{Finding, Level, NotificationKind, ScanResult};
use std::io::{self, Write};

/// The `--format text` reporter.
#[derive(Debug)]
pub struct TextReporter;

struct Palette {
    error: Style,
    warning: Style,
    note: Style,
    path: Style,
    gutter: Style,
}

impl Palette {
    fn new(color: bool) -> Self {
        if !color {
            let plain = Style::new();
            return Palette {
                error: plain,
                warning: plain,
                note: plain,
                path: plain,
                gutter: plain,
            };
        }
        Palette {
            error: AnsiColor::Red.on_default().bold(),
            warning: AnsiColor::Yellow.on_default().bold(),
            note: AnsiColor::Cyan.on_default().bold(),
            path: Style::new().bold(),
            gutter: AnsiColor::Blue.on_default().bold(),
        }
    }

    fn level(&self, level: Level) -> Style {
        match level {
            Level::Error => self.error,
            Level::Warning => self.warning,
            Level::Note => self.note,
        }
    }
}

impl Reporter for TextReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let palette = Palette::new(context.color);
        let shown = gating_findings(&result.findings, context.baseline.as_ref());
        for finding in &shown {
            render_finding(finding, &palette, out)?;
        }
        let mut quiet_notes = 0;
        for note in &result.notifications {
            // Schema notes are many on a large repository and rarely news: counted unless
            // --verbose asks for each.
            if note.kind == NotificationKind::SchemaNote && !context.verbose {
                quiet_notes += 1;
                continue;
            }
            let style = palette.level(note.level());
            let path = note.path.as_deref().unwrap_or("shipshape");
            let line = note.line.map(|l| format!(":{l}")).unwrap_or_default();
            writeln!(
                out,
                "{style}{}{style:#}: {}{path}{line}{:#}: {}",
                note.level(),
                palette.path,
                palette.path,
                note.message
            )?;
        }
        if quiet_notes > 0 {
            writeln!(
                out,
                "{quiet_notes} missing-index {} not shown (queries on tables the repository's schema does not define, schema statements not read): --verbose lists them",
                plural(quiet_notes, "note")
            )?;
        }
        if let Some(comparison) = &context.baseline {
            writeln!(out, "{}", hidden_by_baseline(comparison))?;
        }
        let suppressed = result
            .findings
            .iter()
            .filter(|f| f.suppressed.is_some())
            .count();
        if suppressed > 0 {
            writeln!(
                out,
                "{suppressed} {} suppressed in the source (shipshape: ignore[…]) not shown",
                plural(suppressed, "finding")
            )?;
        }
        let summary = &result.summary;
        let counts: Vec<String> = Level::ALL
            .iter()
            .rev()
            .map(|&level| {
                let n = shown.iter().filter(|f| f.level == level).count();
                format!("{n} {}", plural(n, level.as_str()))
            })
            .collect();
        writeln!(
            out,
            "{} {} scanned, {} skipped; {} in {:.2}s",
            summary.files_analyzed,
            plural(summary.files_analyzed, "file"),
            summary.files_skipped,
            counts.join(", "),
            summary.elapsed_ms as f64 / 1000.0
        )
    }
}

/// What the baseline kept out of the listing, e.g. `baseline 'main.sarif': 1 new finding
/// shown; 3 unchanged and 1 updated not shown; 2 absent (fixed since the baseline)`.
fn hidden_by_baseline(comparison: &Comparison) -> String {
    let new = comparison.count(BaselineState::New);
    format!(
        "baseline '{}': {new} new {} shown; {} unchanged and {} updated not shown; {} absent (gone since the baseline)",
        comparison.source,
        plural(new, "finding"),
        comparison.count(BaselineState::Unchanged),
        comparison.count(BaselineState::Updated),
        comparison.count(BaselineState::Absent),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn render_finding(finding: &Finding, palette: &Palette, out: &mut dyn Write) -> io::Result<()> {
    let style = palette.level(finding.level);
    let region = finding.region;
    writeln!(
        out,
        "{}{}:{}:{}{:#}: {style}{}[{}]{style:#}: {}",
        palette.path,
        finding.path,
        region.start_line,
        region.start_column,
        palette.path,
        finding.level,
        finding.rule_id,
        finding.message
    )?;
    let number = region.start_line.to_string();
    let pad = " ".repeat(number.len());
    let gutter = palette.gutter;
    let line = &finding.line_text;
    let end_column = if region.end_line == region.start_line {
        region.end_column
    } else {
        utf16_len(line) + 1
    };
    let (prefix, width) = underline(line, region.start_column, end_column);
    writeln!(out, "{gutter}{pad} |{gutter:#}")?;
    writeln!(out, "{gutter}{number} |{gutter:#} {line}")?;
    writeln!(
        out,
        "{gutter}{pad} |{gutter:#} {prefix}{style}{}{style:#}",
        "^".repeat(width.max(1))
    )?;
    // Show the way through variables and helpers when there is one to show.
    if finding.flow.len() > 2 {
        let steps: Vec<String> = finding
            .flow
            .iter()
            .map(|step| format!("line {}: {}", step.region.start_line, step.message))
            .collect();
        writeln!(out, "{gutter}{pad} ={gutter:#} flow: {}", steps.join(" → "))?;
    }
    if let Some(fix) = &finding.fix {
        for edit in &fix.edits {
            writeln!(
                out,
                "{gutter}{pad} ={gutter:#} fix: {}: {}",
                fix.description, edit.text
            )?;
        }
    }
    writeln!(out)
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The whitespace before the underline (tabs kept, so it lines up) and the underline's width in
/// characters, from 1-based UTF-16 columns.
fn underline(line: &str, start_column: usize, end_column: usize) -> (String, usize) {
    let mut prefix = String::new();
    let mut width = 0;
    let mut column = 1;
    for c in line.chars() {
        if column < start_column {
            prefix.push(if c == '\t' { '\t' } else { ' ' });
        } else if column < end_column {
            width += 1;
        } else {
            break;
        }
        column += c.len_utf16();
    }
    (prefix, width)
}

#[cfg(test)]
mod tests {
    use super::underline;

    #[test]
    fn underline_counts_utf16_columns_and_keeps_tabs() {
        assert_eq!(underline("\tx = é😀y", 6, 9), ("\t    ".to_string(), 2));
        assert_eq!(underline("abc", 2, 99), (" ".to_string(), 2));
    }
}
