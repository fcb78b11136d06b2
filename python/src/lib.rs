//! `makan._makan`: the Rust side of the Python package `makan`.
//!
//! One class, `Tagger`, over the library's `Tagger` and `Resolver`. Each document's mentions
//! are the library's records (`makan::output::records`, what `makan tag` prints), turned into
//! Python dicts through their `Serialize` implementation (pythonize), so the fields, their
//! order and their rounding are the CLI's by construction. `start`/`end` are code points,
//! which are Python string indices.
//!
//! `tag_batch` tags on a rayon pool with the GIL released, in chunks: while the pool tags a
//! chunk, the calling thread (holding the GIL) turns the previous chunk into dicts, so the
//! one part that must hold the GIL overlaps the tagging (DESIGN.md §15).

use std::collections::HashMap;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use makan::output::MentionRecord;
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

create_exception!(
    _makan,
    GazetteerError,
    PyValueError,
    "A user table that makan cannot load; the message names the file and line of each bad row."
);

/// Documents per chunk of `tag_batch`: enough to keep every core busy, small enough that the
/// conversion of one chunk overlaps the tagging of the next.
const CHUNK_DOCS: usize = 256;

/// Finds places and organizations in Arabic and English text and resolves them.
#[pyclass(frozen, module = "makan._makan")]
struct Tagger {
    tagger: makan::Tagger,
    resolver: Option<makan::Resolver>,
    all: bool,
    /// Thread pools of `tag_batch`, by size, built on first use.
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

#[pymethods]
impl Tagger {
    #[new]
    #[pyo3(signature = (*, places = None, orgs = None, override_existing = false, resolve = true, all = false))]
    fn new(
        py: Python<'_>,
        places: Option<&Bound<'_, PyAny>>,
        orgs: Option<&Bound<'_, PyAny>>,
        override_existing: bool,
        resolve: bool,
        all: bool,
    ) -> PyResult<Tagger> {
        let places = paths("places", places)?;
        let orgs = paths("orgs", orgs)?;
        if override_existing && places.is_empty() && orgs.is_empty() {
            return Err(PyValueError::new_err(
                "override_existing=True needs places or orgs",
            ));
        }
        // Building the gazetteer takes half a second: other Python threads may run meanwhile.
        let tagger = py.detach(|| build_tagger(&places, &orgs, override_existing))?;
        let resolver = resolve.then(|| makan::Resolver::new(tagger.clone()));
        Ok(Tagger {
            tagger,
            resolver,
            all,
            pools: Mutex::new(HashMap::new()),
        })
    }

    /// The mentions of `text`, in text order, as dicts with the CLI's JSON fields.
    fn tag<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let text = text_of(text, "tag() argument")?;
        let records = py.detach(|| self.records(&text));
        Ok(to_python(py, &records)?.cast_into::<PyList>()?)
    }

