//! What each subcommand does.

use crate::args::{Cli, ColorArg, Command, FailOn, FormatArg, RulesFormat, ScanArgs};
use crate::packs::load_user_packs;
use crate::progress::ProgressBarObserver;
use anyhow::{bail, Context, Result};
use shipshape_core::{Finding, Level, RuleMeta, ScanResult};
use shipshape_engine::{Engine, Mode};
use shipshape_query::{PackFile, QuerySet};
use shipshape_report::{
    gating_findings, github_upload_warnings, write_atomically, Baseline, Format, ReportContext,
};
use shipshape_rules::Registry;
use shipshape_scan::ScanOptions;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub(crate) fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Scan(args) => scan(*args),
        Command::Rules(args) => rules(args.format),
        Command::Explain { rule } => explain(&rule),
        Command::Tree { file } => tree(&file),
    }
}

fn scan(args: ScanArgs) -> Result<ExitCode> {
    // A baseline that cannot be used is known before the scan starts.
    let baseline = args.baseline.as_deref().map(load_baseline).transpose()?;
    let mut packs = PackFile::embedded();
    for dir in &args.queries {
        packs.extend(load_user_packs(dir)?);
    }
    // The shipped packs are compiled on demand (their tests prove they compile); the user's
    // are checked for every language before anything is scanned.
    let queries = if args.queries.is_empty() {
        QuerySet::new(packs)
    } else {
        QuerySet::compile(&packs).context("a query pack does not load")?
    };
    let registry = Registry::new();
    let rules: Vec<&'static RuleMeta> = registry.metas();
    let mut engine = Engine::new(queries, registry);
    engine.limits.max_file_bytes = usize::try_from(args.max_file_bytes).unwrap_or(usize::MAX);
    if args.parse_only {
        engine.mode = Mode::ParseOnly;
    }

    let mut options = ScanOptions::new(if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    });
    options.root = args.root.clone();
    options.include = args.include.clone();
    options.exclude = args.exclude.clone();
    options.no_ignore = args.no_ignore;
    options.hidden = args.hidden;
    options.follow_symlinks = args.follow_symlinks;
    options.max_file_bytes = args.max_file_bytes;
    if let Some(threads) = args.threads {
        if threads == 0 {
            bail!("--threads must be at least 1");
        }
        options.threads = threads;
    }

    let observer = ProgressBarObserver::new(args.quiet);
    let result = shipshape_scan::scan(&options, &engine, &observer)?;
    observer.finish();

    let format = resolve_format(&args);
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let color = args.output.is_none()
        && match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
    let context = ReportContext {
        rules,
        category: args.category.clone(),
        tool_version: env!("CARGO_PKG_VERSION"),
        color,
        baseline: baseline.map(|b| b.compare(&result.findings)),
        absolute_root: args.sarif_absolute_root,
    };
    if format == Format::Sarif {
        for warning in github_upload_warnings(&result, &context)? {
            eprintln!("warning: {warning}");
        }
    }
    let reporter = format.reporter();
    match &args.output {
        Some(path) => write_atomically(path, |out| reporter.render(&result, &context, out))
            .with_context(|| format!("cannot write '{}'", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            reporter.render(&result, &context, &mut out)?;
            out.flush()?;
        }
    }
    if !args.quiet && (args.output.is_some() || format != Format::Text) {
        eprintln!("{}", summary_line(&result));
        if let Some(comparison) = &context.baseline {
            eprintln!("shipshape: {}", comparison.summary());
        }
    }
    Ok(exit_code(
        &gating_findings(&result.findings, context.baseline.as_ref()),
        args.fail_on,
    ))
}

/// Read and parse `--baseline`; either failure is a usage error naming the file.
fn load_baseline(path: &std::path::Path) -> Result<Baseline> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read baseline '{}'", path.display()))?;
    Ok(Baseline::parse(&path.display().to_string(), &bytes)?)
}

fn resolve_format(args: &ScanArgs) -> Format {
    match args.format {
        Some(FormatArg::Text) => Format::Text,
        Some(FormatArg::Json) => Format::Json,
        Some(FormatArg::Sarif) => Format::Sarif,
        Some(FormatArg::Github) => Format::Github,
        Some(FormatArg::Junit) => Format::Junit,
        Some(FormatArg::Gitlab) => Format::Gitlab,
        None => match args
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
        {
            Some(ext) if ext.eq_ignore_ascii_case("sarif") => Format::Sarif,
            Some(ext) if ext.eq_ignore_ascii_case("json") => Format::Json,
            Some(ext) if ext.eq_ignore_ascii_case("xml") => Format::Junit,
            _ => Format::Text,
        },
    }
}

fn summary_line(result: &ScanResult) -> String {
    let counts: Vec<String> = result
        .count_by_level()
        .iter()
        .rev()
        .map(|(level, n)| format!("{n} {level}"))
        .collect();
    format!(
        "shipshape: {} files scanned, {} skipped; findings: {}; {:.2}s",
        result.summary.files_analyzed,
        result.summary.files_skipped,
        counts.join(", "),
        result.summary.elapsed_ms as f64 / 1000.0
    )
}

/// 1 when a finding that gates (every finding, or only new ones against a baseline) is at or
/// above `fail_on`.
fn exit_code(gating: &[&Finding], fail_on: FailOn) -> ExitCode {
    let threshold = match fail_on {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Note => Some(Level::Note),
        FailOn::None => None,
    };
    let failing = threshold.is_some_and(|t| gating.iter().any(|f| f.level >= t));
    ExitCode::from(u8::from(failing))
}

fn rules(format: RulesFormat) -> Result<ExitCode> {
    let registry = Registry::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        RulesFormat::Json => {
            let metas: Vec<&RuleMeta> = registry.metas();
            serde_json::to_writer_pretty(&mut out, &metas)?;
            writeln!(out)?;
        }
        RulesFormat::Text => {
            writeln!(
                out,
                "{:<24} {:<18} {:<8} LANGUAGES",
                "ID", "FAMILY", "LEVEL"
            )?;
            for meta in registry.metas() {
                writeln!(
                    out,
                    "{:<24} {:<18} {:<8} {}",
                    meta.id,
                    meta.family.tag(),
                    meta.default_level.to_string(),
                    meta.languages.join(", ")
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> Result<ExitCode> {
    let registry = Registry::new();
    let Some(meta) = registry.meta(id) else {
        let known: Vec<&str> = registry.metas().iter().map(|m| m.id).collect();
        bail!(
            "unknown rule '{id}'; known rules: {} (see `shipshape rules`)",
            known.join(", ")
        );
    };
    print!("{}", meta.help_markdown);
    Ok(ExitCode::SUCCESS)
}

fn tree(file: &std::path::Path) -> Result<ExitCode> {
    let language = shipshape_lang::Language::from_path(file).with_context(|| {
        format!(
            "'{}' has no extension shipshape knows (.py .pyi .js .mjs .cjs .jsx .ts .mts .cts .tsx .rs)",
            file.display()
        )
    })?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read '{}'", file.display()))?;
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&language.grammar())?;
    let tree = parser
        .parse(&bytes, None)
        .context("the parser gave up on this file")?;
    println!("{}", tree.root_node().to_sexp());
    Ok(ExitCode::SUCCESS)
}
