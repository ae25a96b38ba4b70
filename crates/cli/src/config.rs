//! `shipshape.toml`: what a repository tells shipshape about itself. Read from the scanned root
//! (or `--config FILE`), checked strictly (an unknown key or a bad value is a usage error that
//! names the file, the line, the key and what is allowed), then applied: rules disabled or
//! re-levelled, paths included, excluded or ignored for some rules, extra query packs, the
//! user's own sources, sinks and sanitizers named as plain function paths, and the
//! missing-index options. `docs/shipshape.schema.json` is generated from these types
//! (`shipshape config-schema`), so editors complete and check the file.

use schemars::JsonSchema;
use serde::Deserialize;
use shipshape_core::{Family, Level, RuleMeta};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The file name looked for at the scanned root.
pub(crate) const FILE_NAME: &str = "shipshape.toml";

/// The whole file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "shipshape.toml",
    description = "Configuration of the shipshape scanner for one repository."
)]
pub(crate) struct Config {
    /// Which files to scan.
    #[serde(default)]
    pub(crate) paths: Paths,
    /// Rules to turn off or re-level.
    #[serde(default)]
    pub(crate) rules: Rules,
    /// Paths where some rules (or all) are not reported.
    #[serde(default)]
    pub(crate) ignore: Vec<Ignore>,
    /// Your own sources, sinks and sanitizers, named as function paths.
    #[serde(default)]
    pub(crate) dataflow: Dataflow,
    /// Options of the missing-index rules.
    #[serde(default, rename = "missing-index")]
    pub(crate) missing_index: MissingIndex,
}

/// `[paths]`
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Paths {
    /// gitignore-style globs a file must match to be scanned (any of them), relative to the
    /// root; `--include` adds to them.
    #[serde(default)]
    pub(crate) include: Vec<Spanned<String>>,
    /// gitignore-style globs of files and folders to leave out; `--exclude` adds to them.
    #[serde(default)]
    pub(crate) exclude: Vec<Spanned<String>>,
    /// Folders of extra query packs (`<folder>/<language>/*.scm`), relative to the file;
    /// `--queries` adds to them.
    #[serde(default)]
    pub(crate) queries: Vec<Spanned<String>>,
}

/// `[rules]`
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rules {
    /// Rule ids or family tags (`injection`, `unvalidated-input`, `unbounded-loop`,
    /// `missing-index`) that are not run.
    #[serde(default)]
    pub(crate) disable: Vec<Spanned<String>>,
    /// A level for a rule's results instead of its default: `error`, `warning` or `note`.
    #[serde(default)]
    pub(crate) levels: BTreeMap<String, Spanned<LevelName>>,
}

/// A result level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LevelName {
    /// `error`
    Error,
    /// `warning`
    Warning,
    /// `note`
    Note,
}

impl From<LevelName> for Level {
    fn from(level: LevelName) -> Level {
        match level {
            LevelName::Error => Level::Error,
            LevelName::Warning => Level::Warning,
            LevelName::Note => Level::Note,
        }
    }
}

/// `[[ignore]]`: leave some rules' results out under some paths.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Ignore {
    /// gitignore-style globs, relative to the root (`scripts/**`, `**/fixtures/**`).
    pub(crate) paths: Vec<Spanned<String>>,
    /// Rule ids or family tags; all rules when left out.
    #[serde(default)]
    pub(crate) rules: Vec<Spanned<String>>,
}

/// `[dataflow]`: functions of your own code that the packs cannot know, as dotted paths
/// (`app.db.run_sql`, `lib/db.runSql`, `crate::db::run_sql`): the last part is the function's
/// name, the parts before it the module or object it is reached through. A sink's first
/// argument is what must not be built from non-constant text or request data.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Dataflow {
    /// Functions that run their first argument as SQL.
    #[serde(default)]
    pub(crate) sql_sinks: Vec<Spanned<String>>,
    /// Functions that run their first argument as a shell command line.
    #[serde(default)]
    pub(crate) shell_sinks: Vec<Spanned<String>>,
    /// Functions that open, read or write the file their first argument names.
    #[serde(default)]
    pub(crate) path_sinks: Vec<Spanned<String>>,
    /// Functions that redirect the client to their first argument.
    #[serde(default)]
    pub(crate) redirect_sinks: Vec<Spanned<String>>,
    /// Functions that evaluate their first argument as code.
    #[serde(default)]
    pub(crate) code_sinks: Vec<Spanned<String>>,
    /// Functions that send an outbound request to their first argument.
    #[serde(default)]
    pub(crate) url_sinks: Vec<Spanned<String>>,
    /// Functions that send their first argument to a browser as HTML.
    #[serde(default)]
    pub(crate) html_sinks: Vec<Spanned<String>>,
    /// Functions whose result is request data (a custom request accessor).
    #[serde(default)]
    pub(crate) request_sources: Vec<Spanned<String>>,
    /// Functions whose result is safe in SQL text (quoting, escaping).
    #[serde(default)]
    pub(crate) sql_sanitizers: Vec<Spanned<String>>,
    /// Functions whose result is safe in a shell command line.
    #[serde(default)]
    pub(crate) shell_sanitizers: Vec<Spanned<String>>,
    /// Functions whose result is a safe file name.
    #[serde(default)]
    pub(crate) path_sanitizers: Vec<Spanned<String>>,
    /// Functions whose result is escaped HTML.
    #[serde(default)]
    pub(crate) html_sanitizers: Vec<Spanned<String>>,
    /// Functions that validate request data (their result is no longer the client's raw
    /// input).
    #[serde(default)]
    pub(crate) validators: Vec<Spanned<String>>,
}

