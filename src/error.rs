//! The crate's one error type.

use std::fmt;

/// An error from building a gazetteer or a tagger.
///
/// Errors in data name the file (or embedded table) and the 1-based line, so a user can fix
/// their gazetteer without guessing.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Data {
        file: String,
        line: usize,
        message: String,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    Build(String),
}

impl Error {
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Data {
                file: file.to_string(),
                line,
                message: message.into(),
            },
        }
    }

    pub(crate) fn io(path: &str, source: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io {
                path: path.to_string(),
                source,
            },
        }
    }

    pub(crate) fn build(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Build(message.into()),
        }
    }

    /// The file (or embedded table) and 1-based line a data error was found at.
    pub fn location(&self) -> Option<(&str, usize)> {
        match &self.kind {
            ErrorKind::Data { file, line, .. } => Some((file, *line)),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Data {
                file,
                line,
                message,
            } => write!(f, "{file}:{line}: {message}"),
            ErrorKind::Io { path, source } => write!(f, "{path}: {source}"),
            ErrorKind::Build(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
