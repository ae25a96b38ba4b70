//! The fleet manifest: one `[[repo]]` table per repository, read strictly (an unknown key, a
//! duplicate name or a repository with both or neither of `path` and `url` is an error naming
//! the manifest and the repository) before anything is scanned.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Where a repository's files come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A local checkout (absolute, resolved against the manifest's folder).
    Path(PathBuf),
    /// A git remote, cloned or fetched shallowly into the work folder.
    Git {
        /// What `git fetch` is given.
        url: String,
        /// A branch, tag or commit; the remote's default branch when left out.
        rev: Option<String>,
    },
}

/// One repository of the fleet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    /// Unique name: the output is `<name>.sarif`.
    pub name: String,
    /// Where its files are.
    pub source: Source,
    /// SARIF `automationDetails.id` category (`<category>/`); the name when left out.
    pub category: String,
    /// A configuration file to use instead of the repository's own `shipshape.toml`
    /// (absolute, resolved against the manifest's folder).
    pub config: Option<PathBuf>,
    /// gitignore-style globs left out, on top of the configuration's.
    pub exclude: Vec<String>,
}

/// The whole manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The file it was read from.
    pub path: PathBuf,
    /// Its repositories, in file order.
    pub repos: Vec<Repo>,
}

/// A manifest that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The file cannot be read.
    #[error("cannot read the manifest '{}': {error}", path.display())]
    Read {
        /// The manifest.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// Not TOML of the expected shape.
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The manifest.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A repository entry is wrong.
    #[error("{}: repository '{name}': {message}", path.display())]
    Repo {
        /// The manifest.
        path: PathBuf,
        /// The repository (or its position when it has no name).
        name: String,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    repo: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    path: Option<String>,
    url: Option<String>,
    rev: Option<String>,
    category: Option<String>,
    config: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

impl Manifest {
    /// Read and check the manifest at `path`.
    pub fn load(path: &Path) -> Result<Manifest, ManifestError> {
        let text = std::fs::read_to_string(path).map_err(|error| ManifestError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        Self::parse(path, &text)
    }

    /// Check a manifest's text; relative paths are resolved against `path`'s folder.
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, ManifestError> {
        let file: File = toml::from_str(text).map_err(|e| ManifestError::Syntax {
            path: path.to_path_buf(),
            line: e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            }),
            message: e.message().trim().replace('\n', " "),
        })?;
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        let mut repos: Vec<Repo> = Vec::new();
        for entry in file.repo {
            let bad = |message: String| ManifestError::Repo {
                path: path.to_path_buf(),
                name: entry.name.clone(),
                message,
            };
            if !valid_name(&entry.name) {
                return Err(bad(
                    "a name is 1 to 100 letters, digits, '.', '_' or '-', not starting with '.' (it names the output file)".to_string(),
                ));
            }
            if repos.iter().any(|r| r.name == entry.name) {
                return Err(bad(
                    "the name is used twice; names must be unique".to_string()
                ));
            }
            let source = match (&entry.path, &entry.url) {
                (Some(local), None) => {
                    if entry.rev.is_some() {
                        return Err(bad("`rev` goes with `url`, not `path`".to_string()));
                    }
                    Source::Path(folder.join(local))
                }
                (None, Some(url)) => Source::Git {
                    url: url.clone(),
                    rev: entry.rev.clone(),
                },
                _ => return Err(bad("give exactly one of `path` and `url`".to_string())),
            };
            repos.push(Repo {
                category: entry.category.clone().unwrap_or_else(|| entry.name.clone()),
                name: entry.name,
                source,
                config: entry.config.map(|c| folder.join(c)),
                exclude: entry.exclude,
            });
        }
        Ok(Manifest {
            path: path.to_path_buf(),
            repos,
        })
    }
}

/// A name that is safe as a file name on every system.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn paths_resolve_against_the_manifest_and_category_defaults_to_the_name() {
        let manifest = Manifest::parse(
            Path::new("/fleet/fleet.toml"),
            r#"
[[repo]]
name = "api"
path = "repos/api"
config = "configs/api.toml"
exclude = ["tests/**"]

[[repo]]
name = "web"
url = "file:///srv/web.git"
rev = "main"
category = "frontend"
"#,
        )
        .unwrap();
        assert_eq!(
            manifest.repos[0].source,
            Source::Path("/fleet/repos/api".into())
        );
        assert_eq!(manifest.repos[0].category, "api");
        assert_eq!(
            manifest.repos[0].config,
            Some(PathBuf::from("/fleet/configs/api.toml"))
        );
        assert_eq!(
            manifest.repos[1].source,
            Source::Git {
                url: "file:///srv/web.git".into(),
                rev: Some("main".into())
            }
        );
        assert_eq!(manifest.repos[1].category, "frontend");
    }

    #[test]
    fn mistakes_name_the_repository() {
        let error = |text: &str| {
            Manifest::parse(Path::new("f.toml"), text)
                .unwrap_err()
                .to_string()
        };
        assert!(error(
            "[[repo]]\nname = \"a\"\npath = \"x\"\n[[repo]]\nname = \"a\"\npath = \"y\"\n"
        )
        .contains("repository 'a': the name is used twice"));
        assert!(error("[[repo]]\nname = \"a\"\n").contains("exactly one of `path` and `url`"));
        assert!(error("[[repo]]\nname = \"../a\"\npath = \"x\"\n").contains("a name is"));
        assert!(
            error("[[repo]]\nname = \"a\"\npath = \"x\"\nbranch = \"y\"\n")
                .starts_with("f.toml:4: unknown field `branch`")
        );
    }
}
