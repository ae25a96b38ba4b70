//! `shipshape batch` and `shipshape merge` through the binary: a fleet of small git
//! repositories in all four languages (one given by a git URL, one with a broken
//! configuration, one missing), scanned twice with changes in between; shards merged; a
//! batch killed midway and continued; two batches sharing one cache at once; the HTML report
//! rendered in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

mod common;

use common::{read_valid_sarif, results, shipshape, stderr, write};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
}

/// A git repository at `dir` holding `files`.
fn repository(dir: &Path, files: &[(&str, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    for (path, text) in files {
        write(dir, path, text);
    }
    commit_all(dir, "init");
}

fn python(n: usize) -> String {
    format!("import os\n\n\ndef run_{n}(x):\n    os.system(\"ls \" + x)\n")
}

fn javascript(n: usize) -> String {
    format!("function q{n}(db, x) {{\n  return db.query(\"SELECT * FROM t WHERE a = '\" + x + \"'\");\n}}\nmodule.exports = {{ q{n} }};\n")
}

fn typescript(n: usize) -> String {
    format!("export function q{n}(db: any, x: string) {{\n  return db.query(`SELECT * FROM t WHERE a = ${{x}}`);\n}}\n")
}

fn rust(n: usize) -> String {
    format!("pub fn f{n}(conn: &rusqlite::Connection, x: &str) {{\n    conn.execute(&format!(\"DELETE FROM t WHERE a = {{}}\", x), []).unwrap();\n}}\n")
}

/// Copy a folder of the corpus into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in ignore::WalkBuilder::new(from).hidden(false).build() {
        let entry = entry.unwrap();
        if entry.file_type().is_some_and(|t| t.is_file()) {
            let relative = entry.path().strip_prefix(from).unwrap();
            let target = to.join(relative);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(path)
}

/// The fleet: 22 repositories in four languages, one given by URL, one with a broken
/// configuration, one whose path does not exist. Returns the manifest.
fn fleet(root: &Path) -> PathBuf {
    let mut manifest = String::new();
    let makers: [fn(usize) -> String; 4] = [python, javascript, typescript, rust];
    let extensions = ["py", "js", "ts", "rs"];
    for n in 0..19 {
        let kind = n % 4;
        let name = format!("svc-{n:02}");
        let mut files: Vec<(&str, String)> = Vec::new();
        let paths: Vec<String> = (0..3)
            .map(|i| format!("src/m{i}.{}", extensions[kind]))
            .collect();
        for (i, path) in paths.iter().enumerate() {
            files.push((path.as_str(), makers[kind](n * 10 + i)));
        }
        // A mixed repository: one file of the next language too.
        let extra = format!("tools/extra.{}", extensions[(kind + 1) % 4]);
        files.push((extra.as_str(), makers[(kind + 1) % 4](n * 10 + 9)));
        files.push(("README.md", format!("# {name}\n")));
        repository(&root.join("repos").join(&name), &files);
        manifest.push_str(&format!(
            "[[repo]]\nname = \"{name}\"\npath = \"repos/{name}\"\ncategory = \"fleet/{name}\"\n\n"
        ));
    }
    // Schema and queries in separate files: the missing-index join.
    let orders = root.join("repos/orders");
    copy_tree(&corpus("missing-index/pg-node-orders"), &orders);
    repository(&orders, &[]);
    manifest.push_str("[[repo]]\nname = \"orders\"\npath = \"repos/orders\"\n\n");
    // Given by URL: fetched into the work folder.
    let origin = root.join("origin/remote-api");
    repository(&origin, &[("api/app.py", python(900))]);
    manifest.push_str(&format!(
        "[[repo]]\nname = \"remote-api\"\nurl = \"file://{}\"\nrev = \"main\"\n\n",
        origin.display()
    ));
    // A configuration that does not parse.
    repository(
        &root.join("repos/broken-config"),
        &[
            ("app.py", python(950)),
            (
                "shipshape.toml",
                "[rules]\ndisabel = [\"sql-injection\"]\n".to_string(),
            ),
        ],
    );
    manifest.push_str("[[repo]]\nname = \"broken-config\"\npath = \"repos/broken-config\"\n\n");
    manifest.push_str("[[repo]]\nname = \"missing\"\npath = \"repos/not-there\"\n\n");
    let path = root.join("fleet.toml");
    std::fs::write(&path, manifest).unwrap();
    path
}

fn batch(root: &Path, args: &[&str]) -> Output {
    shipshape()
        .current_dir(root)
        .arg("batch")
        .args(args)
        .output()
        .unwrap()
}

fn summary(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
}

fn rows(summary: &Value) -> BTreeMap<String, Value> {
    summary["repositories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

fn count(row: &Value, key: &str) -> u64 {
    row[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} in {row}"))
}

/// `(uri, line, rule)` of every result of every SARIF file in `dir`, by repository.
fn all_results(dir: &Path) -> BTreeMap<String, Vec<(String, u64, String)>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "sarif") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.insert(name, results(&read_valid_sarif(&path)));
        }
    }
    out
}

