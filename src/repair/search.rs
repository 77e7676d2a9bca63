//! Candidate generation: a branch-and-bound walk of the lexicon fst that reads the damaged token
//! through the learned confusion rules, so only lexicon words (and compounds of them) come out.

use fst::raw::{Fst, Node};

use super::channel::Channel;
use super::lexicon::{endings, head_penalty, walk, COST_PER_CLASS};

/// Most confusions one token may carry; OCR seldom wrecks more letters in one word.
const MAX_EDITS: u32 = 5;
/// Longest token, in characters, in which a dropped letter is looked for: every position of a
/// token is a branch point for it, and the short words OCR drops a vowel from (`fr`, `r`, `s`)
/// are where it matters.
const MAX_DROPPED_LEN: usize = 6;
/// Most parts of a compound (stads|del|s|nämnd counts as three: linking -s- is free).
const MAX_PARTS: u32 = 3;
/// Shortest compound part, in bytes; shorter parts make nonsense splits of unknown words.
const MIN_PART: usize = 3;
/// Cost of joining a compound: compounds are rarer than their head word alone.
pub const JOIN_COST: f64 = 4.5;
/// Search no further once the channel cost exceeds this (nats).
const MAX_CHANNEL: f64 = 14.0;
/// Cost of an inflected form the lexicon does not list: listed forms are the common ones.
pub const INFLECT_COST: f64 = 3.0;
/// Most bytes two chained endings spell.
const MAX_ENDINGS: usize = 10;
/// Shortest stem an ending attaches to, in characters: the forms of shorter words (är, på, år)
/// are common enough for the lexicon to list them, so an unlisted one is a misreading.
const MIN_STEM: usize = 3;

/// One reading of a token as a lexicon word or compound.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The truth the reading proposes (lower case).
    pub word: String,
    /// -ln P(word): frequency class, or the compound's head and modifiers.
    pub prior: f64,
    /// Sum of -ln P(ocr | truth) of the confusions used.
    pub channel: f64,
    /// How many confusions were used.
    pub edits: u32,
    /// Damage probabilities of vulnerable characters the OCR left intact.
    pub intact: Vec<f64>,
}

impl Candidate {
    /// -ln P(word, token) when a share `lambda` of vulnerable characters is damaged.
    pub fn cost(&self, lambda: f64) -> f64 {
        let intact: f64 = self.intact.iter().map(|d| -(1.0 - lambda * d).ln()).sum();
        self.prior + self.channel - f64::from(self.edits) * lambda.ln() + intact
    }
}

struct State<'f> {
    node: Node<'f>,
    pos: usize,
    out: u64,
    word: String,
    part_start: usize,
    parts_cost: f64,
    parts: u32,
    channel: f64,
    edits: u32,
    intact: Vec<f64>,
    /// Whether a dropped letter was restored already: OCR seldom drops two in one word.
    restored: bool,
}

