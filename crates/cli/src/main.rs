//! The `shipshape` binary: parses the command line, wires the crates together, and maps the
//! outcome to an exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage or internal
//! error). Only this crate uses `anyhow` and prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod batch;
mod changed;
mod commands;
mod config;
mod dataflow_packs;
mod packs;
mod progress;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
