//! A gazetteer written to bytes and read back (`crate::snapshot` frames it): every entity
//! and name as loaded, so that reading it back skips parsing the tables and folding the
//! names. The maps by id and by key are rebuilt from the lists.

use super::{Entity, EntityId, EntityIds, Gazetteer, Kind, List, Name, Point, Text};
use crate::automaton::FastMap;
use crate::snapshot::codec::{Reader, Writer};

impl Gazetteer {
    pub(crate) fn write_snapshot(&self, w: &mut Writer) {
        w.u64(self.corpus_tokens);
        w.u64(self.informal_tokens);
        w.u64(self.corpus_docs.0);
        w.u64(self.corpus_docs.1);
        w.len(self.entities.len());
        for e in &self.entities {
            write_entity(w, e);
        }
        w.len(self.names.len());
        for n in &self.names {
            write_name(w, n);
        }
    }

    pub(crate) fn read_snapshot(r: &mut Reader<'static>) -> Option<Gazetteer> {
        let corpus_tokens = r.u64()?;
        let informal_tokens = r.u64()?;
        let corpus_docs = (r.u64()?, r.u64()?);
        let entities = r.list(8, read_entity)?;
        let names = r.list(8, |r| read_name(r, entities.len()))?;
        let mut by_id = FastMap::with_capacity_and_hasher(entities.len(), Default::default());
        for (i, e) in entities.iter().enumerate() {
            if by_id.insert(e.id.clone(), EntityId(i as u32)).is_some() {
                return None;
            }
        }
        Some(Gazetteer {
            entities,
            by_id,
            names,
            by_key: Default::default(),
            corpus_tokens,
            informal_tokens,
            corpus_docs,
        })
    }
}

fn write_entity(w: &mut Writer, e: &Entity) {
    w.str(&e.id);
    w.str(e.kind.name());
    w.str(&e.class);
    w.str(&e.name_ar);
    w.str(&e.name_en);
    w.str(&e.names_ar.0);
    w.str(&e.names_en.0);
    match e.point {
        Some(p) => {
            w.u8(1);
            w.f64(p.lat);
            w.f64(p.lon);
        }
        None => w.u8(0),
    }
    w.len(e.course.len());
    for p in &e.course {
        w.f64(p.lat);
        w.f64(p.lon);
    }
    match e.population {
        Some(n) => {
            w.u8(1);
            w.u64(n);
        }
        None => w.u8(0),
    }
    w.str(&e.pcode);
    w.strs(&e.admin);
    w.str(&e.country);
    w.str(&e.refs.0);
    w.str(&e.parent);
    w.str(&e.predecessors.0);
    w.str(&e.successors.0);
    w.str(&e.active);
}

fn read_point(r: &mut Reader<'_>) -> Option<Point> {
    Some(Point {
        lat: r.f64()?,
        lon: r.f64()?,
    })
}

fn read_entity(r: &mut Reader<'static>) -> Option<Entity> {
    let id = r.text()?;
    let kind: Kind = r.str()?.parse().ok()?;
    let class = r.text()?;
    let name_ar = r.text()?;
    let name_en = r.text()?;
    let names_ar = List(r.text()?);
    let names_en = List(r.text()?);
    let point = match r.u8()? {
        0 => None,
        1 => Some(read_point(r)?),
        _ => return None,
    };
    let course = r.list(16, read_point)?.into_boxed_slice();
    let population = match r.u8()? {
        0 => None,
        1 => Some(r.u64()?),
        _ => return None,
    };
    let pcode = r.text()?;
    let admin: [Text; 3] = r.texts()?.try_into().ok()?;
    Some(Entity {
        id,
        kind,
        class,
        name_ar,
        name_en,
        names_ar,
        names_en,
        point,
        course,
        population,
        pcode,
        admin,
        country: r.text()?,
        refs: List(r.text()?),
        parent: r.text()?,
        predecessors: List(r.text()?),
        successors: List(r.text()?),
        active: r.text()?,
    })
}

fn write_name(w: &mut Writer, n: &Name) {
    w.str(&n.key);
    w.len(n.entities().len());
    for e in n.entities() {
        w.u32(e.0);
    }
    w.strs(&n.acronym_forms);
    w.u32(n.letters);
    w.opt_u32(n.corpus_count);
    w.u32(n.corpus_docs);
    w.u32(n.syria_docs);
    w.u32(n.locative);
    w.u8(u8::from(n.person));
    w.u8(u8::from(n.capitalised));
    w.u32(n.informal.0);
    w.u32(n.informal.1);
}

fn read_name(r: &mut Reader<'static>, entities: usize) -> Option<Name> {
    let key = r.text()?;
    let id = |r: &mut Reader<'static>| {
        let id = r.u32()?;
        ((id as usize) < entities).then_some(EntityId(id))
    };
    let ids = match r.len()? {
        1 => EntityIds::One(id(r)?),
        n => EntityIds::Many(r.items(n, 1, id)?),
    };
    Some(Name {
        key,
        entities: ids,
        acronym_forms: r.texts()?,
        letters: r.u32()?,
        corpus_count: r.opt_u32()?,
        corpus_docs: r.u32()?,
        syria_docs: r.u32()?,
        locative: r.u32()?,
        person: read_bool(r)?,
        capitalised: read_bool(r)?,
        informal: (r.u32()?, r.u32()?),
    })
}

fn read_bool(r: &mut Reader<'_>) -> Option<bool> {
    match r.u8()? {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}