#[test]
fn a_fleet_twice_with_changes_then_in_two_shards() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let manifest = fleet(root);
    let manifest = manifest.to_str().unwrap();
    let cache = root.join("cache");
    let cache = cache.to_str().unwrap();

    // Night 1.
    let first = batch(
        root,
        &[
            manifest,
            "--out",
            "night1",
            "--cache-dir",
            cache,
            "--run-id",
            "night-1",
        ],
    );
    assert_eq!(first.status.code(), Some(2), "{}", stderr(&first));
    let night1 = summary(&root.join("night1"));
    let by_name = rows(&night1);
    assert_eq!(by_name.len(), 23);
    for (name, row) in &by_name {
        let expected = if name == "broken-config" || name == "missing" {
            "failed"
        } else {
            "ok"
        };
        assert_eq!(row["status"], expected, "{name}: {row}");
    }
    let broken = by_name["broken-config"]["error"].as_str().unwrap();
    assert!(
        broken.contains("shipshape.toml:2:1: unknown key `disabel`"),
        "{broken}"
    );
    let missing = by_name["missing"]["error"].as_str().unwrap();
    assert!(missing.contains("does not exist"), "{missing}");
    assert_eq!(night1["totals"]["ok"], 21);
    assert_eq!(night1["totals"]["failed"], 2);
    for (name, row) in &by_name {
        if row["status"] == "ok" {
            assert!(count(row, "findings") > 0, "{name} has findings: {row}");
            assert_eq!(
                count(row, "new"),
                count(row, "findings"),
                "first run: all new"
            );
            assert_eq!(count(row, "files_cached"), 0);
        }
    }
    // Every SARIF validates against both schemas and carries its category.
    let sarif_files = all_results(&root.join("night1"));
    assert_eq!(
        sarif_files.len(),
        21,
        "one SARIF per repository that succeeded"
    );
    let log = read_valid_sarif(&root.join("night1/svc-03.sarif"));
    assert_eq!(log["runs"][0]["automationDetails"]["id"], "fleet/svc-03/");
    let log = read_valid_sarif(&root.join("night1/orders.sarif"));
    assert_eq!(log["runs"][0]["automationDetails"]["id"], "orders/");
    assert!(sarif_files["orders"]
        .iter()
        .any(|(uri, line, rule)| uri == "src/repositories/customers.js"
            && *line == 29
            && rule == "missing-index"));
    assert_eq!(sarif_files["remote-api"].len(), 1);

    // The day's changes: a new finding, a fixed one, an index that fixes a missing-index
    // finding (only the new migration is analysed, the join reads the rest from the cache),
    // and a new commit on the remote.
    let svc = root.join("repos/svc-00");
    write(&svc, "src/new.py", python(77));
    commit_all(&svc, "new finding");
    let svc = root.join("repos/svc-01");
    write(&svc, "src/m0.js", "module.exports = {};\n");
    commit_all(&svc, "fix");
    let orders = root.join("repos/orders");
    write(
        &orders,
        "db/migrations/20240501000000_customer_country.up.sql",
        "CREATE INDEX customers_country ON customers (country);\n",
    );
    commit_all(&orders, "index country");
    let origin = root.join("origin/remote-api");
    write(&origin, "api/admin.py", python(901));
    commit_all(&origin, "admin");

    // Night 2.
    let second = batch(
        root,
        &[
            manifest,
            "--out",
            "night2",
            "--cache-dir",
            cache,
            "--run-id",
            "night-2",
        ],
    );
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    let night2 = summary(&root.join("night2"));
    let by_name = rows(&night2);
    let changed = ["svc-00", "svc-01", "orders", "remote-api"];
    for (name, row) in &by_name {
        if row["status"] != "ok" {
            continue;
        }
        assert_eq!(row["compared"], true, "{name}");
        if !changed.contains(&name.as_str()) {
            assert_eq!(
                count(row, "files_analyzed"),
                0,
                "{name} is all cached: {row}"
            );
            assert!(count(row, "files_cached") >= 4, "{name}: {row}");
            assert_eq!((count(row, "new"), count(row, "fixed")), (0, 0), "{name}");
        }
    }
    let row = &by_name["svc-00"];
    assert_eq!((count(row, "new"), count(row, "fixed")), (1, 0), "{row}");
    assert_eq!(
        (count(row, "files_analyzed"), count(row, "files_cached")),
        (1, 4)
    );
    assert_eq!(row["new_findings"][0]["path"], "src/new.py");
    let row = &by_name["svc-01"];
    assert_eq!((count(row, "new"), count(row, "fixed")), (0, 1), "{row}");
    assert_eq!(row["fixed_findings"][0]["path"], "src/m0.js");
    let row = &by_name["orders"];
    assert_eq!((count(row, "new"), count(row, "fixed")), (0, 1), "{row}");
    assert_eq!(row["fixed_findings"][0]["rule"], "missing-index");
    assert_eq!(
        row["fixed_findings"][0]["path"],
        "src/repositories/customers.js"
    );
    assert_eq!(
        count(row, "files_analyzed"),
        1,
        "only the new migration: {row}"
    );
    let row = &by_name["remote-api"];
    assert_eq!((count(row, "new"), count(row, "fixed")), (1, 0), "{row}");
    assert_eq!(night2["totals"]["new"], 2);
    assert_eq!(night2["totals"]["fixed"], 2);
    assert!(night2["totals"]["files_cached"].as_u64().unwrap() > 80);
    let trend: Vec<&str> = night2["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["run"].as_str().unwrap())
        .collect();
    assert_eq!(trend, ["night-1", "night-2"]);
    let single = all_results(&root.join("night2"));
    assert_eq!(single.len(), 21);

    // The same night in two shards (own caches, as on two machines, so no history of their
    // own: night 1's output stands in for it), balanced by night 2's sizes, then merged: the
    // same findings, new and fixed per repository.
    let mut in_shards = 0;
    for index in 0..2 {
        let shard = format!("{index}/2");
        let out = format!("shard{index}");
        let cache = format!("cache-shard{index}");
        let output = batch(
            root,
            &[
                manifest,
                "--out",
                &out,
                "--cache-dir",
                &cache,
                "--shard",
                &shard,
                "--sizes",
                "night2/summary.json",
                "--previous",
                "night1",
                "--run-id",
                "night-2",
            ],
        );
        assert!(
            matches!(output.status.code(), Some(1 | 2)),
            "{}",
            stderr(&output)
        );
        let part = rows(&summary(&root.join(&out)));
        assert!(!part.is_empty(), "shard {shard} has no repository");
        in_shards += part.len();
    }
    assert_eq!(in_shards, 23, "every repository in exactly one shard");
    let merged = shipshape()
        .current_dir(root)
        .args(["merge", "shard0", "shard1", "--out", "merged"])
        .output()
        .unwrap();
    assert_eq!(merged.status.code(), Some(2), "{}", stderr(&merged));
    let merged_summary = summary(&root.join("merged"));
    assert_eq!(merged_summary["shards"], serde_json::json!(["0/2", "1/2"]));
    assert_eq!(merged_summary["totals"]["repositories"], 23);
    assert_eq!(
        merged_summary["totals"]["findings"],
        night2["totals"]["findings"]
    );
    let merged_rows = rows(&merged_summary);
    for (name, row) in rows(&night2) {
        assert_eq!(merged_rows[&name]["status"], row["status"], "{name}");
        assert_eq!(merged_rows[&name]["findings"], row["findings"], "{name}");
        assert_eq!(merged_rows[&name]["rules"], row["rules"], "{name}");
        assert_eq!(merged_rows[&name]["new"], row["new"], "{name}");
        assert_eq!(merged_rows[&name]["fixed"], row["fixed"], "{name}");
    }
    assert_eq!(all_results(&root.join("merged")), single);
    let runs = |s: &Value| -> Vec<String> {
        s["trend"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!("{} {}", p["run"], p["findings"]))
            .collect()
    };
    assert_eq!(runs(&merged_summary), runs(&night2));
    let html = std::fs::read_to_string(root.join("merged/report.html")).unwrap();
    assert!(html.contains("<table class=\"fleet\">") && html.contains("shards 0/2, 1/2"));
}

