//! Gold and system values for the unit tests: a place, a named mention, a system mention,
//! documents holding them.

use crate::model::{
    EntityType, GoldDoc, GoldMention, GoldRef, OrgRef, PlaceRef, SystemDoc, SystemMention,
};

pub(crate) fn place(
    start: usize,
    end: usize,
    text: &str,
    lat: f64,
    lon: f64,
    in_syria: bool,
) -> GoldMention {
    GoldMention {
        start,
        end,
        text: text.to_owned(),
        entity_type: EntityType::Loc,
        gold: Some(GoldRef::Place(PlaceRef {
            lat,
            lon,
            in_syria,
            kind: None,
            source_ref: None,
            name_en: None,
        })),
        note: None,
    }
}

pub(crate) fn named(start: usize, end: usize, text: &str, entity_type: EntityType) -> GoldMention {
    let gold = (entity_type == EntityType::Org).then(|| {
        GoldRef::Organization(OrgRef {
            canon: text.to_owned(),
            kind: None,
        })
    });
    GoldMention {
        start,
        end,
        text: text.to_owned(),
        entity_type,
        gold,
        note: None,
    }
}

pub(crate) fn found(
    start: usize,
    end: usize,
    entity_type: EntityType,
    at: Option<(f64, f64)>,
) -> SystemMention {
    SystemMention {
        start,
        end,
        entity_type,
        lat: at.map(|(lat, _)| lat),
        lon: at.map(|(_, lon)| lon),
        text: None,
    }
}

pub(crate) fn gold_doc(doc_id: &str, mentions: Vec<GoldMention>) -> GoldDoc {
    GoldDoc {
        doc_id: doc_id.to_owned(),
        mentions,
    }
}

pub(crate) fn system_doc(doc_id: &str, mentions: Vec<SystemMention>) -> SystemDoc {
    SystemDoc {
        doc_id: doc_id.to_owned(),
        mentions,
    }
}
