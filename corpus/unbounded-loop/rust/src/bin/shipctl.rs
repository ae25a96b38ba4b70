//! `shipctl`: the operator's command-line tool (an interactive shell, `watch`, `tail`,
//! `export` and `migrate`).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::process::exit;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use notify::{RecursiveMode, Watcher};

use shipctl::client::{ApiClient, ExportStatus};
use shipctl::decode::Decoder;
use shipctl::migrate::Migration;

/// The interactive shell: one command per line, `quit` or end of input leaves.
fn shell(client: &ApiClient) -> Result<()> {
    let stdin = io::stdin();
    let mut line = String::new();
    loop { // ok: unbounded-loop
        print!("shipctl> ");
        io::stdout().flush()?;
        line.clear();
        if stdin.lock().read_line(&mut line)? == 0 {
            break;
        }
        match line.trim() {
            "" => continue,
            "quit" | "exit" => break,
            "status" => println!("{}", client.status()?),
            other => eprintln!("unknown command: {other}"),
        }
    }
    Ok(())
}

/// The read-only shell of the support build: it ignores input errors and end of input.
fn support_shell(client: &ApiClient) {
    let stdin = io::stdin();
    let mut line = String::new();
    loop { // expect: unbounded-loop
        line.clear();
        if let Err(e) = stdin.lock().read_line(&mut line) {
            eprintln!("read error: {e}");
            continue;
        }
        match line.trim() {
            "status" => match client.status() {
                Ok(status) => println!("{status}"),
                Err(e) => eprintln!("error: {e}"),
            },
            "help" => println!("commands: status"),
            _ => {}
        }
    }
}

/// Rebuilds the site whenever a file under `root` changes.
fn watch(root: PathBuf) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    loop { // expect: unbounded-loop
        match rx.recv() {
            Ok(Ok(event)) => {
                if event.paths.iter().any(|p| p.extension().is_some_and(|e| e == "md")) {
                    rebuild(&root);
                }
            }
            Ok(Err(e)) => eprintln!("watch error: {e}"),
            Err(e) => eprintln!("watcher gone: {e}"),
        }
    }
}

/// `tail -f` for the service log; stops on Ctrl-C.
fn tail(path: PathBuf) -> Result<()> {
    let running = Arc::new(AtomicBool::new(true));
    let handler_flag = running.clone();
    ctrlc::set_handler(move || handler_flag.store(false, Ordering::SeqCst))?;
    let mut file = File::open(&path).with_context(|| format!("opening {}", path.display()))?;
    file.seek(SeekFrom::End(0))?;
    let mut reader = BufReader::new(file);
    let mut line = String::new();
    while running.load(Ordering::SeqCst) { // ok: unbounded-loop
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            thread::sleep(Duration::from_millis(200));
            continue;
        }
        print!("{line}");
    }
    Ok(())
}

/// The old `tail` of the support build: Ctrl-C sets a flag that the loop reads.
fn tail_legacy(path: PathBuf) -> Result<()> {
    let mut interrupted = false;
    ctrlc::set_handler(move || {
        interrupted = true;
    })?;
    let mut reader = BufReader::new(File::open(&path)?);
    let mut line = String::new();
    while !interrupted { // todo-expect: unbounded-loop
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => thread::sleep(Duration::from_millis(200)),
            Ok(_) => print!("{line}"),
        }
    }
    Ok(())
}

/// Waits for an export to finish and prints its download URL.
fn export(client: &ApiClient, id: u64) -> Result<()> {
    let started = Instant::now();
    loop { // ok: unbounded-loop
        match client.export_status(id)? {
            ExportStatus::Ready(url) => {
                println!("{url}");
                return Ok(());
            }
            ExportStatus::Failed(reason) => bail!("export {id} failed: {reason}"),
            ExportStatus::Pending => {}
        }
        ensure!(started.elapsed() < Duration::from_secs(600), "export {id} timed out");
        thread::sleep(Duration::from_secs(2));
    }
}

/// Applies pending migrations; a failed one stops the tool with its exit code.
fn migrate(client: &ApiClient, mut pending: Vec<Migration>) {
    loop { // ok: unbounded-loop
        let Some(migration) = pending.pop() else {
            println!("up to date");
            exit(0);
        };
        if let Err(e) = client.apply(&migration) {
            eprintln!("migration {} failed: {e}", migration.name);
            std::process::exit(3);
        }
    }
}

/// Shows a spinner until the deploy finishes.
fn wait_deploy(client: &ApiClient, deploy: u64) {
    let frames = ['|', '/', '-', '\\'];
    let mut i = 0;
    while true { // expect: unbounded-loop
        eprint!("\r{} deploying {deploy}", frames[i % frames.len()]);
        if let Ok(state) = client.deploy_state(deploy) {
            if state.is_final() {
                eprintln!("\r{state}");
            }
        }
        i += 1;
        thread::sleep(Duration::from_millis(120));
    }
}

/// Same spinner, leaving once the state is final.
fn wait_deploy_done(client: &ApiClient, deploy: u64) {
    let frames = ['|', '/', '-', '\\'];
    let mut i = 0;
    while true { // ok: unbounded-loop
        eprint!("\r{} deploying {deploy}", frames[i % frames.len()]);
        if let Ok(state) = client.deploy_state(deploy) {
            if state.is_final() {
                eprintln!("\r{state}");
                break;
            }
        }
        i += 1;
        thread::sleep(Duration::from_millis(120));
    }
}

/// Decodes a dump from stdin; the decoder says when it has seen the trailer.
fn decode_dump(decoder: &mut Decoder) {
    let stdin = io::stdin();
    let mut finished = false;
    let mut chunk = Vec::with_capacity(64 * 1024);
    while !finished { // ok: unbounded-loop
        chunk.clear();
        let n = stdin.lock().read_until(b'\n', &mut chunk).unwrap_or(0);
        decoder.feed(&chunk[..n], &mut finished);
    }
}

/// Reads the confirmation of a destructive command.
fn confirm(prompt: &str) -> bool {
    let mut answer = String::new();
    let mut valid = false;
    while !valid { // ok: unbounded-loop
        print!("{prompt} [y/n] ");
        let _ = io::stdout().flush();
        answer.clear();
        if io::stdin().read_line(&mut answer).unwrap_or(0) == 0 {
            return false;
        }
        valid = matches!(answer.trim(), "y" | "n");
    }
    answer.trim() == "y"
}

fn main() {
    let client = ApiClient::from_env();
    let args: Vec<String> = std::env::args().collect();
    let result = match args.get(1).map(String::as_str) {
        Some("shell") => shell(&client),
        Some("watch") => watch(PathBuf::from(args.get(2).map_or(".", String::as_str))),
        Some("tail") => tail(PathBuf::from("/var/log/ship/service.log")),
        Some("export") => export(&client, args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0)),
        _ => {
            eprintln!("usage: shipctl shell|watch|tail|export");
            exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        exit(1);
    }
}