/// A fleet of `repos` repositories with `files` Python files each (some SQL injections).
fn busy_fleet(root: &Path, repos: usize, files: usize) -> PathBuf {
    let mut manifest = String::new();
    for r in 0..repos {
        let dir = root.join(format!("repos/r{r}"));
        for f in 0..files {
            // Each repository's files differ: the cache shares identical files across them.
            let mut text = format!("REPOSITORY = {r}\n\n\n");
            for g in 0..12 {
                text.push_str(&format!(
                    "def get_{g}(cur, x):\n    if x:\n        for i in range(10):\n            cur.execute(\"SELECT * FROM t{g} WHERE a = %s\", (x,))\n    return cur.fetchall()\n\n\n"
                ));
            }
            if f % 10 == 0 {
                text.push_str("def bad(cur, x):\n    cur.execute(\"SELECT * FROM t WHERE a = '\" + x + \"'\")\n");
            }
            write(&dir, &format!("pkg/m{f}.py"), text);
        }
        manifest.push_str(&format!(
            "[[repo]]\nname = \"r{r}\"\npath = \"repos/r{r}\"\n\n"
        ));
    }
    let path = root.join("fleet.toml");
    std::fs::write(&path, manifest).unwrap();
    path
}

fn integrity(cache: &Path) -> String {
    let connection = rusqlite::Connection::open(cache.join("shipshape-cache.sqlite")).unwrap();
    connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

fn cached_files(cache: &Path) -> i64 {
    let connection = rusqlite::Connection::open(cache.join("shipshape-cache.sqlite")).unwrap();
    connection
        .query_row("SELECT count(*) FROM files", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_killed_batch_leaves_a_sound_cache_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let manifest = busy_fleet(root, 5, 300);
    let cache = root.join("cache");
    let mut child = shipshape()
        .current_dir(root)
        .arg("batch")
        .arg(&manifest)
        .args(["--out", "out", "--threads", "1", "--cache-dir"])
        .arg(&cache)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no clean-up of any kind) once the first repository is done.
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("[1/5] "), "{first}");
    // The cache writer commits at least every 200 ms: let some of the second repository's
    // files be committed (each repository takes about a second).
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the batch must still be running when it is killed"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(integrity(&cache), "ok");
    let saved = cached_files(&cache);
    assert!(
        saved >= 300,
        "the finished repository's files were committed: {saved}"
    );

    // Run again: the same run continues, the finished repository is kept, the files already
    // committed are not analysed again.
    let again = batch(
        root,
        &[
            manifest.to_str().unwrap(),
            "--out",
            "out",
            "--cache-dir",
            cache.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("continuing run"),
        "{}",
        stderr(&again)
    );
    let resumed = summary(&root.join("out"));
    assert_eq!(resumed["totals"]["ok"], 5);
    let scanned_again: u64 = rows(&resumed)
        .values()
        .map(|r| count(r, "files_analyzed") + count(r, "files_cached"))
        .sum();
    assert_eq!(scanned_again, 1500);
    let reused: u64 = rows(&resumed)
        .values()
        .map(|r| count(r, "files_cached"))
        .sum();
    assert!(
        reused > 0,
        "files committed before the kill come from the cache"
    );
    assert_eq!(integrity(&cache), "ok");

    // The results are those of a scan without any cache.
    let fresh = batch(
        root,
        &[
            manifest.to_str().unwrap(),
            "--out",
            "fresh",
            "--no-cache",
            "--cache-dir",
            root.join("other-cache").to_str().unwrap(),
        ],
    );
    assert_eq!(fresh.status.code(), Some(1), "{}", stderr(&fresh));
    assert_eq!(
        all_results(&root.join("out")),
        all_results(&root.join("fresh"))
    );
    let fresh_rows = rows(&summary(&root.join("fresh")));
    assert!(fresh_rows.values().all(|r| count(r, "files_cached") == 0));
}

#[test]
fn two_batches_share_one_cache_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let manifest = busy_fleet(root, 4, 40);
    let cache = root.join("cache");
    let spawn = |out: &str| {
        shipshape()
            .current_dir(root)
            .arg("batch")
            .arg(&manifest)
            .args(["--out", out, "--quiet", "--cache-dir"])
            .arg(&cache)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn("a");
    let b = spawn("b");
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    assert_eq!(a.status.code(), Some(1), "{}", stderr(&a));
    assert_eq!(b.status.code(), Some(1), "{}", stderr(&b));
    assert_eq!(integrity(&cache), "ok");
    assert_eq!(cached_files(&cache), 160);
    assert_eq!(all_results(&root.join("a")), all_results(&root.join("b")));
    // A third run finds every file in the cache and nothing new.
    let third = batch(
        root,
        &[
            manifest.to_str().unwrap(),
            "--out",
            "c",
            "--cache-dir",
            cache.to_str().unwrap(),
        ],
    );
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    let totals = &summary(&root.join("c"))["totals"];
    assert_eq!(
        (
            totals["files_analyzed"].as_u64(),
            totals["files_cached"].as_u64()
        ),
        (Some(0), Some(160))
    );
    assert_eq!(all_results(&root.join("c")), all_results(&root.join("a")));
}

/// Every SARIF result of `log`, whole (message, fingerprints, related locations), with the
/// run-specific fields left out.
fn full_results(log: &Value) -> Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap().clone()
}

