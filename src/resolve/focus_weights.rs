//! The weights of the evidence the document focus counts (`focus.rs`), and the
//! ablations that measure each (DESIGN.md §12).

/// The weights of the evidence the document focus counts; 1.0 turns a kind of evidence off
/// (and `specificity: false` the vote of a place for its governorate).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocusWeights {
    /// A mention in the headline: the first line of a text of several lines, if short.
    pub headline: f64,
    /// The first place the headline names, a country or an actor excepted: of several
    /// fronts a headline lists, the first is the story's ("attacks in Aleppo and Idlib").
    pub headline_first: f64,
    /// A mention in the first sentence of the body.
    pub first_sentence: f64,
    /// A dateline («دمشق - سانا»).
    pub dateline: f64,
    /// An event word (`events.tsv`) in the same sentence, up to [`EVENT_WINDOW`](crate::EVENT_WINDOW) tokens before
    /// the mention or three after it.
    pub event: f64,
    /// A country, continent or world region with no preposition before it: an actor.
    pub frame: f64,
    /// A capital with no preposition before it: the seat of a government («أعلنت دمشق»).
    pub capital: f64,
    /// The place a relative-position or containment phrase is measured from.
    pub reference: f64,
    /// A place named as an origin ("evacuees from the towns of X", "rockets fired from X"):
    /// where people or fire came from, not where the story happens.
    pub origin: f64,
    /// A governorate named as one («محافظة إدلب», «ريف حلب», "Idlib province", "the
    /// countryside of Aleppo"): the story's scene named as an area; it counts for the area,
    /// not for the governorate's rank among the area's places.
    pub province: f64,
    /// A mention after the lead: past the first `LEAD_SENTENCES` (3) sentences of the body.
    /// News puts what happened where first (the inverted pyramid); later paragraphs bring
    /// background and other fronts.
    pub later: f64,
    /// A place's votes count for its governorate (and «Syria»'s for its best governorate).
    pub specificity: bool,
}

impl Default for FocusWeights {
    fn default() -> FocusWeights {
        FocusWeights {
            headline: 3.0,
            headline_first: 1.5,
            first_sentence: 2.5,
            dateline: 1.0,
            event: 1.5,
            frame: 0.2,
            capital: 0.5,
            reference: 0.5,
            origin: 0.3,
            province: 2.0,
            later: 0.5,
            specificity: true,
        }
    }
}

impl FocusWeights {
    /// Frequency alone: every mention one vote, places counted for their governorate.
    pub fn frequency() -> FocusWeights {
        FocusWeights {
            headline: 1.0,
            headline_first: 1.0,
            first_sentence: 1.0,
            dateline: 1.0,
            event: 1.0,
            frame: 1.0,
            capital: 1.0,
            reference: 1.0,
            origin: 1.0,
            province: 1.0,
            later: 1.0,
            specificity: true,
        }
    }
}

impl std::str::FromStr for FocusWeights {
    type Err = String;

    /// Weights written `name=value,...` over the defaults: `headline=2,event=1`
    /// (`specificity=0` turns it off).
    fn from_str(s: &str) -> Result<FocusWeights, String> {
        let mut w = FocusWeights::default();
        for item in s.split(',').filter(|i| !i.trim().is_empty()) {
            let (name, value) = item
                .split_once('=')
                .ok_or_else(|| format!("`{item}`: expected name=value"))?;
            let value: f64 = value.trim().parse().map_err(|e| format!("`{item}`: {e}"))?;
            match name.trim() {
                "headline" => w.headline = value,
                "headline_first" => w.headline_first = value,
                "first_sentence" => w.first_sentence = value,
                "dateline" => w.dateline = value,
                "event" => w.event = value,
                "frame" => w.frame = value,
                "capital" => w.capital = value,
                "reference" => w.reference = value,
                "origin" => w.origin = value,
                "province" => w.province = value,
                "later" => w.later = value,
                "specificity" => w.specificity = value != 0.0,
                other => {
                    return Err(format!(
                        "unknown weight `{other}` (one of: headline, headline_first, first_sentence, \
                         dateline, event, frame, capital, reference, origin, province, later, specificity)"
                    ));
                }
            }
        }
        Ok(w)
    }
}

impl FocusWeights {
    /// The default weights, then each kind of evidence turned off in turn, named: what an
    /// ablation table measures.
    pub fn ablations() -> Vec<(&'static str, FocusWeights)> {
        let d = FocusWeights::default();
        vec![
            ("all evidence (default)", d),
            ("frequency alone", FocusWeights::frequency()),
            ("without headline", FocusWeights { headline: 1.0, ..d }),
            (
                "without the headline's first place",
                FocusWeights {
                    headline_first: 1.0,
                    ..d
                },
            ),
            (
                "without first sentence",
                FocusWeights {
                    first_sentence: 1.0,
                    ..d
                },
            ),
            ("without dateline", FocusWeights { dateline: 1.0, ..d }),
            ("without event words", FocusWeights { event: 1.0, ..d }),
            ("without framing actors", FocusWeights { frame: 1.0, ..d }),
            (
                "without framing capitals",
                FocusWeights { capital: 1.0, ..d },
            ),
            (
                "without reference places",
                FocusWeights {
                    reference: 1.0,
                    ..d
                },
            ),
            ("without origins", FocusWeights { origin: 1.0, ..d }),
            ("without provinces", FocusWeights { province: 1.0, ..d }),
            (
                "without the lead's weight",
                FocusWeights { later: 1.0, ..d },
            ),
            (
                "without specificity",
                FocusWeights {
                    specificity: false,
                    ..d
                },
            ),
        ]
    }
}
