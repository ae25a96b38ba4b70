//! Deploy agent: runs the release steps on a host.

use std::io;
use std::process::{Command, Output};

const APP_DIR: &str = "/srv/app";

fn shell(script: &str) -> io::Result<Output> {
    log::info!("sh -c {}", script);
    Command::new("sh").arg("-c").arg(script).output() // ok: command-injection
}

fn backup_command(database: &str) -> String {
    format!("pg_dump {} | gzip > /var/backups/{}.sql.gz", database, database)
}

pub fn checkout(branch: &str) -> io::Result<Output> {
    let mut script = String::from("set -e; ");
    script.push_str("cd /srv/app; ");
    script.push_str(&format!("git fetch origin && git checkout {}", branch));
    Command::new("sh")
        .arg("-c")
        .arg(&script) // expect: command-injection
        .current_dir(APP_DIR)
        .output()
}

pub fn pull_main() -> io::Result<Output> {
    let mut script = String::from("set -e; ");
    script.push_str("git fetch origin; ");
    script += "git reset --hard origin/main";
    Command::new("sh").arg("-c").arg(&script).current_dir(APP_DIR).output() // ok: command-injection
}

pub fn backup(database: &str) -> io::Result<Output> {
    Command::new("sh").arg("-c").arg(backup_command(database)).output() // expect: command-injection
}

pub fn backup_primary() -> io::Result<Output> {
    Command::new("sh").arg("-c").arg(backup_command("app_production")).output() // ok: command-injection
}

pub fn signal(pid: &str) -> io::Result<Output> {
    shell(&format!("kill -HUP {}", pid)) // expect: command-injection
}

pub fn reload_proxy() -> io::Result<Output> {
    shell("nginx -t && nginx -s reload") // ok: command-injection
}

pub fn restart(service: &str) -> io::Result<Output> {
    let unit = match service {
        "worker" => "app-worker.service",
        "scheduler" => "app-scheduler.service",
        _ => "app-web.service",
    };
    Command::new("sh").arg("-c").arg(format!("systemctl restart {} && systemctl is-active {}", unit, unit)).output() // ok: command-injection
}

pub fn tail_log(file: &str) -> io::Result<Output> {
    let line = String::from("tail -n 200 /var/log/app/") + file;
    Command::new("bash").args(["-c", &line]).output() // expect: command-injection
}

pub fn disk_report() -> io::Result<Output> {
    let script = "df -h /srv | tail -1";
    Command::new("bash").args(&["-c", script]).output() // ok: command-injection
}

pub fn list_release(dir: &str) -> io::Result<Output> {
    Command::new("ls").arg("-la").arg(dir).output() // ok: command-injection
}

pub fn set_author(name: &str) -> io::Result<Output> {
    Command::new("git").arg("-c").arg(format!("user.name={}", name)).arg("commit").arg("--amend").output() // ok: command-injection
}

pub fn run_hook(path: &str) -> io::Result<Output> {
    Command::new("sh").arg(path).current_dir(APP_DIR).output() // ok: command-injection
}