/// The missing-index mini-repositories of the corpus (SQL migrations, Alembic revisions in
/// their own order, Django, Prisma, Diesel, sqlx … with the queries in other files) as a fleet,
/// plus one of a migration and a query file only. A cold run, then a warm one: every file
/// comes from the cache, and the repository-level join over the cached facts gives exactly
/// the findings of the cold run and of `shipshape scan`.
#[test]
fn the_schema_join_over_cached_facts_equals_a_cold_scan() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut manifest = String::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(corpus("missing-index")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            copy_tree(&entry.path(), &root.join("repos").join(&name));
            names.push(name);
        }
    }
    write(
        root,
        "repos/tiny/db/migrations/001_users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, team_id bigint);\n\
         CREATE INDEX users_team ON users (team_id);\n",
    );
    write(
        root,
        "repos/tiny/app/users.py",
        "def by_email(cur, email):\n    cur.execute(\"SELECT id FROM users WHERE email = %s\", (email,))\n    return cur.fetchone()\n\n\ndef by_team(cur, team):\n    cur.execute(\"SELECT id FROM users WHERE team_id = %s\", (team,))\n    return cur.fetchall()\n",
    );
    names.push("tiny".to_string());
    names.sort();
    for name in &names {
        manifest.push_str(&format!(
            "[[repo]]\nname = \"{name}\"\npath = \"repos/{name}\"\n\n"
        ));
    }
    write(root, "fleet.toml", manifest);
    let run = |out: &str| {
        let output = batch(
            root,
            &[
                "fleet.toml",
                "--out",
                out,
                "--cache-dir",
                "cache",
                "--fail-on",
                "none",
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        rows(&summary(&root.join(out)))
    };
    let cold = run("cold");
    let warm = run("warm");
    let mut join_findings = 0;
    for name in &names {
        let (c, w) = (&cold[name], &warm[name]);
        assert_eq!(c["status"], "ok", "{name}: {c}");
        assert!(count(c, "files_analyzed") > 0, "{name}: {c}");
        assert_eq!(count(w, "files_analyzed"), 0, "{name} is all cached: {w}");
        assert_eq!(
            count(w, "files_cached"),
            count(c, "files_analyzed"),
            "{name}"
        );
        let cold_log = read_valid_sarif(&root.join(format!("cold/{name}.sarif")));
        let warm_log = read_valid_sarif(&root.join(format!("warm/{name}.sarif")));
        // A plain scan of the repository, to compare with.
        let scanned = shipshape()
            .current_dir(root.join("repos").join(name))
            .args([
                "scan",
                ".",
                "--format",
                "sarif",
                "--output",
                "../../scan.sarif",
            ])
            .output()
            .unwrap();
        assert!(
            matches!(scanned.status.code(), Some(0 | 1)),
            "{}",
            stderr(&scanned)
        );
        let scan_log = read_valid_sarif(&root.join("scan.sarif"));
        for (what, log) in [("the warm batch", &warm_log), ("scan", &scan_log)] {
            // The short form first, for a readable failure; then every field.
            assert_eq!(results(log), results(&cold_log), "{name}: {what} vs cold");
            assert!(
                full_results(log) == full_results(&cold_log),
                "{name}: {what} and the cold batch differ in messages, fingerprints or related locations"
            );
        }
        let missing = results(&warm_log)
            .into_iter()
            .filter(|(_, _, rule)| rule == "missing-index")
            .count();
        assert_eq!(
            (count(w, "new"), count(w, "fixed")),
            (0, 0),
            "{name}: nothing changed"
        );
        join_findings += missing;
    }
    let tiny = results(&read_valid_sarif(&root.join("warm/tiny.sarif")));
    assert_eq!(
        tiny,
        [("app/users.py".to_string(), 2, "missing-index".to_string())],
        "email has no index, team_id has one"
    );
    assert!(
        join_findings > 20,
        "the corpus has many missing-index findings: {join_findings}"
    );
}

#[test]
fn a_broken_manifest_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "fleet.toml", "[[repo]]\nname = \"a\"\n");
    let output = batch(
        dir.path(),
        &["fleet.toml", "--out", "out", "--cache-dir", "c"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("repository 'a': give exactly one of `path` and `url`"),
        "{}",
        stderr(&output)
    );
    let output = batch(
        dir.path(),
        &["fleet.toml", "--out", "out", "--shard", "2/2"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a shard"),
        "{}",
        stderr(&output)
    );
}

/// Headless Chromium: `$SHIPSHAPE_CHROMIUM`, else `chromium` on the PATH. `.ci/run` installs
/// Debian's package when it is missing and sets `SHIPSHAPE_REQUIRE_CHROMIUM`, so CI never
/// skips this; elsewhere the test says it is skipped.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SHIPSHAPE_CHROMIUM") {
        return Some(path.into());
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("SHIPSHAPE_REQUIRE_CHROMIUM").is_none(),
            "SHIPSHAPE_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!("skipped: no chromium (apt-get install chromium, or set SHIPSHAPE_CHROMIUM)");
    }
    found
}

