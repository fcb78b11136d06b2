//! The one error type of the evaluation module.

use std::error::Error as StdError;
use std::fmt;

/// Why gold, system or CoNLL data could not be read or scored.
///
/// Errors in files name the file and the 1-based line (`dev-gold.jsonl:12: ...`), so a wrong
/// annotation can be found in an editor. Errors in in-memory input (for example a sentence with
/// fewer predicted tags than tokens) have no file and name the sentence in the message instead.
#[derive(Debug)]
pub struct EvalError {
    file: Option<String>,
    line: Option<usize>,
    message: String,
    source: Option<Box<dyn StdError + Send + Sync + 'static>>,
}

impl EvalError {
    /// A data error at a line of a file.
    pub(crate) fn at_line(file: &str, line: usize, message: impl Into<String>) -> Self {
        EvalError {
            file: Some(file.to_owned()),
            line: Some(line),
            message: message.into(),
            source: None,
        }
    }

    /// A read error (including invalid UTF-8) at a line of a file.
    pub(crate) fn io(file: &str, line: usize, err: std::io::Error) -> Self {
        EvalError {
            file: Some(file.to_owned()),
            line: Some(line),
            message: format!("cannot read line: {err}"),
            source: Some(Box::new(err)),
        }
    }

    /// A JSON syntax or shape error on one line of a JSON Lines file.
    ///
    /// serde_json counts lines within the string it was given, which is always line 1 here, so its
    /// position suffix is replaced by the column alone; the file line is reported by `Display`.
    pub(crate) fn json(file: &str, line: usize, err: serde_json::Error) -> Self {
        let text = err.to_string();
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        let what = text.strip_suffix(&suffix).unwrap_or(&text);
        EvalError {
            file: Some(file.to_owned()),
            line: Some(line),
            message: format!("{what} (column {})", err.column()),
            source: Some(Box::new(err)),
        }
    }

    /// An error in in-memory input that has no file position.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        EvalError {
            file: None,
            line: None,
            message: message.into(),
            source: None,
        }
    }

    /// The file the error was found in, if the input came from a file.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line of [`EvalError::file`] the error was found on.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong, without the file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: {}", self.message),
            (Some(file), None) => write!(f, "{file}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl StdError for EvalError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|err| err as &(dyn StdError + 'static))
    }
}