/// `[missing-index]`
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct MissingIndex {
    /// The database's SQL dialect; inferred from the Prisma datasource, the drivers the code
    /// imports or the SQL files when left out.
    pub(crate) dialect: Option<DialectName>,
    /// Tables small enough that reading them whole is fine: no missing-index hint on them.
    #[serde(default)]
    pub(crate) small_tables: Vec<String>,
}

/// A SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum DialectName {
    /// PostgreSQL.
    Postgres,
    /// MySQL or MariaDB.
    Mysql,
    /// SQLite.
    Sqlite,
}

/// A value with where it was written, for messages.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub(crate) struct Spanned<T>(pub(crate) toml::Spanned<T>);

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

impl<T> Spanned<T> {
    pub(crate) fn value(&self) -> &T {
        self.0.get_ref()
    }

    fn span(&self) -> Range<usize> {
        self.0.span()
    }
}

/// A configuration that cannot be used: its file, line and column, and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub(crate) struct ConfigError {
    path: PathBuf,
    line: usize,
    column: usize,
    message: String,
}

impl ConfigError {
    fn at(path: &Path, text: &str, span: Option<Range<usize>>, message: String) -> Self {
        let offset = span.map_or(0, |s| s.start.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    }
}

/// A loaded configuration, with where it came from.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// The file, when there is one.
    pub(crate) path: Option<PathBuf>,
    /// What it says.
    pub(crate) config: Config,
}