/// `(width, height, RGB pixels)` of a PNG file.
fn pixels(path: &Path) -> (usize, usize, Vec<[u8; 3]>) {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let rgb = buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|p| match channels {
            1 | 2 => [p[0], p[0], p[0]],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    (info.width as usize, info.height as usize, rgb)
}

fn near(pixel: [u8; 3], hex: &str) -> bool {
    let channel = |i: usize| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap();
    (0..3).all(|i| pixel[i].abs_diff(channel(i)) <= 8)
}

#[test]
fn the_report_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut manifest = String::new();
    let makers: [fn(usize) -> String; 4] = [python, javascript, typescript, rust];
    for n in 0..5 {
        let name = format!("app-{n}");
        let extension = ["py", "js", "ts", "rs", "py"][n];
        repository(
            &root.join(&name),
            &[(&format!("src/main.{extension}"), makers[n % 4](n))],
        );
        manifest.push_str(&format!(
            "[[repo]]\nname = \"{name}\"\npath = \"{name}\"\n\n"
        ));
    }
    manifest.push_str("[[repo]]\nname = \"gone-1\"\npath = \"nowhere-1\"\n\n");
    manifest.push_str("[[repo]]\nname = \"gone-2\"\npath = \"nowhere-2\"\n\n");
    std::fs::write(root.join("fleet.toml"), manifest).unwrap();
    for night in ["night-1", "night-2"] {
        let output = batch(
            root,
            &[
                "fleet.toml",
                "--out",
                "out",
                "--cache-dir",
                "cache",
                "--run-id",
                night,
            ],
        );
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    }

    let shot = root.join("shot.png");
    let output = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--window-size=1400,1000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            root.join("profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", root.join("out/report.html").display()))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        shot.is_file(),
        "chromium wrote no screenshot: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (width, height, image) = pixels(&shot);
    assert_eq!((width, height), (1400, 1000));

    // Not blank: ink on the page, in more than a handful of colours.
    let ink = image.iter().filter(|p| !near(**p, "#ffffff")).count();
    assert!(
        ink * 100 > image.len(),
        "the page is nearly blank: {ink} pixels"
    );
    let colours: std::collections::HashSet<[u8; 3]> = image.iter().copied().collect();
    assert!(colours.len() > 16, "only {} colours", colours.len());

    // The fleet table: its status column is the pixel column with most status colours;
    // down that column, one run of colour per repository, ok and failed as the summary says,
    // under a header row in the table-header grey.
    let at = |x: usize, y: usize| image[y * width + x];
    let status = |p: [u8; 3]| near(p, "#2e7d32") || near(p, "#c62828");
    let column = (0..width)
        .max_by_key(|&x| (0..height).filter(|&y| status(at(x, y))).count())
        .unwrap();
    let mut runs: Vec<(&str, usize)> = Vec::new();
    let mut previous = "";
    for y in 0..height {
        let kind = match at(column, y) {
            p if near(p, "#2e7d32") => "ok",
            p if near(p, "#c62828") => "failed",
            _ => "",
        };
        if !kind.is_empty() && kind != previous {
            runs.push((kind, y));
        }
        previous = kind;
    }
    let kinds: Vec<&str> = runs.iter().map(|r| r.0).collect();
    // Rows are sorted by name: app-0 … app-4, then gone-1 and gone-2.
    assert_eq!(kinds, ["ok", "ok", "ok", "ok", "ok", "failed", "failed"]);
    let gaps: Vec<usize> = runs.windows(2).map(|w| w[1].1 - w[0].1).collect();
    assert!(
        gaps.iter().all(|&g| (18..60).contains(&g)),
        "one table row each: {gaps:?}"
    );
    let first_row = runs[0].1;
    let header = (first_row.saturating_sub(60)..first_row)
        .flat_map(|y| (column..(column + 400).min(width)).map(move |x| (x, y)))
        .filter(|&(x, y)| near(at(x, y), "#f6f8fa"))
        .count();
    assert!(
        header > 1000,
        "a header row above the first repository: {header} pixels"
    );
}

