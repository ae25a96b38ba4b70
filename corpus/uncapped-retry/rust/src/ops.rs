//! Operational helpers: the exporter subprocess and the metrics socket.

use std::io::Write;
use std::net::TcpStream;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};

const EXPORT_ATTEMPTS: u32 = 4;

pub fn run_export() -> Result<()> {
    loop { // expect: uncapped-retry
        let status = Command::new("relay-export").arg("--all").status();
        match status {
            Ok(s) if s.success() => return Ok(()),
            Ok(_) | Err(_) => thread::sleep(Duration::from_secs(10)),
        }
    }
}

pub fn run_export_capped() -> Result<()> {
    let mut runs = 0;
    loop { // ok: uncapped-retry
        match Command::new("relay-export").arg("--all").output() {
            Ok(out) if out.status.success() => return Ok(()),
            Ok(_) => return Err(anyhow!("exporter failed")),
            Err(err) => {
                runs += 1;
                if runs == EXPORT_ATTEMPTS {
                    return Err(err.into());
                }
                thread::sleep(Duration::from_secs(runs as u64));
            }
        }
    }
}

pub fn send_metrics(addr: &str, line: &str) -> Result<()> {
    loop { // expect: uncapped-retry
        let Ok(mut stream) = TcpStream::connect(addr) else {
            continue;
        };
        stream.write_all(line.as_bytes())?;
        return Ok(());
    }
}

pub fn send_metrics_until(addr: &str, line: &str, deadline: Instant) -> Result<()> {
    loop { // expect: uncapped-retry
        match TcpStream::connect_timeout(&addr.parse()?, Duration::from_secs(1)) {
            Ok(mut stream) => {
                stream.write_all(line.as_bytes())?;
                return Ok(());
            }
            Err(err) => {
                if Instant::now() > deadline {
                    return Err(err.into());
                }
            }
        }
    }
}

pub fn wait_for_socket(addr: &str) -> Result<TcpStream> {
    loop { // ok: uncapped-retry
        match TcpStream::connect(addr) {
            Ok(stream) => break Ok(stream),
            Err(err) => break Err(err.into()),
        }
    }
}

pub fn run_migrations() -> Result<()> {
    let mut cmd = Command::new("sqlx");
    cmd.args(["migrate", "run"]);
    let mut migrated = false;
    while !migrated { // expect: uncapped-retry
        migrated = cmd.status().map(|s| s.success()).unwrap_or_else(|_| false);
    }
    Ok(())
}

pub fn connect_while_refused(addr: &str) -> TcpStream {
    while let Err(_) = TcpStream::connect(addr) { // todo-expect: uncapped-retry
        thread::sleep(Duration::from_millis(250));
    }
    TcpStream::connect(addr).expect("metrics socket just accepted a connection")
}