    /// Where `text` is about: its focus as `makan tag` writes it (`"focus"`), the places
    /// ranked by their share of the votes, the first with its governorate (`admin1`); `[]`
    /// when it names no place. Needs a resolving tagger.
    fn focus<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text = text_of(text, "focus() argument")?;
        let Some(resolver) = &self.resolver else {
            return Err(PyValueError::new_err(
                "focus() needs a resolving tagger (resolve=True)",
            ));
        };
        let records = py.detach(|| {
            let (_, focus) = resolver.tag_resolve_and_focus(&text);
            makan::output::focus_records(&self.tagger, &focus)
        });
        Ok(to_python(py, &records)?.cast_into::<PyList>()?)
    }

    /// The mentions of each text, one list per text in input order, tagged on `threads`
    /// threads (every core when `None`) with the GIL released.
    #[pyo3(signature = (texts, threads = None))]
    fn tag_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = thread_count(threads)?;
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "tag_batch() expects an iterable of str, not a str (use tag() for one text)",
            ));
        }
        let mut owned = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            owned.push(text_of(&item?, &format!("tag_batch() item {i}"))?);
        }
        let pool = self.pool(threads)?;
        let out = PyList::empty(py);
        let (sender, receiver) = sync_channel::<Vec<Vec<MentionRecord>>>(2);
        std::thread::scope(|scope| -> PyResult<()> {
            scope.spawn(move || {
                for chunk in owned.chunks(CHUNK_DOCS) {
                    let tag = || chunk.par_iter().map(|t| self.records(t)).collect();
                    let records = match &pool {
                        Some(pool) => pool.install(tag),
                        None => chunk.iter().map(|t| self.records(t)).collect(),
                    };
                    // The receiver is gone when the caller stopped early (an error, Ctrl-C).
                    if sender.send(records).is_err() {
                        return;
                    }
                }
            });
            // Moved in, so that it is dropped (and the producer stops) before the scope
            // joins the producer, whichever way this block ends.
            let mut receiver = receiver;
            loop {
                // The receiver goes into the GIL-free closure and back (it is not `Sync`).
                let (back, chunk) = py.detach(move || {
                    let chunk = receiver.recv();
                    (receiver, chunk)
                });
                receiver = back;
                let Ok(chunk) = chunk else { break };
                py.check_signals()?;
                for doc in &chunk {
                    out.append(to_python(py, doc)?)?;
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    fn __repr__(&self) -> String {
        let g = self.tagger.gazetteer();
        format!(
            "makan.Tagger(entities={}, resolve={}, all={})",
            g.len(),
            if self.resolver.is_some() {
                "True"
            } else {
                "False"
            },
            if self.all { "True" } else { "False" },
        )
    }
}

impl Tagger {
    /// The JSON records of `text`'s mentions: what `makan tag` prints for it.
    fn records(&self, text: &str) -> Vec<MentionRecord> {
        match &self.resolver {
            None => makan::output::records(&self.tagger, text, &self.tagger.tag(text), None),
            Some(resolver) => {
                let (mentions, resolutions): (Vec<_>, Vec<_>) = resolver
                    .tag_and_resolve(text)
                    .into_iter()
                    .filter(|(_, r)| self.all || r.is_accepted())
                    .unzip();
                makan::output::records(&self.tagger, text, &mentions, Some(&resolutions))
            }
        }
    }

    /// The pool for `threads` threads; `None` for one thread (no pool: the sequential path).
    fn pool(&self, threads: usize) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
        if threads == 1 {
            return Ok(None);
        }
        let mut pools = self.pools.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(pool) = pools.get(&threads) {
            return Ok(Some(pool.clone()));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| PyOSError::new_err(format!("cannot start {threads} threads: {e}")))?;
        let pool = Arc::new(pool);
        pools.insert(threads, pool.clone());
        Ok(Some(pool))
    }
}

/// `threads=None` is every core; otherwise a positive int.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
    };
    if threads.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(
            "threads must be an int or None, not bool",
        ));
    }
    let n: i64 = threads.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "threads must be an int or None, not {}",
            type_name(threads)
        ))
    })?;
    usize::try_from(n)
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| PyValueError::new_err(format!("threads must be at least 1, not {n}")))
}

/// The text of a `str` argument; a clear `TypeError` for anything else (`None` included) and
/// a `UnicodeEncodeError` (a `ValueError`) for a lone surrogate, which no UTF-8 text holds.
fn text_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let Ok(text) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            type_name(value)
        )));
    };
    Ok(text.to_cow()?.into_owned())
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "object".into(), |n| n.to_string())
}

/// A path or a list of paths (`str` or `os.PathLike`), as strings.
fn paths(what: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let one = |v: &Bound<'_, PyAny>| -> PyResult<String> {
        let path: std::path::PathBuf = v.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "{what} must be a path or a list of paths, not {}",
                type_name(v)
            ))
        })?;
        path.into_os_string().into_string().map_err(|p| {
            PyValueError::new_err(format!("{what}: {} is not valid UTF-8", p.display()))
        })
    };
    if value.is_instance_of::<PyString>() || value.hasattr("__fspath__")? {
        return Ok(vec![one(value)?]);
    }
    let mut list = Vec::new();
    for item in value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a path or a list of paths, not {}",
            type_name(value)
        ))
    })? {
        list.push(one(&item?)?);
    }
    Ok(list)
}

/// The embedded gazetteer, plus the user's tables when given.
fn build_tagger(
    places: &[String],
    orgs: &[String],
    override_existing: bool,
) -> PyResult<makan::Tagger> {
    if places.is_empty() && orgs.is_empty() {
        return Ok(makan::Tagger::new());
    }
    let mut builder = makan::Gazetteer::builder();
    builder.embedded().override_existing(override_existing);
    for file in places {
        builder.places_file(file).map_err(table_error)?;
    }
    for file in orgs {
        builder.orgs_file(file).map_err(table_error)?;
    }
    let gazetteer = Arc::new(builder.build().map_err(table_error)?);
    makan::Tagger::builder()
        .gazetteer(gazetteer)
        .build()
        .map_err(table_error)
}

/// A file that cannot be read is an `OSError` of the matching subclass
/// (`FileNotFoundError`, ...); a bad table a `GazetteerError` listing `FILE:LINE: reason`.
fn table_error(error: makan::Error) -> PyErr {
    use std::error::Error as _;
    match error
        .source()
        .and_then(|s| s.downcast_ref::<std::io::Error>())
    {
        Some(io) => std::io::Error::new(io.kind(), error.to_string()).into(),
        None => GazetteerError::new_err(error.to_string()),
    }
}

/// A document's records as Python objects, through their `Serialize` implementation: the
/// dicts have exactly the keys, order and values of the CLI's JSON.
fn to_python<'py, T: serde::Serialize>(
    py: Python<'py>,
    records: &[T],
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, records).map_err(PyErr::from)
}

#[pymodule]
fn _makan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add("GazetteerError", m.py().get_type::<GazetteerError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