fn yaml_documents(relative: &str) -> Vec<yaml_rust2::Yaml> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    yaml_rust2::YamlLoader::load_from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `script` with the pod's mount points `/data` and `/fleet` moved under `root`. A mount point
/// is only replaced where a path starts and as a whole name (`/fleet/fleet.toml` is one path).
fn pod_paths(script: &str, root: &Path) -> String {
    let is_name = |c: char| c.is_alphanumeric() || "._-".contains(c);
    let mut out = String::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        let starts_path = !out.ends_with(|p: char| is_name(p) || "/$}".contains(p));
        let mount = ["/data", "/fleet"].into_iter().find(|m| {
            starts_path
                && rest.starts_with(m)
                && !rest[m.len()..].starts_with(|n: char| n.is_alphanumeric() || n == '_')
        });
        if let Some(mount) = mount {
            out.push_str(&root.join(&mount[1..]).display().to_string());
            rest = &rest[mount.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Run one of the Kubernetes example's container scripts the way its pod would, with the
/// volumes as folders under `root` and this build's `shipshape` on the PATH.
fn run_pod_script(root: &Path, container: &yaml_rust2::Yaml, env: &[(&str, String)]) -> i32 {
    let script = pod_paths(container["args"][0].as_str().unwrap(), root);
    let bin = Path::new(env!("CARGO_BIN_EXE_shipshape")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut command = Command::new("/bin/sh");
    command.arg("-c").arg(script).env("PATH", path);
    for variable in container["env"].as_vec().unwrap() {
        command.env(
            variable["name"].as_str().unwrap(),
            variable["value"].as_str().unwrap(),
        );
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.status.code().unwrap()
}

#[test]
fn the_kubernetes_indexed_job_and_its_merge_run_as_written() {
    let documents = yaml_documents("docs/examples/kubernetes/fleet-scan.yaml");
    let scan = &documents[0];
    let merge = &documents[1];
    assert_eq!(scan["kind"].as_str(), Some("Job"));
    assert_eq!(scan["spec"]["completionMode"].as_str(), Some("Indexed"));
    let shards = scan["spec"]["completions"].as_i64().unwrap();
    let shard = &scan["spec"]["template"]["spec"]["containers"][0];
    let declared = shard["env"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|v| v["name"].as_str() == Some("SHARDS"))
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .parse::<i64>()
        .unwrap();
    assert_eq!(declared, shards, "SHARDS matches completions");
    let wait = &merge["spec"]["template"]["spec"]["initContainers"][0];
    let merger = &merge["spec"]["template"]["spec"]["containers"][0];

    // A small fleet in the ConfigMap's place.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut manifest = String::new();
    for n in 0..6 {
        let name = format!("app-{n}");
        repository(&root.join("repos").join(&name), &[("main.py", python(n))]);
        manifest.push_str(&format!(
            "[[repo]]\nname = \"{name}\"\npath = \"../repos/{name}\"\n\n"
        ));
    }
    write(root, "fleet/fleet.toml", manifest);

    for (night, expected) in [("night-1", 1), ("night-2", 0)] {
        let run = ("RUN_ID", night.to_string());
        for index in 0..shards {
            let status = run_pod_script(
                root,
                shard,
                &[run.clone(), ("JOB_COMPLETION_INDEX", index.to_string())],
            );
            assert_eq!(status, 0, "shard {index} of {night}");
        }
        for index in 0..shards {
            let written = root.join(format!("data/runs/{night}/shard-{index}/summary.json"));
            assert!(
                written.is_file(),
                "{} (the wait would not end)",
                written.display()
            );
        }
        assert_eq!(run_pod_script(root, wait, std::slice::from_ref(&run)), 0);
        // Night 1: everything is new (exit 1 with --fail-on error); night 2: nothing is.
        assert_eq!(run_pod_script(root, merger, &[run]), expected, "{night}");
        let merged = summary(&root.join("data/runs").join(night).join("fleet"));
        assert_eq!(merged["totals"]["ok"], 6);
        assert_eq!(merged["shards"].as_array().unwrap().len() as i64, shards);
        let previous = summary(&root.join("data/previous"));
        assert_eq!(previous["run"], night);
    }

    // A batch that cannot start (here a broken manifest) fails its pod instead of letting the
    // merge wait for a summary that never comes.
    write(root, "fleet/fleet.toml", "[[repo]]\nname = 1\n");
    let status = run_pod_script(
        root,
        shard,
        &[
            ("RUN_ID", "night-3".to_string()),
            ("JOB_COMPLETION_INDEX", "0".to_string()),
        ],
    );
    assert_ne!(status, 0, "a shard without a summary.json fails");
}

#[test]
fn the_github_actions_example_shards_then_merges() {
    let workflow = &yaml_documents("docs/examples/github-fleet-scan.yml")[0];
    let scan = &workflow["jobs"]["scan"];
    assert!(scan["strategy"]["matrix"]["shard"].as_vec().unwrap().len() >= 2);
    let steps = |job: &yaml_rust2::Yaml| -> String {
        job["steps"]
            .as_vec()
            .unwrap()
            .iter()
            .filter_map(|s| s["run"].as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let scan_script = steps(scan);
    assert!(scan_script.contains("shipshape batch fleet.toml"));
    assert!(scan_script.contains("--shard \"${{ matrix.shard }}/${{ strategy.job-total }}\""));
    let merge = &workflow["jobs"]["merge"];
    assert_eq!(merge["needs"].as_str(), Some("scan"));
    assert!(steps(merge).contains("shipshape merge shards/shard-*"));
}
