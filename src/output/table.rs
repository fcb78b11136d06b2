//! Mentions as rows of a table (CSV, TSV): one row per mention, one flat column per field,
//! every value a string (empty when the mention has none).
//!
//! The columns are named after the JSON fields of [`MentionRecord`]; the admin chain,
//! an array in JSON, becomes three columns per level (`admin1_pcode`, `admin1_ar`,
//! `admin1_en`, …), and the lists (`candidates`, `evidence`) are joined with `;`.

use super::MentionRecord;

/// One column of a mention table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The document's id (given by the caller: a record does not know its document).
    DocId,
    /// Code-point offset of the first character.
    Start,
    /// Code-point offset one past the last character.
    End,
    /// UTF-8 byte offset of the first character.
    ByteStart,
    /// UTF-8 byte offset one past the last character.
    ByteEnd,
    /// UTF-16 offset of the first character.
    Utf16Start,
    /// UTF-16 offset one past the last character.
    Utf16End,
    /// The surface text.
    Text,
    /// `LOC` or `ORG`.
    Type,
    /// The proclitics before the name.
    Proclitic,
    /// The chosen entity's id.
    Id,
    /// Its kind.
    Kind,
    /// Its Arabic name.
    NameAr,
    /// Its English name.
    NameEn,
    /// Latitude.
    Lat,
    /// Longitude.
    Lon,
    /// Its own P-code.
    Pcode,
    /// ISO country code.
    Country,
    /// P-code of the unit at an admin level (1 to 3).
    AdminPcode(u8),
    /// Arabic name of that unit.
    AdminAr(u8),
    /// English name of that unit.
    AdminEn(u8),
    /// The resolver's confidence.
    Confidence,
    /// `true` for a mention the resolver rejected.
    Rejected,
    /// The candidate ids, joined with `;`.
    Candidates,
    /// The evidence names, joined with `;`.
    Evidence,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 31] = [
        Column::DocId,
        Column::Start,
        Column::End,
        Column::ByteStart,
        Column::ByteEnd,
        Column::Utf16Start,
        Column::Utf16End,
        Column::Text,
        Column::Type,
        Column::Proclitic,
        Column::Id,
        Column::Kind,
        Column::NameAr,
        Column::NameEn,
        Column::Lat,
        Column::Lon,
        Column::Pcode,
        Column::Country,
        Column::AdminPcode(1),
        Column::AdminAr(1),
        Column::AdminEn(1),
        Column::AdminPcode(2),
        Column::AdminAr(2),
        Column::AdminEn(2),
        Column::AdminPcode(3),
        Column::AdminAr(3),
        Column::AdminEn(3),
        Column::Confidence,
        Column::Rejected,
        Column::Candidates,
        Column::Evidence,
    ];

    /// The columns of a table when the caller chooses none: where the mention is, what it
    /// is, and where the place lies, with its admin chain.
    pub const DEFAULT: [Column; 19] = [
        Column::DocId,
        Column::Start,
        Column::End,
        Column::Text,
        Column::Type,
        Column::Id,
        Column::Kind,
        Column::NameAr,
        Column::NameEn,
        Column::Lat,
        Column::Lon,
        Column::Pcode,
        Column::AdminPcode(1),
        Column::AdminEn(1),
        Column::AdminPcode(2),
        Column::AdminEn(2),
        Column::AdminPcode(3),
        Column::AdminEn(3),
        Column::Confidence,
    ];

    /// Every column name, for help and error messages.
    pub fn names() -> impl Iterator<Item = String> {
        Self::ALL.into_iter().map(Column::name)
    }

    /// The column's name in a header row.
    pub fn name(self) -> String {
        let fixed = match self {
            Column::DocId => "doc_id",
            Column::Start => "start",
            Column::End => "end",
            Column::ByteStart => "byte_start",
            Column::ByteEnd => "byte_end",
            Column::Utf16Start => "utf16_start",
            Column::Utf16End => "utf16_end",
            Column::Text => "text",
            Column::Type => "type",
            Column::Proclitic => "proclitic",
            Column::Id => "id",
            Column::Kind => "kind",
            Column::NameAr => "name_ar",
            Column::NameEn => "name_en",
            Column::Lat => "lat",
            Column::Lon => "lon",
            Column::Pcode => "pcode",
            Column::Country => "country",
            Column::AdminPcode(n) => return format!("admin{n}_pcode"),
            Column::AdminAr(n) => return format!("admin{n}_ar"),
            Column::AdminEn(n) => return format!("admin{n}_en"),
            Column::Confidence => "confidence",
            Column::Rejected => "rejected",
            Column::Candidates => "candidates",
            Column::Evidence => "evidence",
        };
        fixed.to_string()
    }

    /// The column named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The value of this column for `record`, a mention of document `doc_id`.
    pub fn value(self, doc_id: &str, record: &MentionRecord) -> String {
        let resolved = record.resolved.as_ref();
        let text = |f: fn(&super::ResolvedRecord) -> &str| resolved.map_or("", f).to_string();
        let admin = |n: u8, f: fn(&super::AdminRecord) -> &str| {
            record
                .admin(&format!("admin{n}"))
                .map_or(String::new(), |a| f(a).to_string())
        };
        match self {
            Column::DocId => doc_id.to_string(),
            Column::Start => record.start.to_string(),
            Column::End => record.end.to_string(),
            Column::ByteStart => record.byte_start.to_string(),
            Column::ByteEnd => record.byte_end.to_string(),
            Column::Utf16Start => record.utf16_start.to_string(),
            Column::Utf16End => record.utf16_end.to_string(),
            Column::Text => record.text.clone(),
            Column::Type => record.ty.to_string(),
            Column::Proclitic => record.proclitic.clone(),
            Column::Id => text(|r| &r.id),
            Column::Kind => text(|r| r.kind),
            Column::NameAr => text(|r| &r.name_ar),
            Column::NameEn => text(|r| &r.name_en),
            Column::Lat => resolved
                .and_then(|r| r.lat)
                .map_or(String::new(), |x| x.to_string()),
            Column::Lon => resolved
                .and_then(|r| r.lon)
                .map_or(String::new(), |x| x.to_string()),
            Column::Pcode => text(|r| &r.pcode),
            Column::Country => text(|r| &r.country),
            Column::AdminPcode(n) => admin(n, |a| &a.pcode),
            Column::AdminAr(n) => admin(n, |a| &a.name_ar),
            Column::AdminEn(n) => admin(n, |a| &a.name_en),
            Column::Confidence => resolved.map_or(String::new(), |r| r.confidence.to_string()),
            Column::Rejected => record.rejected.to_string(),
            Column::Candidates => record.candidates.join(";"),
            Column::Evidence => resolved.map_or(String::new(), |r| r.evidence.join(";")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_name_reads_back_as_its_column() {
        let names: Vec<String> = Column::names().collect();
        assert_eq!(names.len(), Column::ALL.len());
        for name in &names {
            let column = Column::from_name(name).expect("a known column");
            assert_eq!(&column.name(), name);
        }
        assert_eq!(Column::from_name("admin4_pcode"), None);
    }

    #[test]
    fn a_resolved_place_fills_its_admin_columns_and_an_unresolved_one_leaves_them_empty() {
        let tagger = crate::Tagger::new();
        let resolver = crate::Resolver::new(tagger.clone());
        let text = "قصفت الطائرات مدينة البوكمال";
        let (mentions, resolutions): (Vec<_>, Vec<_>) = resolver
            .tag_and_resolve(text)
            .into_iter()
            .filter(|(_, r)| r.is_accepted())
            .unzip();
        let resolved = super::super::records(&tagger, text, &mentions, Some(&resolutions));
        let place = &resolved[0];
        assert_eq!(Column::Text.value("d1", place), "البوكمال");
        assert_eq!(Column::DocId.value("d1", place), "d1");
        assert!(Column::AdminPcode(1).value("d1", place).starts_with("SY"));
        assert!(!Column::AdminEn(1).value("d1", place).is_empty());
        assert!(!Column::Lat.value("d1", place).is_empty());

        let tagged = super::super::records(&tagger, text, &tagger.tag(text), None);
        for column in [
            Column::Id,
            Column::Lat,
            Column::AdminPcode(1),
            Column::Confidence,
        ] {
            assert_eq!(column.value("d1", &tagged[0]), "", "{column:?}");
        }
        assert!(Column::Candidates.value("d1", &tagged[0]).contains(':'));
    }
}
