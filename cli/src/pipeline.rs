//! What a subcommand computes for one text: the mentions, with the resolver's decisions and
//! the document's focus when it resolves, as the records every output format is written from.

use std::io::{self, Write};

use serde_json::{Map, Value};

use makan::output::{FocusRecord, MentionRecord, focus_records, records, records_iter};
use makan::{Resolver, Tagger};

/// What the subcommand prints for one text.
pub struct Pipeline {
    pub tagger: Tagger,
    pub resolver: Option<Resolver>,
    pub all: bool,
    /// Drop candidates, alternatives and evidence from every record.
    pub compact: bool,
}

impl Pipeline {
    pub fn new(tagger: Tagger, resolve: bool, all: bool) -> Pipeline {
        let resolver = resolve.then(|| Resolver::new(tagger.clone()));
        Pipeline {
            tagger,
            resolver,
            all,
            compact: false,
        }
    }

    /// The accepted mentions of `text` with their types (all mentions without a resolver).
    pub fn resolved(&self, text: &str) -> Vec<(makan::Span, makan::EntityType)> {
        match &self.resolver {
            Some(resolver) => resolver
                .tag_and_resolve(text)
                .into_iter()
                .filter(|(_, r)| r.is_accepted())
                .map(|(m, r)| (m.span(), r.entity_type()))
                .collect(),
            None => self
                .tagger
                .tag(text)
                .iter()
                .map(|m| (m.span(), m.entity_type()))
                .collect(),
        }
    }

    /// The mentions of `text` and, with a resolver, their resolutions (with the
    /// organizations found by their form, which the tagger does not see) and, when
    /// `with_focus`, the document's focus.
    fn found(&self, text: &str, with_focus: bool) -> Found {
        match &self.resolver {
            None => (self.tagger.tag(text), None, None),
            Some(resolver) => {
                let (found, focus) = if with_focus {
                    let (found, focus) = resolver.tag_resolve_and_focus(text);
                    (found, Some(focus_records(&self.tagger, &focus)))
                } else {
                    (resolver.tag_and_resolve(text), None)
                };
                let (m, r): (Vec<_>, Vec<_>) = found
                    .into_iter()
                    .filter(|(_, r)| self.all || r.is_accepted())
                    .unzip();
                (m, Some(r), focus)
            }
        }
    }

    /// Writes `{"mentions": [...], "focus": [...]}` for `text` (the focus when resolving),
    /// one record at a time: a long document's records are never all held, nor a JSON value
    /// of them built.
    pub fn write_mentions(&self, text: &str, out: &mut impl Write) -> io::Result<()> {
        let (mentions, resolutions, focus) = self.found(text, true);
        out.write_all(b"{\"mentions\":[")?;
        let mut buffer = Vec::new();
        let iter = records_iter(&self.tagger, text, &mentions, resolutions.as_deref());
        for (i, mut record) in iter.enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            if self.compact {
                record.compact();
            }
            buffer.clear();
            record.write_json(&mut buffer);
            out.write_all(&buffer)?;
        }
        out.write_all(b"]")?;
        if let Some(focus) = focus {
            out.write_all(b",\"focus\":")?;
            buffer.clear();
            FocusRecord::write_json_list(&focus, &mut buffer);
            out.write_all(&buffer)?;
        }
        out.write_all(b"}")
    }

    /// The mention records of `text` and, when `with_focus` and resolving, its focus.
    pub fn records(
        &self,
        text: &str,
        with_focus: bool,
    ) -> (Vec<MentionRecord>, Option<Vec<FocusRecord>>) {
        let (mentions, resolutions, focus) = self.found(text, with_focus);
        let mut list = records(&self.tagger, text, &mentions, resolutions.as_deref());
        if self.compact {
            list.iter_mut().for_each(MentionRecord::compact);
        }
        (list, focus)
    }

    /// The JSON mention records of `text`.
    pub fn mentions(&self, text: &str) -> Value {
        serde_json::to_value(self.records(text, false).0).expect("mention records serialize")
    }
}

/// What [`Pipeline::found`] finds: mentions, resolutions and focus.
type Found = (
    Vec<makan::Mention>,
    Option<Vec<makan::Resolution>>,
    Option<Vec<FocusRecord>>,
);

/// A document's JSON object: its input fields in their order, then `mentions` and, when
/// given, `focus`, written straight to bytes (no `Value` built and dropped per document). An
/// input field of either name is replaced where it stands, as a map insert would.
pub fn document_json(
    fields: &Map<String, Value>,
    records: &[MentionRecord],
    focus: Option<&[FocusRecord]>,
) -> Vec<u8> {
    // A record takes some 420 bytes; a focus place some 250.
    let places = focus.map_or(0, <[FocusRecord]>::len);
    let mut bytes = Vec::with_capacity(256 + records.len() * 512 + places * 320);
    let out = &mut bytes;
    out.push(b'{');
    let mut first = true;
    let mut key = |out: &mut Vec<u8>, key: &str| {
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
        json(out, key);
        out.push(b':');
    };
    for (name, value) in fields {
        key(out, name);
        match name.as_str() {
            "mentions" => mention_list(out, records),
            "focus" if let Some(focus) = focus => FocusRecord::write_json_list(focus, out),
            _ => json(out, value),
        }
    }
    if !fields.contains_key("mentions") {
        key(out, "mentions");
        mention_list(out, records);
    }
    if let Some(focus) = focus.filter(|_| !fields.contains_key("focus")) {
        key(out, "focus");
        FocusRecord::write_json_list(focus, out);
    }
    out.push(b'}');
    bytes
}

/// `records` as a JSON array, each written by [`MentionRecord::write_json`].
fn mention_list(out: &mut Vec<u8>, records: &[MentionRecord]) {
    out.push(b'[');
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        record.write_json(out);
    }
    out.push(b']');
}

/// `value` written by serde_json.
fn json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).expect("JSON values serialize to memory");
}
