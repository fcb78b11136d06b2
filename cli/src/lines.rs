//! Every line of a JSON Lines input through one function, on all cores, with the results
//! handed back in input order.
//!
//! The input is read in windows (at most [`WINDOW_LINES`] lines or [`WINDOW_BYTES`] bytes,
//! whichever comes first, and always at least one line). A window's lines are processed in
//! parallel while the calling thread writes the results of the window before, in order, and
//! reads the window after into a second buffer. Memory is bounded by two windows of input and
//! two of results, whatever the size of the input. With one thread no pool is built: each
//! line is processed and written before the next one, the sequential path.

use std::io::{self, BufRead, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{Result, UsageError, skip_bom};

/// Lines per window by default: enough for every core to stay busy to the window's end.
pub const WINDOW_LINES: usize = 8192;
/// Bytes per window by default, so that long documents keep the window small.
pub const WINDOW_BYTES: usize = 2 << 20;
/// Environment variable that sets the lines per window (for tests that need many windows).
const WINDOW_LINES_VAR: &str = "MAKAN_WINDOW_LINES";

/// How a JSON Lines input is spread over threads.
pub struct LineRunner {
    window_lines: usize,
    window_bytes: usize,
    pool: Option<rayon::ThreadPool>,
    progress: Progress,
}

impl LineRunner {
    /// `threads`: `None` for every core, `Some(1)` for the sequential path. `quiet` turns off
    /// the progress line (which only shows when standard error is a terminal).
    pub fn new(threads: Option<usize>, quiet: bool) -> Result<LineRunner> {
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        let window_lines = match std::env::var(WINDOW_LINES_VAR) {
            Ok(value) => value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                UsageError(format!(
                    "{WINDOW_LINES_VAR}={value} is not a positive number"
                ))
            })?,
            Err(_) => WINDOW_LINES,
        };
        let pool = if threads > 1 {
            Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .map_err(|e| format!("cannot start {threads} threads: {e}"))?,
            )
        } else {
            None
        };
        Ok(LineRunner {
            window_lines,
            window_bytes: WINDOW_BYTES,
            pool,
            progress: Progress::new(quiet),
        })
    }

    /// Runs `work` on every line of `input` (with its 1-based number and its bytes, the
    /// newline included) and hands each result to `emit` in input order. A read error stops
    /// the run after the lines read before it have been emitted.
    pub fn run<T: Send>(
        &self,
        name: &str,
        input: impl BufRead,
        work: impl Fn(usize, &[u8]) -> T + Sync,
        emit: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let result = self.run_windows(name, input, work, emit);
        // Cleared whichever way the run ends, before any message of the caller.
        self.progress.finish();
        result
    }

    fn run_windows<T: Send>(
        &self,
        name: &str,
        mut input: impl BufRead,
        work: impl Fn(usize, &[u8]) -> T + Sync,
        mut emit: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let (lines, bytes) = (self.window_lines, self.window_bytes);
        let mut window = Window::new();
        // An error met while filling `window`, after the lines read before it.
        let mut error = window.fill(&mut input, 1, lines, bytes);
        // A read error stops the run after the lines read before it were written.
        let failed = |window: &Window, e: io::Error| -> Result<()> {
            Err(format!("{name}:{}: {e}", window.next_number()).into())
        };
        let work = |window: &Window, i: usize| {
            let line = window.line(i);
            let number = window.first_number + i;
            // A byte-order mark belongs to the file, not to its first line.
            let text = if number == 1 { skip_bom(line) } else { line };
            let result = work(number, text);
            self.progress.document(line.len());
            result
        };
        let Some(pool) = &self.pool else {
            // One thread: each line is processed and written before the next one is read.
            loop {
                (0..window.len()).try_for_each(|i| emit(work(&window, i)))?;
                if let Some(e) = error {
                    return failed(&window, e);
                }
                if window.len() == 0 {
                    return Ok(());
                }
                error = window.fill(&mut input, window.next_number(), lines, bytes);
            }
        };
        // On the pool, a window's lines are processed while this thread writes the results
        // of the window before and reads the window after: two windows of input and two of
        // results at most.
        let mut next = Window::new();
        let mut pending: Vec<T> = Vec::new();
        loop {
            let last = error.is_some() || window.len() == 0;
            let (mut results, mut next_error, mut written) = (Vec::new(), None, Ok(()));
            pool.in_place_scope(|scope| {
                scope.spawn(|_| results = window.process(|i| work(&window, i)));
                written = pending.drain(..).try_for_each(&mut emit);
                if !last && written.is_ok() {
                    next_error = next.fill(&mut input, window.next_number(), lines, bytes);
                }
            });
            written?;
            if last {
                results.into_iter().try_for_each(&mut emit)?;
                return error.map_or(Ok(()), |e| failed(&window, e));
            }
            pending = results;
            std::mem::swap(&mut window, &mut next);
            error = next_error;
        }
    }
}

