//! A progress bar on standard error, only on a terminal and never with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use shipshape_scan::ScanObserver;
use std::io::IsTerminal;
use std::sync::OnceLock;

/// Draws a bar once discovery says how many files there are.
#[derive(Debug)]
pub(crate) struct ProgressBarObserver {
    enabled: bool,
    bar: OnceLock<ProgressBar>,
}

impl ProgressBarObserver {
    pub(crate) fn new(quiet: bool) -> Self {
        ProgressBarObserver {
            enabled: !quiet && std::io::stderr().is_terminal(),
            bar: OnceLock::new(),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

impl ScanObserver for ProgressBarObserver {
    fn discovered(&self, files: usize) {
        if !self.enabled {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} scanning [{bar:30}] {pos}/{len} files ({eta})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        let _ = self.bar.set(bar);
    }

    fn file_done(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }
}