/// Every lexicon reading of `token` (lower case) within the search bounds.
pub fn candidates(fst: &Fst<Vec<u8>>, channel: &Channel, token: &str) -> Vec<Candidate> {
    let chars: Vec<(usize, char)> = token.char_indices().collect();
    let mut found = Vec::new();
    let start = State {
        node: fst.root(),
        pos: 0,
        out: 0,
        word: String::new(),
        part_start: 0,
        parts_cost: 0.0,
        parts: 1,
        channel: 0.0,
        edits: 0,
        intact: Vec::new(),
        restored: false,
    };
    let mut stack = vec![start];
    while let Some(s) = stack.pop() {
        let byte_pos = chars.get(s.pos).map_or(token.len(), |&(b, _)| b);
        let part_len = s.word.len() - s.part_start;
        if s.node.is_final() && part_len > 0 {
            let class = s.out + s.node.final_output().value();
            let cost = class as f64 * COST_PER_CLASS;
            // Looked up only where the part ends a reading, not at every final node passed.
            let head_cost = || {
                if s.parts > 1 {
                    cost + head_penalty(&s.word[s.part_start..], class)
                } else {
                    cost
                }
            };
            if s.pos == chars.len() {
                found.push(Candidate {
                    word: s.word.clone(),
                    prior: head_cost() + s.parts_cost,
                    channel: s.channel,
                    edits: s.edits,
                    intact: s.intact.clone(),
                });
            } else {
                // Two endings span at most a few letters; most stems reached leave far more.
                let stem_chars = s.word[s.part_start..].chars().count();
                if stem_chars >= MIN_STEM && token.len() - byte_pos <= MAX_ENDINGS {
                    inflect(&mut found, &s, channel, &token[byte_pos..], head_cost());
                }
                if s.parts < MAX_PARTS && part_len >= MIN_PART && token.len() - byte_pos >= MIN_PART
                {
                    // A modifier costs half its own rarity: the head word decides a compound's class.
                    let parts_cost = s.parts_cost + 0.5 * cost + JOIN_COST;
                    let mut link = |skip: usize, linker: &str| {
                        let mut word = s.word.clone();
                        word.push_str(linker);
                        stack.push(State {
                            node: fst.root(),
                            pos: s.pos + skip,
                            out: 0,
                            part_start: word.len(),
                            word,
                            parts_cost,
                            parts: s.parts + 1,
                            channel: s.channel,
                            edits: s.edits,
                            intact: s.intact.clone(),
                            restored: s.restored,
                        });
                    };
                    link(0, "");
                    if chars[s.pos].1 == 's' && token.len() - byte_pos > MIN_PART {
                        link(1, "s");
                    }
                }
            }
        }
        if !s.restored && s.edits < MAX_EDITS && chars.len() <= MAX_DROPPED_LEN {
            for rule in channel.dropped() {
                if s.channel + rule.cost > MAX_CHANNEL {
                    continue;
                }
                // The letter must lead on to the token's next letter (or end a word), or the
                // branch dies a step later anyway.
                let leads_on = |node: Node| match chars.get(s.pos) {
                    Some(&(_, next)) => {
                        let mut buf = [0u8; 4];
                        walk(fst, node, next.encode_utf8(&mut buf).as_bytes()).is_some()
                    }
                    None => node.is_final(),
                };
                if let Some((node, out)) =
                    walk(fst, s.node, rule.truth.as_bytes()).filter(|&(node, _)| leads_on(node))
                {
                    let mut word = s.word.clone();
                    word.push_str(&rule.truth);
                    stack.push(State {
                        node,
                        out: s.out + out,
                        word,
                        channel: s.channel + rule.cost,
                        edits: s.edits + 1,
                        restored: true,
                        ..clone_state(&s)
                    });
                }
            }
        }
        let Some(&(_, c)) = chars.get(s.pos) else {
            continue;
        };
        let mut buf = [0u8; 4];
        if let Some((node, out)) = walk(fst, s.node, c.encode_utf8(&mut buf).as_bytes()) {
            let mut intact = s.intact.clone();
            let d = channel.damage(c);
            if d > 0.0 {
                intact.push(d);
            }
            let mut word = s.word.clone();
            word.push(c);
            stack.push(State {
                node,
                pos: s.pos + 1,
                out: s.out + out,
                word,
                intact,
                ..clone_state(&s)
            });
        }
        if s.edits >= MAX_EDITS {
            continue;
        }
        let rest = &token[byte_pos..];
        for rule in channel.rules(c) {
            if !rest.starts_with(rule.ocr.as_str()) || s.channel + rule.cost > MAX_CHANNEL {
                continue;
            }
            if let Some((node, out)) = walk(fst, s.node, rule.truth.as_bytes()) {
                let mut word = s.word.clone();
                word.push_str(&rule.truth);
                stack.push(State {
                    node,
                    pos: s.pos + rule.ocr.chars().count(),
                    out: s.out + out,
                    word,
                    channel: s.channel + rule.cost,
                    edits: s.edits + 1,
                    ..clone_state(&s)
                });
            }
        }
    }
    found
}

/// Readings of the token as the word reached by `s` (its last part costing `cost`) plus one or two
/// learned inflectional endings spelling out the `rest` of the token (nämnd + erna + s).
fn inflect(found: &mut Vec<Candidate>, s: &State, channel: &Channel, rest: &str, cost: f64) {
    let mut add = |ending_cost: f64| {
        let mut intact = s.intact.clone();
        intact.extend(rest.chars().map(|c| channel.damage(c)).filter(|&d| d > 0.0));
        let mut word = s.word.clone();
        word.push_str(rest);
        found.push(Candidate {
            word,
            prior: cost + s.parts_cost + INFLECT_COST + ending_cost,
            channel: s.channel,
            edits: s.edits,
            intact,
        });
    };
    for first in endings() {
        let Some(more) = rest.strip_prefix(first.text.as_str()) else {
            continue;
        };
        if more.is_empty() {
            add(first.cost);
        } else if let Some(second) = endings().iter().find(|e| e.text == more) {
            add(first.cost + second.cost);
        }
    }
}

fn clone_state<'f>(s: &State<'f>) -> State<'f> {
    State {
        node: s.node,
        pos: s.pos,
        out: s.out,
        word: String::new(),
        part_start: s.part_start,
        parts_cost: s.parts_cost,
        parts: s.parts,
        channel: s.channel,
        edits: s.edits,
        intact: s.intact.clone(),
        restored: s.restored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::lexicon;

    fn words(token: &str) -> Vec<String> {
        let channel = Channel::embedded();
        candidates(lexicon::shared().as_fst(), &channel, token)
            .into_iter()
            .map(|c| c.word)
            .collect()
    }

    #[test]
    fn short_words_take_no_unlisted_endings() {
        // på, är and år are two letters but three bytes; their forms are all listed, so
        // "pån", "ärn" or "årn" would be misreadings passed off as inflections.
        for (token, junk) in [("pan", "pån"), ("arn", "ärn"), ("arn", "årn")] {
            assert!(!words(token).iter().any(|w| w == junk), "{token} → {junk}");
        }
        // A longer stem still takes an ending the lexicon does not list.
        assert!(words("stadsdelsnamnderna").contains(&"stadsdelsnämnderna".to_string()));
    }
}