impl LineRunner {
    /// Prints `message` on standard error without breaking the progress line.
    pub fn warn(&self, message: &str) {
        self.progress.bar.suspend(|| eprintln!("makan: {message}"));
    }
}

/// One window of input lines, in one buffer reused from window to window.
struct Window {
    bytes: Vec<u8>,
    /// The end of each line in `bytes`.
    ends: Vec<usize>,
    /// The 1-based number of the window's first line in the input.
    first_number: usize,
}

impl Window {
    fn new() -> Window {
        Window {
            bytes: Vec::new(),
            ends: Vec::new(),
            first_number: 1,
        }
    }

    /// Replaces the window by the next lines of `input`, the first of them line
    /// `first_number`; an I/O error ends the window early (without the partly read line) and
    /// is returned.
    fn fill(
        &mut self,
        input: &mut impl BufRead,
        first_number: usize,
        max_lines: usize,
        max_bytes: usize,
    ) -> Option<io::Error> {
        self.first_number = first_number;
        self.bytes.clear();
        self.ends.clear();
        while self.ends.len() < max_lines && self.bytes.len() < max_bytes {
            match input.read_until(b'\n', &mut self.bytes) {
                Ok(0) => break,
                Ok(_) => self.ends.push(self.bytes.len()),
                Err(e) => {
                    self.bytes.truncate(self.ends.last().copied().unwrap_or(0));
                    return Some(e);
                }
            }
        }
        None
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// `work` of every line on the current pool, the results in line order. The longest lines
    /// go first: the window waits for its last line, and a long document started last would
    /// keep one thread busy while the others wait.
    fn process<T: Send>(&self, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.line(i).len()));
        let mut done: Vec<(usize, T)> = order.into_par_iter().map(|i| (i, work(i))).collect();
        done.sort_unstable_by_key(|&(i, _)| i);
        done.into_iter().map(|(_, result)| result).collect()
    }

    fn line(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The number of the line after the window.
    fn next_number(&self) -> usize {
        self.first_number + self.ends.len()
    }
}

/// The progress line on standard error: documents, megabytes, megabytes per second and
/// elapsed time. Only on long runs (it shows after [`PROGRESS_AFTER`]), only when standard
/// error is a terminal and not with `--quiet`; cleared at the end, so that what the command
/// prints afterwards starts on a clean line.
struct Progress {
    bar: ProgressBar,
    documents: Arc<AtomicU64>,
    /// Whether the line may show at all, and whether it shows.
    wanted: bool,
    shown: AtomicBool,
    start: Instant,
}

/// How long a run goes before its progress line shows.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