impl Loaded {
    /// The folder relative paths in the file are resolved against.
    pub(crate) fn folder(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}

/// Read `explicit` (which must exist), else `<root>/shipshape.toml` when there is one.
pub(crate) fn load(
    explicit: Option<&Path>,
    root: &Path,
    rules: &[&'static RuleMeta],
) -> anyhow::Result<Loaded> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => {
            let candidate = root.join(FILE_NAME);
            if !candidate.is_file() {
                return Ok(Loaded::default());
            }
            candidate
        }
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read the configuration '{}': {e}", path.display()))?;
    let config = parse(&path, &text, rules)?;
    Ok(Loaded {
        path: Some(path),
        config,
    })
}

/// Parse and check a configuration's text.
pub(crate) fn parse(
    path: &Path,
    text: &str,
    rules: &[&'static RuleMeta],
) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        ConfigError::at(
            path,
            text,
            e.span(),
            // serde's words for TOML's: a field is a key, a variant a value.
            e.message()
                .trim()
                .replace('\n', " ")
                .replace("unknown field", "unknown key")
                .replace("unknown variant", "unknown value")
                .replace("missing field", "missing key"),
        )
    })?;
    let check_rule = |name: &Spanned<String>, families_too: bool| {
        let value = name.value();
        let known = rules.iter().any(|r| r.id == value)
            || (families_too && FAMILIES.iter().any(|f| f.tag() == value));
        if known {
            return Ok(());
        }
        let mut allowed: Vec<&str> = rules.iter().map(|r| r.id).collect();
        if families_too {
            allowed.extend(FAMILIES.iter().map(|f| f.tag()));
        }
        allowed.sort_unstable();
        allowed.dedup();
        Err(ConfigError::at(
            path,
            text,
            Some(name.span()),
            format!("unknown rule '{value}'; allowed: {}", allowed.join(", ")),
        ))
    };
    for name in &config.rules.disable {
        check_rule(name, true)?;
    }
    for (name, level) in &config.rules.levels {
        let known = rules.iter().any(|r| r.id == name);
        if !known {
            let allowed: Vec<&str> = rules.iter().map(|r| r.id).collect();
            return Err(ConfigError::at(
                path,
                text,
                Some(level.span()),
                format!(
                    "unknown rule '{name}' in [rules.levels]; allowed: {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    for ignore in &config.ignore {
        for name in &ignore.rules {
            check_rule(name, true)?;
        }
        if ignore.paths.is_empty() {
            return Err(ConfigError::at(
                path,
                text,
                None,
                "[[ignore]] needs at least one glob in `paths`".to_string(),
            ));
        }
    }
    let globs = config
        .paths
        .include
        .iter()
        .chain(&config.paths.exclude)
        .chain(config.ignore.iter().flat_map(|i| &i.paths));
    for glob in globs {
        if let Err(e) = globset::Glob::new(glob.value()) {
            return Err(ConfigError::at(
                path,
                text,
                Some(glob.span()),
                format!("bad glob '{}': {}", glob.value(), e.kind()),
            ));
        }
    }
    for name in config.dataflow.all() {
        if !is_function_path(name.1.value()) {
            return Err(ConfigError::at(
                path,
                text,
                Some(name.1.span()),
                format!(
                    "'{}' in {} is not a function path: write it as module.function, Class.method or crate::module::function",
                    name.1.value(),
                    name.0
                ),
            ));
        }
    }
    Ok(config)
}

/// The families a rule list may name.
const FAMILIES: [Family; 4] = [
    Family::Injection,
    Family::UnvalidatedInput,
    Family::UnboundedLoop,
    Family::MissingIndex,
];

/// `a.b.c`, `a/b.c`, `a::b::c`: identifier-like parts and separators.
fn is_function_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .split(['.', '/', ':'])
            .filter(|p| !p.is_empty())
            .all(|p| {
                p.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            })
        && text
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

impl Dataflow {
    /// Every name with its key, in file order of keys.
    pub(crate) fn all(&self) -> Vec<(&'static str, &Spanned<String>)> {
        self.by_capture()
            .into_iter()
            .flat_map(|(key, _, names)| names.iter().map(move |n| (key, n)))
            .collect()
    }

    /// Each key with the capture its functions get, and its names.
    pub(crate) fn by_capture(&self) -> Vec<(&'static str, Role, &[Spanned<String>])> {
        vec![
            ("sql-sinks", Role::Sink("sql"), &self.sql_sinks),
            ("shell-sinks", Role::Sink("shell"), &self.shell_sinks),
            ("path-sinks", Role::Sink("path"), &self.path_sinks),
            (
                "redirect-sinks",
                Role::Sink("redirect"),
                &self.redirect_sinks,
            ),
            ("code-sinks", Role::Sink("code"), &self.code_sinks),
            ("url-sinks", Role::Sink("url"), &self.url_sinks),
            ("html-sinks", Role::Sink("html"), &self.html_sinks),
            (
                "request-sources",
                Role::Value("source.request"),
                &self.request_sources,
            ),
            (
                "sql-sanitizers",
                Role::Value("sanitizer.sql"),
                &self.sql_sanitizers,
            ),
            (
                "shell-sanitizers",
                Role::Value("sanitizer.shell"),
                &self.shell_sanitizers,
            ),
            (
                "path-sanitizers",
                Role::Value("sanitizer.path"),
                &self.path_sanitizers,
            ),
            (
                "html-sanitizers",
                Role::Value("sanitizer.html"),
                &self.html_sanitizers,
            ),
            (
                "validators",
                Role::Value("sanitizer.validate"),
                &self.validators,
            ),
        ]
    }
}

/// What a `[dataflow]` function is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A sink of this kind (`@sink.<kind>` on the first argument).
    Sink(&'static str),
    /// A call whose value is this capture (`@source.request`, `@sanitizer.sql`).
    Value(&'static str),
}

/// The JSON schema of the file, for `docs/shipshape.schema.json`.
pub(crate) fn json_schema() -> String {
    let schema = schemars::schema_for!(Config);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

impl Config {
    /// Whether a rule runs: not disabled by its id or its family.
    pub(crate) fn enabled(&self, rule: &RuleMeta) -> bool {
        !self
            .rules
            .disable
            .iter()
            .any(|d| d.value() == rule.id || d.value() == rule.family.tag())
    }

    /// Drop the results of disabled rules and of ignored paths, and set configured levels.
    pub(crate) fn apply(
        &self,
        result: &mut shipshape_core::ScanResult,
        rules: &[&'static RuleMeta],
    ) {
        let meta = |id: &str| rules.iter().copied().find(|r| r.id == id);
        let ignores: Vec<(globset::GlobSet, &Ignore)> = self
            .ignore
            .iter()
            .map(|ignore| {
                let mut set = globset::GlobSetBuilder::new();
                for glob in &ignore.paths {
                    // Checked when the file was read.
                    if let Ok(glob) = globset::Glob::new(glob.value()) {
                        set.add(glob);
                    }
                }
                (
                    set.build().unwrap_or_else(|_| globset::GlobSet::empty()),
                    ignore,
                )
            })
            .collect();
        result.findings.retain(|finding| {
            let Some(rule) = meta(finding.rule_id) else {
                return true;
            };
            if !self.enabled(rule) {
                return false;
            }
            !ignores.iter().any(|(paths, ignore)| {
                let covers_rule = ignore.rules.is_empty()
                    || ignore
                        .rules
                        .iter()
                        .any(|r| r.value() == rule.id || r.value() == rule.family.tag());
                covers_rule && paths.is_match(&finding.path)
            })
        });
        for finding in &mut result.findings {
            if let Some(level) = self.rules.levels.get(finding.rule_id) {
                finding.level = (*level.value()).into();
            }
        }
    }
}
