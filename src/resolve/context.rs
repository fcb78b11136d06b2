//! What the resolver reads around a mention: the tokens of the document view, and what the
//! word tables say of them. The tagger recorded each token's entries in the tables, one per
//! proclitic split ([`TokenWords`]), so a rule reads them without looking words up again;
//! only the gazetteer's name keys are looked up by their text.

use super::prior::{EntityFacts, Facts, NameCues};
use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, Gazetteer, Name, NameId};
use crate::tag::{Mention, Proclitic};
use crate::words::{Cue, DocWords, Filler, Lexicon, Mark, Part, Strength, TokenWords, WordInfo};

/// The document, the gazetteer and the word tables, read by every stage.
pub(super) struct Ctx<'a, 't> {
    pub(super) doc: &'a Document<'t>,
    pub(super) g: &'a Gazetteer,
    pub(super) lex: &'a Lexicon,
    /// The word-table entries of each token.
    pub(super) words: &'a [TokenWords],
    /// What the resolver reads of each entity.
    pub(super) facts: &'a EntityFacts,
    /// The countries the document names by an English nationality adjective ("British").
    pub(super) demonym_countries: &'a [[u8; 2]],
}

/// A token of the document, or none (before the start, after the end).
pub(super) type Tok = Option<usize>;

/// The three tokens before a mention, nearest first.
pub(super) type Before = [Tok; 3];

