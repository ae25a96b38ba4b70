//! Async helpers for the media worker (tokio) and a Windows fallback.

use std::borrow::Cow;
use std::io;
use std::process::Output;

use tokio::process::Command;

pub async fn disk_usage(path: &str) -> io::Result<Output> {
    let cmd = "du -sh ".to_string() + path;
    Command::new("sh").arg("-c").arg(&cmd).output().await // expect: command-injection
}

pub async fn disk_usage_quoted(path: &str) -> io::Result<Output> {
    let quoted = shell_escape::escape(Cow::from(path));
    let cmd = "du -sh ".to_string() + &quoted;
    Command::new("sh").arg("-c").arg(&cmd).output().await // ok: command-injection
}

pub async fn thumbnail(src: &str, dst: &str) -> io::Result<Output> {
    Command::new("convert").args([src, "-resize", "320x320", dst]).output().await // ok: command-injection
}

pub async fn transcode(src: &str, bitrate: &str) -> io::Result<Output> {
    tokio::process::Command::new("/bin/bash")
        .args(["-c", &format!("ffmpeg -y -i {} -b:v {} /tmp/out.mp4", src, bitrate)]) // expect: command-injection
        .output()
        .await
}

pub async fn probe(src: &str) -> io::Result<Output> {
    let script = format!("ffprobe -v error -show_format {}", src);
    let mut cmd = Command::new("sh");
    // The shell and its -c are set up in a separate statement, which the pattern does not see.
    cmd.arg("-c").arg(&script); // todo-expect: command-injection
    cmd.output().await
}

pub async fn versions() -> io::Result<Output> {
    let script = "ffmpeg -version | head -1; convert -version | head -1";
    Command::new("sh").arg("-c").arg(script).output().await // ok: command-injection
}

pub fn open_folder_windows(folder: &str) -> io::Result<Output> {
    std::process::Command::new("cmd").args(["/C", &format!("explorer {}", folder)]).output() // expect: command-injection
}

pub fn open_folder_windows_argv(folder: &str) -> io::Result<Output> {
    std::process::Command::new("explorer").arg(folder).output() // ok: command-injection
}
