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
        Command::ConfigSchema => {
            print!("{}", crate::config::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch(args) => crate::batch::batch(*args),
        Command::Merge(args) => crate::batch::merge(args),
    }
}

fn scan(args: ScanArgs) -> Result<ExitCode> {
    // A baseline that cannot be used is known before the scan starts.
    let baseline = args.baseline.as_deref().map(load_baseline).transpose()?;
    let registry = Registry::new();
    let all_rules: Vec<&'static RuleMeta> = registry.metas();
    let loaded = crate::config::load(args.config.as_deref(), &config_root(&args), &all_rules)?;
    let config = &loaded.config;
    let mut packs = PackFile::embedded();
    packs.extend(user_packs(&loaded, &args.queries)?);
    // The shipped packs are compiled on demand (their tests prove they compile); the user's
    // are checked for every language before anything is scanned.
    let queries = if packs
        .iter()
        .all(|p| p.from == shipshape_query::PackSource::Embedded)
    {
        QuerySet::new(packs)
    } else {
        QuerySet::compile(&packs).context("a query pack does not load")?
    };
    let rules: Vec<&'static RuleMeta> = all_rules
        .iter()
        .copied()
        .filter(|r| config.enabled(r))
        .collect();
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
    let globs = |from_config: &[crate::config::Spanned<String>], from_args: &[String]| {
        from_config
            .iter()
            .map(|g| g.value().clone())
            .chain(from_args.iter().cloned())
            .collect::<Vec<_>>()
    };
    options.include = globs(&config.paths.include, &args.include);
    options.exclude = globs(&config.paths.exclude, &args.exclude);
    options.database = join_options(config);
    options.no_ignore = args.no_ignore;
    options.hidden = args.hidden;
    options.follow_symlinks = args.follow_symlinks;
    options.inline_suppressions = !args.no_inline_suppressions;
    if let Some(reference) = &args.changed_since {
        options.changed = Some(crate::changed::changed_since(
            &config_root(&args),
            reference,
        )?);
    }
    options.report_unused_suppressions = args.report_unused_suppressions;
    options.max_file_bytes = args.max_file_bytes;
    if let Some(threads) = args.threads {
        if threads == 0 {
            bail!("--threads must be at least 1");
        }
        options.threads = threads;
    }

    let observer = ProgressBarObserver::new(args.quiet);
    let mut result = shipshape_scan::scan(&options, &engine, &observer)?;
    observer.finish();
    config.apply(&mut result, &all_rules);

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
        verbose: args.verbose,
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

/// The query packs a configuration adds (its `[paths] queries` folders and its `[dataflow]`
/// functions), then the packs of `extra` folders (`--queries`).
pub(crate) fn user_packs(
    loaded: &crate::config::Loaded,
    extra: &[std::path::PathBuf],
) -> Result<Vec<PackFile>> {
    let mut packs = Vec::new();
    let folders = loaded
        .config
        .paths
        .queries
        .iter()
        .map(|dir| loaded.folder().join(dir.value()))
        .chain(extra.iter().cloned());
    for dir in folders {
        packs.extend(load_user_packs(&dir)?);
    }
    if let Some(path) = &loaded.path {
        packs.extend(crate::dataflow_packs::packs(&loaded.config.dataflow, path)?);
    }
    Ok(packs)
}

/// The missing-index join's settings from `[missing-index]`.
pub(crate) fn join_options(
    config: &crate::config::Config,
) -> shipshape_rules::db_join::JoinOptions {
    shipshape_rules::db_join::JoinOptions {
        dialect: config.missing_index.dialect.map(|d| match d {
            crate::config::DialectName::Postgres => shipshape_schema::Dialect::Postgres,
            crate::config::DialectName::Mysql => shipshape_schema::Dialect::Mysql,
            crate::config::DialectName::Sqlite => shipshape_schema::Dialect::Sqlite,
        }),
        small_tables: config.missing_index.small_tables.clone(),
    }
}

/// Where `shipshape.toml` is looked for: `--root`, else the one folder scanned, else the
/// current directory.
fn config_root(args: &ScanArgs) -> std::path::PathBuf {
    if let Some(root) = &args.root {
        return root.clone();
    }
    match args.paths.as_slice() {
        [one] if one.is_dir() => one.clone(),
        _ => ".".into(),
    }
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
    let counts: Vec<String> = Level::ALL
        .iter()
        .rev()
        .map(|&level| {
            let n = result
                .findings
                .iter()
                .filter(|f| f.level == level && f.suppressed.is_none())
                .count();
            format!("{n} {level}")
        })
        .collect();
    let suppressed = result
        .findings
        .iter()
        .filter(|f| f.suppressed.is_some())
        .count();
    format!(
        "shipshape: {} files scanned, {} skipped; findings: {}; {suppressed} suppressed; {:.2}s",
        result.summary.files_analyzed,
        result.summary.files_skipped,
        counts.join(", "),
        result.summary.elapsed_ms as f64 / 1000.0
    )
}

/// 1 when a finding that gates (every finding, or only new ones against a baseline) is at or
/// above `fail_on`.
fn exit_code(gating: &[&Finding], fail_on: FailOn) -> ExitCode {
    let threshold = fail_on.level();
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