impl Progress {
    fn new(quiet: bool) -> Progress {
        let documents = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&documents);
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {documents} documents, {decimal_bytes}, {decimal_bytes_per_sec}",
        )
        .expect("the progress template is valid")
        .with_key(
            "documents",
            move |_: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{}", counter.load(Ordering::Relaxed));
            },
        );
        Progress {
            bar: ProgressBar::hidden().with_style(style),
            documents,
            wanted: !quiet && io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
            start: Instant::now(),
        }
    }

    /// One document of `bytes` bytes done; called from the worker threads.
    fn document(&self, bytes: usize) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.bar.inc(bytes as u64);
        if self.wanted
            && !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= PROGRESS_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runner(threads: usize, window_lines: usize, window_bytes: usize) -> LineRunner {
        LineRunner {
            window_lines,
            window_bytes,
            pool: (threads > 1).then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap()
            }),
            progress: Progress::new(true),
        }
    }

    /// Every line with its number, as the runner hands them to `emit`.
    fn numbered(runner: &LineRunner, input: &str) -> Vec<(usize, String)> {
        let mut seen = Vec::new();
        let work = |number: usize, line: &[u8]| {
            // Early lines take longest, so that the threads finish out of order.
            std::thread::sleep(Duration::from_micros(200 * (8 - number.min(8)) as u64));
            (number, String::from_utf8(line.to_vec()).unwrap())
        };
        runner
            .run("test", input.as_bytes(), work, |found| {
                seen.push(found);
                Ok(())
            })
            .unwrap();
        seen
    }

    #[test]
    fn lines_come_back_numbered_and_in_input_order() {
        let input = "a\nb\n\nd\ne\nf\ng\nh\ni\nj\nk (no newline)";
        let expected: Vec<(usize, String)> = input
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, line)| (i + 1, line.to_string()))
            .collect();
        for (threads, window) in [(1, 3), (2, 1), (2, 3), (3, 4), (2, 100)] {
            let found = numbered(&runner(threads, window, WINDOW_BYTES), input);
            assert_eq!(
                found, expected,
                "{threads} threads, windows of {window} lines"
            );
        }
    }

    #[test]
    fn window_closes_at_the_byte_limit_but_keeps_a_longer_line_whole() {
        let long = "x".repeat(50);
        let input = format!("short\n{long}\nshort\n");
        let mut window = Window::new();
        let mut reader = input.as_bytes();
        assert!(window.fill(&mut reader, 1, 100, 10).is_none());
        assert_eq!((window.first_number, window.len()), (1, 2));
        assert_eq!(window.line(1), format!("{long}\n").as_bytes());
        assert!(
            window
                .fill(&mut reader, window.next_number(), 100, 10)
                .is_none()
        );
        assert_eq!((window.first_number, window.len()), (3, 1));
        assert!(
            window
                .fill(&mut reader, window.next_number(), 100, 10)
                .is_none()
        );
        assert_eq!(window.len(), 0);
    }

    /// Gives `data`, then fails.
    struct FailingReader(&'static [u8]);

    impl io::Read for FailingReader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk gone"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn read_error_comes_after_the_lines_read_before_it() {
        for threads in [1, 2] {
            let mut seen = Vec::new();
            let input = io::BufReader::new(FailingReader(b"a\nb\npartial"));
            let error = runner(threads, 100, WINDOW_BYTES)
                .run(
                    "in.jsonl",
                    input,
                    |n, _| n,
                    |n| {
                        seen.push(n);
                        Ok(())
                    },
                )
                .unwrap_err();
            assert_eq!(seen, [1, 2], "{threads} threads");
            assert_eq!(error.to_string(), "in.jsonl:3: disk gone");
        }
    }

    /// Lines of every length in a mixed order: processed longest first, each once, and
    /// given back in line order.
    #[test]
    fn a_window_processes_its_longest_lines_first_and_keeps_their_order() {
        let lengths = [3, 40, 1, 17, 40, 0, 8, 25, 2, 33];
        let input: String = lengths.iter().map(|&n| "x".repeat(n) + "\n").collect();
        let mut window = Window::new();
        assert!(
            window
                .fill(&mut input.as_bytes(), 1, 100, WINDOW_BYTES)
                .is_none()
        );
        let started = std::sync::Mutex::new(Vec::new());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let results = pool.install(|| {
            window.process(|i| {
                started.lock().unwrap().push(window.line(i).len());
                i
            })
        });
        assert_eq!(results, (0..lengths.len()).collect::<Vec<_>>());
        let started = started.into_inner().unwrap();
        let mut longest_first: Vec<usize> = lengths.iter().map(|n| n + 1).collect();
        longest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            started, longest_first,
            "one thread takes them longest first"
        );
    }

    #[test]
    fn empty_input_gives_nothing() {
        assert!(numbered(&runner(2, 4, WINDOW_BYTES), "").is_empty());
    }
}
