//! Paths as SARIF URIs: repo-relative, `/`-separated, percent-encoded (RFC 3986).

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::path::Path;

/// Characters escaped in a path segment: everything but unreserved characters and sub-delims
/// that are safe in paths.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b':')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A repo-relative `/`-separated path as a relative URI reference.
pub(crate) fn relative_uri(path: &str) -> String {
    path.split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// An absolute folder as a `file://` URI ending in `/` (SARIF `originalUriBaseIds`).
pub(crate) fn folder_uri(folder: &Path) -> String {
    let mut path = folder.to_string_lossy().replace('\\', "/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    let encoded: Vec<String> = path
        .split('/')
        .enumerate()
        // A Windows drive letter keeps its colon (`/C:/repo/`).
        .map(|(i, s)| match i {
            1 if s.len() == 2 && s.ends_with(':') => s.to_string(),
            _ => relative_uri(s),
        })
        .collect();
    format!("file://{}", encoded.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_encoded() {
        assert_eq!(relative_uri("src/my file#1.py"), "src/my%20file%231.py");
        assert_eq!(relative_uri("app/[id]/page.tsx"), "app/%5Bid%5D/page.tsx");
        assert_eq!(relative_uri("a:b/c.py"), "a%3Ab/c.py");
        assert_eq!(folder_uri(Path::new("/work/repo")), "file:///work/repo/");
    }
}
