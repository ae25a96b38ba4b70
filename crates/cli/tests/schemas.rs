//! The SARIF schemas the tests validate against are vendored here so a fresh clone can run
//! them; when the project's shared copy is beside the checkout, it must match.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::path::Path;

#[test]
fn vendored_schemas_match_the_shared_copies() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/sarif");
    if !shared.is_dir() {
        eprintln!("no shared/sarif beside the checkout; nothing to compare");
        return;
    }
    for name in [
        "sarif-schema-2.1.0.json",
        "shipshape-github-profile.schema.json",
    ] {
        let ours = std::fs::read(here.join(name)).unwrap();
        let theirs = std::fs::read(shared.join(name)).unwrap();
        assert!(
            ours == theirs,
            "{name} differs from shared/sarif: copy it again"
        );
    }
}