impl<'a> Ctx<'a, '_> {
    /// The facts of an entity.
    pub(super) fn facts(&self, e: EntityId) -> &'a Facts {
        self.facts.get(e)
    }

    /// What the word tables say of a name's key, looked up once per name.
    pub(super) fn name_cues(&self, name: NameId) -> NameCues {
        self.facts.name_cues(name, || {
            let key = self.g.name(name).key();
            let mut bits = 0;
            if self.is_cue_word(key) {
                bits |= NameCues::CUE_WORD;
            }
            if self.place_cue_of_key(key).is_some() {
                bits |= NameCues::PLACE_CUE;
            }
            let opens = key.split_once(' ').is_some_and(|(head, _)| {
                self.place_cue_of_key(head)
                    .is_some_and(|c| c != Cue::Country)
            });
            if opens {
                bits |= NameCues::OPENS_WITH_CUE;
            }
            if self.lex.has_idiom(key) {
                bits |= NameCues::IDIOM;
            }
            for &e in self.g.name(name).entities() {
                bits |= match self.facts(e).ty {
                    EntityType::Loc => NameCues::PLACE,
                    EntityType::Org => NameCues::ORGANIZATION,
                };
            }
            bits
        })
    }

    /// The three tokens before the word the mention starts in, nearest first.
    pub(super) fn before(&self, m: &Mention) -> Before {
        let first = m.first_token();
        [1, 2, 3].map(|k| first.checked_sub(k))
    }

    /// The token right after the mention.
    pub(super) fn after(&self, m: &Mention) -> Tok {
        Some(m.end_token()).filter(|&t| t < self.doc.len())
    }

    /// The folded text of a token ("" for none).
    pub(super) fn text(&self, t: Tok) -> &'a str {
        self.doc.text_or_empty(t)
    }

    /// The entries of a token's proclitic splits, bare first.
    fn splits(&self, t: Tok) -> impl Iterator<Item = &'a WordInfo> + 'a {
        let (lex, ids) = (self.lex, t.and_then(|t| self.words.get(t)));
        ids.into_iter()
            .flat_map(|ids| ids.iter())
            .filter_map(move |&id| lex.info(id))
    }

    /// The entry of a token as written, without proclitics.
    pub(super) fn bare(&self, t: Tok) -> Option<&'a WordInfo> {
        let id = self.words.get(t?)?[0];
        self.lex.info(id)
    }

    /// The cue a token is when written before a name, with the proclitics a name may carry
    /// (بريف، لمحافظة، وبمدينة).
    pub(super) fn cue_of(&self, t: Tok) -> Option<Cue> {
        self.splits(t).find_map(|i| i.cue_before)
    }

    /// The cue among the tokens before a mention (nearest first). Fillers like "of" and
    /// "the" are skipped; a governorate cue after ريف («ريف محافظة حلب») still reads as
    /// countryside.
    pub(super) fn cue_before(&self, tokens: &[Tok]) -> Option<Cue> {
        let filler = |t: &&Tok| self.bare(**t).is_some_and(|i| i.fillers.has(Filler::Cue));
        let mut tokens = tokens.iter().filter(|t| !filler(t));
        let cue = self.cue_of(*tokens.next()?)?;
        if cue == Cue::Governorate
            && tokens
                .next()
                .is_some_and(|&t| self.cue_of(t) == Some(Cue::Countryside))
        {
            return Some(Cue::Countryside);
        }
        Some(cue)
    }

    /// The cue in the token right after a mention ("Idlib province", «الإخبارية»).
    pub(super) fn cue_after(&self, t: Tok) -> Option<Cue> {
        self.splits(t).find_map(|i| i.cue_after)
    }

    /// The place cue of an English apposition right after a mention: "Rami, a village near
    /// Latakia", "Kafranbel, a rebel-held town" (one word may stand between the article and
    /// the cue).
    pub(super) fn cue_in_apposition(&self, m: &Mention) -> Option<Cue> {
        let at = |k: usize| Some(m.end_token() + k).filter(|&t| t < self.doc.len());
        if self.text(at(0)) != "," || !matches!(self.text(at(1)), "a" | "an") {
            return None;
        }
        [2, 3]
            .into_iter()
            .find_map(|k| self.cue_of(at(k)))
            .filter(|cue| cue.is_place_cue())
    }

    /// Whether a token (with its proclitics) plays `part` in a longer name.
    pub(super) fn plays(&self, t: Tok, part: Part) -> bool {
        self.splits(t).any(|i| i.parts.has(part))
    }

    /// Whether a token (with its proclitics: واشتباكات، وزار) says `mark` of the name after it.
    pub(super) fn marks(&self, t: Tok, mark: Mark) -> bool {
        self.splits(t).any(|i| i.marks.has(mark))
    }

    /// The strength of a locative word or preposition, as written.
    pub(super) fn locative(&self, t: Tok) -> Option<Strength> {
        self.bare(t).and_then(|i| i.locative)
    }

    /// Whether a token, as written, is a word of `persons.tsv` in role `w`.
    pub(super) fn person_word(&self, t: Tok, w: crate::words::PersonWord) -> bool {
        self.bare(t).is_some_and(|i| i.person.has(w))
    }

    /// What an English word right after a Latin name says of it (`after_name.tsv`).
    pub(super) fn after_name(&self, t: Tok) -> Option<crate::words::AfterName> {
        self.bare(t).and_then(|i| i.after_name)
    }

    /// The countries the document's capitalised English nationality adjectives name, once each.
    pub(super) fn demonym_countries(
        doc: &Document<'_>,
        lex: &Lexicon,
        words: &DocWords,
    ) -> Vec<[u8; 2]> {
        let mut countries: Vec<[u8; 2]> = words
            .demonyms()
            .filter_map(|t| Some((t, lex.info(words[t][0])?.demonym?)))
            .filter(|&(t, _)| {
                doc.original_of(t)
                    .starts_with(|c: char| c.is_ascii_uppercase())
            })
            .map(|(_, c)| c)
            .collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }

    /// The country a nationality adjective names.
    pub(super) fn nationality(&self, t: Tok) -> Option<&'a str> {
        self.bare(t).and_then(|i| i.nationality.as_deref())
    }

    /// The cue a folded word of a name key is, with proclitics.
    pub(super) fn cue_of_word(&self, word: &str) -> Option<Cue> {
        self.lex
            .with_proclitics(word, |i| i.cue_before)
            .map(|(_, c)| c)
    }

    /// Whether a folded name key is a place cue word, with or without the article (مدينه،
    /// المدينه، البلده). Fillers are no cue here: a key is never "of".
    fn is_cue_word(&self, key: &str) -> bool {
        let bare = key.strip_prefix("ال").unwrap_or(key);
        [key, bare]
            .iter()
            .any(|w| self.cue_of_word(w).is_some_and(Cue::is_place_cue))
    }

    /// The place cue a name key is or opens with, if any, not counting a country's
    /// («مطار المزة»: facility).
    fn place_cue_of_key(&self, key: &str) -> Option<Cue> {
        let filler = self
            .lex
            .word(key)
            .is_some_and(|i| i.fillers.has(Filler::Cue));
        (!filler)
            .then(|| self.cue_of_word(key))
            .flatten()
            .filter(|c| c.is_place_cue())
    }
}

