//! Running the `makan` binary from the tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `makan ARGS` with `envs` set and `stdin` as standard input, written from a thread so
/// that a full output pipe cannot block the writer; what it printed and its exit status.
pub fn makan_with(args: &[&str], envs: &[(&str, &str)], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_makan"))
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("makan runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("makan ends");
    writer.join().unwrap().expect("stdin is written");
    output
}

/// [`makan_with`] without environment variables.
#[allow(dead_code)]
pub fn makan(args: &[&str], stdin: &[u8]) -> Output {
    makan_with(args, &[], stdin)
}