/// Whether a mention stands where places stand: right after a locative word (إلى، نحو، قرب،
/// شمال...) or a place cue word (مدينة، بلدة، محافظة...). A glued preposition (بحلب، لحلب)
/// leaves no room for a word before.
pub(super) fn stands_as_place(ctx: &Ctx<'_, '_>, proclitic: Proclitic, before: Tok) -> bool {
    if proclitic.preposition().is_some() {
        return false;
    }
    ctx.locative(before) == Some(Strength::Locative)
        || ctx
            .cue_before(&[before])
            .is_some_and(|c| c.is_place_cue() && c != Cue::Country)
}

/// How the sentence marks a mention by its grammar (`marks.tsv`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Marked {
    /// The mention stands where a place stands: after an event noun and في or a glued ب
    /// («اشتباكات في الميادين»، «انفجار بدمشق»), after a gathering («مؤتمر جنيف»).
    pub(super) place: bool,
    /// The mention follows a verb of going or lying («زار أنقرة», «تقع جورين», also across the
    /// subject's title): weaker, since the verb's object or subject may be a noun that is
    /// also a village's name («يقع مسجد»).
    pub(super) visited: bool,
    /// The person's title before the mention is the subject of a verb of visiting («زار
    /// الرئيس أنقرة»): it names no person after it.
    pub(super) title_is_subject: bool,
}

/// What the words before a mention say of it by the grammar of the sentence.
pub(super) fn marked(ctx: &Ctx<'_, '_>, proclitic: Proclitic, before: &Before) -> Marked {
    let glued_in = proclitic.preposition() == Some('ب');
    let glued_to = proclitic.preposition() == Some('ل');
    let bare = proclitic.is_empty();
    let word_in = bare && ctx.text(before[0]) == "في";
    let event = |t: Tok| ctx.marks(t, Mark::Event) || ctx.marks(t, Mark::Gathering);
    let title = bare && ctx.cue_of(before[0]) == Some(Cue::Person);
    let title_is_subject = title && ctx.marks(before[1], Mark::Visit);
    let place = (glued_in && event(before[0]))
        || (word_in && event(before[1]))
        || (bare && ctx.marks(before[0], Mark::Gathering));
    // The noun of a settlement says what the name after it is, whatever its size («جزيرة
    // كيش», «إقليم هونان»); only cue words of the right size support a name fully.
    let settled = bare && ctx.marks(before[0], Mark::Settlement);
    let visited =
        ((bare || glued_to) && ctx.marks(before[0], Mark::Visit)) || title_is_subject || settled;
    Marked {
        place,
        visited,
        title_is_subject,
    }
}

/// Whether a mention follows a preposition, glued (بحلب، لحلب) or as a word (في حلب), or
/// stands where places stand (`stands`, from [`stands_as_place`]).
pub(super) fn after_preposition(
    ctx: &Ctx<'_, '_>,
    proclitic: Proclitic,
    name: &Name,
    before: Tok,
    stands: bool,
) -> bool {
    glued_preposition_of_place(proclitic, name) || ctx.locative(before).is_some() || stands
}

/// Whether the preposition glued to a name says it is a place. A glued ك compares («كالرقة»
/// "like Raqqa") rather than places, and cut off a word it reads a name into ordinary words
/// and foreign surnames (كلاوس "Claus" as ك + لاوس, ككائن "as a being" as ك + Caen). And a
/// glued ب or ل is no preposition before a name that the reference corpus, in 10 or more
/// occurrences, never writes where places stand (under 2 % after في، إلى، مدينة...): there
/// the letter begins a longer word (بيرت "Birt" as ب + يرت, بنوك "banks" as ب + Nuuk).
fn glued_preposition_of_place(proclitic: Proclitic, name: &Name) -> bool {
    let Some(preposition) = proclitic.preposition() else {
        return false;
    };
    let count = name.corpus_count().unwrap_or(0);
    let never_a_place = count >= 10 && f64::from(name.corpus_locative()) < 0.02 * f64::from(count);
    preposition != 'ك' && !never_a_place
}

/// The words before a mention where its cue word stands: before the opening quote of a quoted
/// name («مدينة " بورصة "», «صحيفة "الوطن"»).
fn cue_words(before: Before, quoted: bool) -> Before {
    if quoted {
        [before[1], before[2], None]
    } else {
        before
    }
}

/// Whether the mention stands between quotation marks: «X», "X", “X”.
fn is_quoted(before: &str, after: &str) -> bool {
    matches!(before, "«" | "\"" | "“" | "'") && matches!(after, "»" | "\"" | "”" | "'")
}

/// The words right around a mention that can make a name of it, read once: pass one reads
/// them all, and a name that is mostly an ordinary word needs one of them to be read further.
#[derive(Debug, PartialEq)]
pub(super) struct Beside {
    pub(super) before: Before,
    pub(super) after: Tok,
    /// Quotation marks around it.
    pub(super) quoted: bool,
    /// The head of a longer name right before it («مراسل الجزيرة», «لاعبو الوحدة»).
    pub(super) name_head: bool,
    /// The cue among the words before it, fillers and an opening quote skipped.
    pub(super) cue_before: Option<Cue>,
    /// The cue right after it, or in an English apposition.
    pub(super) cue_after: Option<Cue>,
}

impl Beside {
    pub(super) fn read(ctx: &Ctx<'_, '_>, m: &Mention) -> Beside {
        let around = Beside::around(ctx, m);
        // Most words beside a name are no cue and no head of a name (the tagger flagged
        // those that are): then their entries need no reading.
        let may =
            |t: Tok| t.is_some_and(|t| ctx.words.get(t).is_some_and(|w| w.may_stand_beside()));
        if around.before.iter().any(|&t| may(t)) || may(around.after) {
            return around.with_entries(ctx, m);
        }
        Beside {
            cue_after: ctx.cue_in_apposition(m),
            ..around
        }
    }

    /// The tokens around `m` and its quotation marks, before any word's entry is read.
    fn around(ctx: &Ctx<'_, '_>, m: &Mention) -> Beside {
        let (before, after) = (ctx.before(m), ctx.after(m));
        Beside {
            before,
            after,
            quoted: is_quoted(ctx.text(before[0]), ctx.text(after)),
            name_head: false,
            cue_before: None,
            cue_after: None,
        }
    }

    /// `self` with what the entries of the words around `m` say.
    fn with_entries(self, ctx: &Ctx<'_, '_>, m: &Mention) -> Beside {
        let (before, after) = (self.before, self.after);
        Beside {
            name_head: ctx.plays(before[0], Part::NameHead),
            cue_before: ctx.cue_before(&cue_words(before, self.quoted)),
            cue_after: ctx.cue_after(after).or_else(|| ctx.cue_in_apposition(m)),
            ..self
        }
    }

    /// [`Beside::read`] with every entry read, flagged or not.
    #[cfg(test)]
    fn read_every_entry(ctx: &Ctx<'_, '_>, m: &Mention) -> Beside {
        Beside::around(ctx, m).with_entries(ctx, m)
    }

    /// Whether any of them stands there.
    pub(super) fn any(&self) -> bool {
        self.quoted || self.name_head || self.cue_before.is_some() || self.cue_after.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::prior::EntityFacts;
    use crate::words::coverage::table_rows;
    use crate::{Resolver, Tagger};

    /// Reading only around flagged words misses nothing: for every cue word and head of a
    /// name in the tables, before and after a name, in quotes and in an English apposition,
    /// [`Beside::read`] finds what reading every entry finds.
    #[test]
    fn reading_only_flagged_words_misses_no_cue_and_no_head() {
        let resolver = Resolver::new(Tagger::new());
        let mut words: Vec<&str> = table_rows("cues.tsv", &["word"])
            .into_iter()
            .chain(table_rows("name_parts.tsv", &["word"]))
            .map(|(_, row)| row[0])
            .collect();
        words.extend(["في", "قال", "the", "of"]);
        let mut read = 0;
        for w in words {
            for text in [
                format!("{w} حلب"),
                format!("وصلنا إلى {w} دمشق وحمص {w}"),
                format!("قال «{w}» إن «حلب» {w} الجديدة"),
                format!("Rami, a {w} near Latakia, and the {w} of Homs"),
                format!("{w} {w} {w} إدلب"),
            ] {
                let doc = Document::new(&text);
                let (mut mentions, mut tagged) = (Vec::new(), DocWords::default());
                let tagger = resolver.tagger();
                tagger.tag_document(&doc, &mut mentions, Some(&mut tagged));
                let ctx = Ctx {
                    doc: &doc,
                    g: tagger.gazetteer(),
                    lex: crate::words::lexicon(),
                    words: &tagged,
                    facts: &EntityFacts::NONE,
                    demonym_countries: &[],
                };
                for m in mentions.iter().filter(|m| m.name().is_some()) {
                    let fast = Beside::read(&ctx, m);
                    assert_eq!(fast, Beside::read_every_entry(&ctx, m), "{text}");
                    read += usize::from(fast.any());
                }
            }
        }
        // The texts put cue words beside names: most mentions have one.
        assert!(read > 500, "{read} mentions with a word beside them");
    }
}
