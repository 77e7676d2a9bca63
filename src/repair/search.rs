//! Candidate generation: a branch-and-bound walk of the lexicon fst that reads the damaged token
//! through the learned confusion rules, so only lexicon words (and compounds of them) come out.

use fst::raw::{CompiledAddr, Fst, Node};

use super::channel::{Channel, Rule};
use super::lexicon::{endings, head_penalty, is_modifier, modifier_class, walk, COST_PER_CLASS};

/// Most confusions one token may carry; OCR seldom wrecks more letters in one word.
const MAX_EDITS: u32 = 5;
/// Longest token, in characters, in which a dropped letter is looked for: every position of a
/// token is a branch point for it, and the short words OCR drops a vowel from (`fr` for för,
/// `r` for är) are where it matters.
const MAX_DROPPED_LEN: usize = 6;
/// Most parts of a compound (stads|del|s|nämnd counts as three: linking -s- is free).
const MAX_PARTS: u32 = 3;
/// Most confusions, in all, of a compound of [`MAX_PARTS`] whose head takes one.
const MAX_HEAD_EDITS: u32 = 2;
/// Least share of a letter's misreadings a confusion read in such a head must have: only the
/// dominant ones (ä and å read as a, ö as o or é) are worth the branches of a long token.
const HEAD_CONFUSION_SHARE: f64 = 0.25;
/// Shortest rest of a token a compound's head is read from, in its bytes, and fewest letters of
/// a first part that may take more than a head (see [`MIN_MODIFIER_LETTERS`]); shorter parts
/// make nonsense splits of unknown words.
const MIN_PART: usize = 3;
/// Fewest letters of a compound's first part: a two-letter word opens many (is|bana, ås|rygg),
/// and the modifier classes price the many that open almost none (vi, od).
const MIN_MODIFIER_LETTERS: usize = 2;
/// Fewest letters of a compound's middle part. A two-letter word may open or end a compound
/// (år|s|budget, läs|år), but between two parts it splits unknown names into nonsense
/// (vim|år|hem).
const MIN_MIDDLE_LETTERS: usize = 3;
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

/// How much costlier than the token read as itself, at the ranking damage rate, a reading may be
/// and still be weighed: e⁸, some 3,000 times less likely. In the held-out OCR twins, a reading
/// beyond that which repair chose was never the truth: a name the lexicon knows as a word read
/// as a place (Stora as Storå, Bostad as Båstad), where the text's glyphs and a capital's name
/// place closed the gap. Most of a token's branches lead only to such readings, so the search
/// is cut there too (7 to 8 are alike in the twins; from 6, repairs are lost, and from 9, the
/// names come back).
const REACH: f64 = 8.0;

/// The damage rate at which readings are ranked: an even prior, as nothing is known yet of the
/// text a token comes from.
const RANK_LAMBDA: f64 = 0.5;

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
        price(
            self.prior,
            self.channel,
            self.edits,
            self.intact.iter().copied(),
            lambda,
        )
    }
}

/// -ln P(word, token) of a reading's parts when a share `lambda` of vulnerable characters is
/// damaged.
fn price(
    prior: f64,
    channel: f64,
    edits: u32,
    intact: impl Iterator<Item = f64>,
    lambda: f64,
) -> f64 {
    let intact: f64 = intact.map(|d| intact_cost(d, lambda)).sum();
    prior + channel - f64::from(edits) * lambda.ln() + intact
}

/// -ln P of a vulnerable character of damage probability `d` coming through intact.
fn intact_cost(d: f64, lambda: f64) -> f64 {
    -(1.0 - lambda * d).ln()
}

/// A token's readings: the token read as itself, and the cheapest other words.
pub struct Readings {
    /// The cheapest analysis of the token as the lexicon word (or compound) it spells.
    pub identity: Option<Candidate>,
    /// The cheapest analysis of each of the cheapest other words at an even damage rate,
    /// cheapest first (ties by word).
    pub best: Vec<Candidate>,
}

/// The readings met so far. Of several analyses of one word the first of the cheapest counts.
struct Kept {
    keep: usize,
    identity: Option<Candidate>,
    /// What the cheapest analysis of the token as itself costs at the ranking damage rate, plus
    /// [`REACH`]: the most a reading may cost.
    reach: f64,
    /// The cheapest words met, each with its cost at the ranking damage rate, in rank order.
    best: Vec<(f64, Candidate)>,
}

/// A reading as the search meets it, before anything is copied out of the search's buffers.
struct Met<'p> {
    word: &'p str,
    prior: f64,
    channel: f64,
    edits: u32,
    intact: &'p [f64],
}

impl Kept {
    /// The cost a reading must not exceed to count: a word costlier than the `keep`th cheapest
    /// met so far can be neither among the cheapest nor a cheaper analysis of one of them, and
    /// none may cost more than the token's reach.
    fn bound(&self) -> f64 {
        self.best
            .get(self.keep.saturating_sub(1))
            .map_or(f64::INFINITY, |b| b.0)
            .min(self.reach)
    }

    /// Whether readings with confusions that cost at least `floor` can no longer count.
    fn beyond(&self, floor: f64) -> bool {
        floor > self.bound() + ROUNDING
    }

    /// Weighs reading `m`. A word not among the cheapest whose reading ranks below the last of
    /// them is dropped: its cost only falls with a cheaper analysis, and the last's only falls
    /// too, so it could never rank among them with this analysis.
    fn offer(&mut self, m: &Met) {
        let candidate = || Candidate {
            word: m.word.to_string(),
            prior: m.prior,
            channel: m.channel,
            edits: m.edits,
            intact: m.intact.to_vec(),
        };
        if m.edits == 0 {
            if self.identity.as_ref().is_none_or(|i| m.prior < i.prior) {
                let identity = candidate();
                self.reach = identity.cost(RANK_LAMBDA) + REACH;
                self.identity = Some(identity);
            }
            return;
        }
        let cost = price(
            m.prior,
            m.channel,
            m.edits,
            m.intact.iter().copied(),
            RANK_LAMBDA,
        );
        let before = |b: &(f64, Candidate)| {
            b.0.total_cmp(&cost)
                .then_with(|| b.1.word.as_str().cmp(m.word))
                .is_lt()
        };
        if let Some(i) = self.best.iter().position(|b| b.1.word == m.word) {
            if cost < self.best[i].0 {
                self.best.remove(i);
            } else {
                return;
            }
        } else if self.best.len() >= self.keep && self.best.last().is_some_and(&before) {
            return;
        }
        let at = self.best.partition_point(before);
        self.best.insert(at, (cost, candidate()));
        self.best.truncate(self.keep);
    }
}

/// One step of the search. States are explored depth first, so the word and the intact list
/// are kept in shared buffers that each state rewinds to its parent's and extends, rather than
/// copied into every state.
#[derive(Clone, Copy)]
struct State<'a> {
    /// The lexicon node reached, decoded only if the state is explored: many are cut first.
    node: CompiledAddr,
    pos: usize,
    out: u64,
    /// Length of the parent's word: the word buffer still starts with it when this state is
    /// taken off the stack, as everything explored in between extends that word.
    base: usize,
    /// What this state adds to its parent's word.
    append: &'a str,
    part_start: usize,
    parts_cost: f64,
    parts: u32,
    channel: f64,
    edits: u32,
    /// Length of the parent's intact list, kept in its buffer as `base` is for the word.
    intact_base: usize,
    /// The damage probability of the vulnerable letter this state read intact, if any.
    intact: Option<f64>,
    /// What the intact letters cost at the ranking damage rate, so far.
    intact_cost: f64,
    /// Whether a dropped letter was restored already: OCR seldom drops two in one word.
    restored: bool,
}

impl State<'_> {
    /// The least any reading this state leads to can cost at the ranking damage rate: costs only
    /// grow as letters are read, and the part being read costs at least its class so far as the
    /// last part, or half of it and the join as a modifier (which only a compound with parts to
    /// spare may have).
    fn floor(&self) -> f64 {
        let part = self.out as f64 * COST_PER_CLASS;
        if self.parts < MAX_PARTS {
            self.floor_with(part.min(0.5 * part + JOIN_COST))
        } else {
            self.floor_with(part)
        }
    }

    /// The least a reading of this state costs whose last part costs at least `part`.
    fn floor_with(&self, part: f64) -> f64 {
        self.parts_cost + part + self.channel - f64::from(self.edits) * RANK_LAMBDA.ln()
            + self.intact_cost
    }
}

/// One letter of the token, with what the search asks of it at every state.
struct Letter<'c> {
    /// Its byte offset in the token.
    offset: usize,
    c: char,
    /// How likely OCR damages it.
    damage: f64,
    /// What reading it intact costs at the ranking damage rate.
    intact_cost: f64,
    /// The number of the letter itself among the token's truths.
    truth: usize,
    /// The confusions whose OCR string the token spells from here, with how many letters each
    /// reads and the number of its truth, cheapest first: found once per token rather than at
    /// every state.
    rules: Vec<(&'c Rule, usize, usize)>,
    /// What each way the rest of the token from here spells one or two learned endings costs.
    endings: Vec<f64>,
}

/// The word and intact list of the state being explored.
struct Path {
    word: String,
    intact: Vec<f64>,
}

impl Path {
    /// Rewinds to `s`'s parent and takes `s`'s step.
    fn enter(&mut self, s: &State) {
        self.word.truncate(s.base);
        self.word.push_str(s.append);
        self.intact.truncate(s.intact_base);
        self.intact.extend(s.intact);
    }
}

/// Slack for the rounding of costs summed in another order than the floor's.
const ROUNDING: f64 = 1e-9;

/// The lexicon readings of `token` (lower case) within the search bounds: its cheapest analysis
/// as itself, and the `keep` cheapest other words. Branches that cannot reach a reading cheaper
/// than the `keep`th met so far are cut, which leaves the readings as a full search finds them.
pub fn readings<'t>(
    fst: &Fst<Vec<u8>>,
    channel: &'t Channel,
    token: &'t str,
    keep: usize,
) -> Readings {
    // Every string a state may walk the lexicon by, numbered, so each state walks each once:
    // many confusions share a truth, and the letter read intact is often one of them.
    let mut truths: Vec<&'t str> = Vec::new();
    let mut number = |truth: &'t str| match truths.iter().position(|&t| t == truth) {
        Some(i) => i,
        None => {
            truths.push(truth);
            truths.len() - 1
        }
    };
    let chars: Vec<Letter> = token
        .char_indices()
        .map(|(offset, c)| Letter {
            offset,
            c,
            damage: channel.damage(c),
            intact_cost: intact_cost(channel.damage(c), RANK_LAMBDA),
            truth: number(&token[offset..offset + c.len_utf8()]),
            rules: channel
                .rules(c)
                .iter()
                .filter(|r| starts_with(&token[offset..], &r.ocr))
                .map(|r| (r, r.ocr.chars().count(), number(&r.truth)))
                .collect(),
            endings: ending_costs(&token[offset..]),
        })
        .collect();
    let dropped: Vec<(&Rule, usize)> = channel
        .dropped()
        .iter()
        .map(|r| (r, number(&r.truth)))
        .collect();
    let mut kept = Kept {
        keep,
        identity: None,
        reach: f64::INFINITY,
        best: Vec::new(),
    };
    let mut path = Path {
        word: String::new(),
        intact: Vec::new(),
    };
    let root = fst.root().addr();
    let start = State {
        node: root,
        pos: 0,
        out: 0,
        base: 0,
        append: "",
        part_start: 0,
        parts_cost: 0.0,
        parts: 1,
        channel: 0.0,
        edits: 0,
        intact_base: 0,
        intact: None,
        intact_cost: 0.0,
        restored: false,
    };
    let mut stack = vec![start];
    // Where each truth leads from the state being explored, stamped with the state's number.
    let mut walked: Vec<(usize, Option<(CompiledAddr, u64)>)> = vec![(0, None); truths.len()];
    let mut steps: Vec<(u8, Option<(Node, u64)>)> = Vec::new();
    let mut stamp = 0;
    while let Some(s) = stack.pop() {
        // Only an analysis of the token as itself (no confusion) counts whatever it costs.
        if s.edits > 0 && kept.beyond(s.floor()) {
            continue;
        }
        path.enter(&s);
        if s.parts == MAX_PARTS {
            read_head(fst, (&mut kept, &mut stack), s, &mut path, (token, &chars));
            continue;
        }
        let node = fst.node(s.node);
        let word = path.word.as_str();
        let byte_pos = chars.get(s.pos).map_or(token.len(), |l| l.offset);
        let part_len = word.len() - s.part_start;
        // A child of `s`: its step taken from `s`'s word and intact list.
        let child = State {
            base: word.len(),
            append: "",
            intact_base: path.intact.len(),
            intact: None,
            ..s
        };
        if node.is_final() && part_len > 0 {
            let class = s.out + node.final_output().value();
            end_part(&mut kept, &s, &mut path, (token, &chars), class);
            let fewest = if s.parts > 1 {
                MIN_MIDDLE_LETTERS
            } else {
                MIN_MODIFIER_LETTERS
            };
            // The part's letters are counted only where the token leaves room for a head.
            let letters = || path.word[s.part_start..].chars().count();
            // A part inside a compound is a word compounds are seen to open: any lexicon word
            // there (an abbreviation such as cbi) would make junk compounds of clean words
            // (tax|cbi|laga for taxebilaga).
            let joins = || s.parts == 1 || is_modifier(&path.word[s.part_start..]);
            if s.pos < chars.len()
                && token.len() - byte_pos >= MIN_PART
                && letters() >= fewest
                && joins()
            {
                // A modifier costs half its own rarity: the head word decides a compound's class.
                let class = modifier_class(&path.word[s.part_start..], class);
                let parts_cost = s.parts_cost + 0.5 * class as f64 * COST_PER_CLASS + JOIN_COST;
                // A modifier of fewer than MIN_PART letters (is|banor, ål|bäcken) takes only a
                // head, read as the head of a compound of the most parts is: such a word is a
                // name's opening as often (vi|mår|hem for Vimarhem, Al|bäcks|skogen).
                let parts = if letters() < MIN_PART {
                    MAX_PARTS
                } else {
                    s.parts + 1
                };
                let mut link = |skip: usize, linker: &'static str| {
                    stack.push(State {
                        node: root,
                        pos: s.pos + skip,
                        out: 0,
                        append: linker,
                        part_start: child.base + linker.len(),
                        parts_cost,
                        parts,
                        ..child
                    });
                };
                link(0, "");
                if chars[s.pos].c == 's' && token.len() - byte_pos > MIN_PART {
                    link(1, "s");
                }
            }
        }
        // What a confusion from here costs at least, before its own cost.
        let edit_floor = s.floor() - RANK_LAMBDA.ln();
        let out_of_reach = |rule: &Rule| {
            s.channel + rule.cost > MAX_CHANNEL || kept.beyond(edit_floor + rule.cost)
        };
        // Where each truth leads from here, and where each first byte of one leads, walked once
        // for all rules: many confusions share a truth, and å, ä, ö a first byte.
        stamp += 1;
        steps.clear();
        let mut walk_truth = |i: usize| {
            if walked[i].0 == stamp {
                return walked[i].1;
            }
            let truth = truths[i];
            let to = (|| {
                let (&last, init) = truth.as_bytes().split_last()?;
                let Some((&first, middle)) = init.split_first() else {
                    return step(&node, last);
                };
                let lead = match steps.iter().find(|&&(b, _)| b == first) {
                    Some(&(_, lead)) => lead,
                    None => {
                        let lead = walk(fst, node, &[first]);
                        steps.push((first, lead));
                        lead
                    }
                };
                let (inner, out) = lead?;
                let (inner, middle_out) = walk(fst, inner, middle)?;
                let (to, last_out) = step(&inner, last)?;
                Some((to, out + middle_out + last_out))
            })();
            walked[i] = (stamp, to);
            to
        };
        // A letter lost at the token's end is no more likely than a word cut short (`Avst` for
        // avstår in a vote table's head): only one inside it is restored (för read as fr).
        let next = chars
            .get(s.pos)
            .filter(|_| !s.restored && s.edits < MAX_EDITS && chars.len() <= MAX_DROPPED_LEN);
        if let Some(next) = next {
            for &(rule, truth) in &dropped {
                if out_of_reach(rule) {
                    continue;
                }
                // The letter must lead on to the token's next letter, or the branch dies a step
                // later anyway.
                let leads_on = |to: CompiledAddr| {
                    let mut buf = [0u8; 4];
                    walk(fst, fst.node(to), next.c.encode_utf8(&mut buf).as_bytes()).is_some()
                };
                if let Some((node, out)) = walk_truth(truth).filter(|&(node, _)| leads_on(node)) {
                    stack.push(State {
                        node,
                        out: s.out + out,
                        append: &rule.truth,
                        channel: s.channel + rule.cost,
                        edits: s.edits + 1,
                        restored: true,
                        ..child
                    });
                }
            }
        }
        let Some(Letter {
            c,
            damage: d,
            intact_cost: cost_intact,
            truth,
            rules,
            ..
        }) = chars.get(s.pos)
        else {
            continue;
        };
        let (c, d) = (*c, *d);
        let letter = &token[byte_pos..byte_pos + c.len_utf8()];
        let intact_step = walk_truth(*truth).map(|(node, out)| {
            let intact = (d > 0.0).then_some(d);
            State {
                node,
                pos: s.pos + 1,
                out: s.out + out,
                append: letter,
                intact,
                intact_cost: s.intact_cost + if d > 0.0 { *cost_intact } else { 0.0 },
                ..child
            }
        });
        if s.edits < MAX_EDITS {
            // The cheapest confusion is pushed last, so tried first, for the same reason.
            for &(rule, read, truth) in rules.iter().rev() {
                if out_of_reach(rule) {
                    continue;
                }
                if let Some((node, out)) = walk_truth(truth) {
                    stack.push(State {
                        node,
                        pos: s.pos + read,
                        out: s.out + out,
                        append: &rule.truth,
                        channel: s.channel + rule.cost,
                        edits: s.edits + 1,
                        ..child
                    });
                }
            }
        }
        // Taken off the stack first: following the token's own letters, the cheap readings
        // with a confusion near its end come soon, and the bound they set cuts the rest early.
        stack.extend(intact_step);
    }
    let reach = kept.reach;
    Readings {
        identity: kept.identity,
        // Those met before the token as itself are held to its reach too.
        best: (kept.best.into_iter())
            .filter(|&(cost, _)| cost <= reach)
            .map(|(_, c)| c)
            .collect(),
    }
}

/// Offers the readings that end the part `s` has reached, a lexicon word of frequency `class`:
/// the token read to its end, or the word with one or two endings spelling the rest of the
/// `token` (given with its letters).
fn end_part(
    kept: &mut Kept,
    s: &State,
    path: &mut Path,
    (token, chars): (&str, &[Letter]),
    class: u64,
) {
    let cost = class as f64 * COST_PER_CLASS;
    // Looked up only where the part ends a reading, not at every final node passed.
    let head_cost = |word: &str| {
        if s.parts > 1 {
            cost + head_penalty(&word[s.part_start..], class)
        } else {
            cost
        }
    };
    // A reading with confusions that cannot count is not priced (its head looked up).
    let out_of_reach =
        |kept: &Kept, extra: f64| s.edits > 0 && kept.beyond(s.floor_with(cost) + extra);
    match chars.get(s.pos) {
        None => {
            if !out_of_reach(kept, 0.0) {
                kept.offer(&Met {
                    word: &path.word,
                    prior: head_cost(&path.word) + s.parts_cost,
                    channel: s.channel,
                    edits: s.edits,
                    intact: &path.intact,
                });
            }
        }
        Some(next)
            if !next.endings.is_empty()
                && !out_of_reach(kept, INFLECT_COST)
                && path.word[s.part_start..].chars().count() >= MIN_STEM =>
        {
            let head = head_cost(&path.word);
            let rest = (&token[next.offset..], &chars[s.pos..]);
            inflect(kept, s, path, rest, head);
        }
        Some(_) => {}
    }
}

/// Reads the head of a compound of the most parts from `s` on as written, offering every
/// reading it ends, and pushes onto `stack` the branches that read a letter of it as a misread
/// å, ä or ö while the reading has fewer than [`MAX_HEAD_EDITS`] confusions. Its other
/// confusions are not tried: of a long token's readings, those with the most parts and much
/// damage are the most numerous and the least often right, while a compound of three parts
/// whose head lost its å, ä or ö (region|utvecklings|direktören) is common.
fn read_head<'t>(
    fst: &Fst<Vec<u8>>,
    (kept, stack): (&mut Kept, &mut Vec<State<'t>>),
    mut s: State<'t>,
    path: &mut Path,
    (token, chars): (&str, &[Letter<'t>]),
) {
    let mut node = fst.node(s.node);
    loop {
        if node.is_final() && path.word.len() > s.part_start {
            let class = s.out + node.final_output().value();
            end_part(kept, &s, path, (token, chars), class);
        }
        let Some(letter) = chars.get(s.pos) else {
            return;
        };
        if s.edits < MAX_HEAD_EDITS {
            let edit_floor = s.floor() - RANK_LAMBDA.ln();
            for &(rule, read, _) in letter.rules.iter().rev() {
                if rule.truth.is_ascii()
                    || rule.cost > -HEAD_CONFUSION_SHARE.ln()
                    || s.channel + rule.cost > MAX_CHANNEL
                    || kept.beyond(edit_floor + rule.cost)
                {
                    continue;
                }
                if let Some((to, out)) = walk(fst, node, rule.truth.as_bytes()) {
                    stack.push(State {
                        node: to.addr(),
                        pos: s.pos + read,
                        out: s.out + out,
                        base: path.word.len(),
                        append: &rule.truth,
                        channel: s.channel + rule.cost,
                        edits: s.edits + 1,
                        intact_base: path.intact.len(),
                        intact: None,
                        ..s
                    });
                }
            }
        }
        let written = &token[letter.offset..letter.offset + letter.c.len_utf8()];
        let Some((next, out)) = walk(fst, node, written.as_bytes()) else {
            return;
        };
        node = next;
        s.pos += 1;
        s.out += out;
        path.word.push_str(written);
        if letter.damage > 0.0 {
            path.intact.push(letter.damage);
            s.intact_cost += letter.intact_cost;
        }
        if s.edits > 0 && kept.beyond(s.floor()) {
            return;
        }
    }
}

/// Readings of the token as the word reached by `s` (its last part costing `cost`) plus one or two
/// learned inflectional endings spelling out the rest of the token (nämnd + erna + s), given by
/// its letters.
fn inflect(kept: &mut Kept, s: &State, path: &mut Path, rest: (&str, &[Letter]), cost: f64) {
    let (text, letters) = rest;
    let Some(first) = letters.first() else {
        return;
    };
    // The state's word and intact list, extended in place for the readings rather than copied.
    let (word, intact) = (path.word.len(), path.intact.len());
    path.word.push_str(text);
    path.intact
        .extend(letters.iter().map(|l| l.damage).filter(|&d| d > 0.0));
    for ending_cost in &first.endings {
        kept.offer(&Met {
            word: &path.word,
            prior: cost + s.parts_cost + INFLECT_COST + ending_cost,
            channel: s.channel,
            edits: s.edits,
            intact: &path.intact,
        });
    }
    path.word.truncate(word);
    path.intact.truncate(intact);
}

/// What each way of spelling `rest` as one or two learned endings costs, in the endings' order.
fn ending_costs(rest: &str) -> Vec<f64> {
    // Two endings span at most a few letters; most stems reached leave far more.
    if rest.len() > MAX_ENDINGS {
        return Vec::new();
    }
    let endings = endings();
    endings
        .iter()
        .filter(|first| starts_with(rest, &first.text))
        .filter_map(|first| {
            let more = &rest[first.text.len()..];
            if more.is_empty() {
                return Some(first.cost);
            }
            first
                .then
                .iter()
                .find(|&&(j, _)| endings[j].text == more)
                .map(|&(_, cost)| cost)
        })
        .collect()
}

/// Where byte `b` leads from `node`: the address of the node reached (left for the state that
/// goes there to decode) and the output on the way.
fn step(node: &Node, b: u8) -> Option<(CompiledAddr, u64)> {
    let t = node.transition(node.find_input(b)?);
    Some((t.addr, t.out.value()))
}

/// Whether `text` starts with `prefix`, compared in line: the strings are a few bytes, too short
/// for a call to the library's comparison to pay.
fn starts_with(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.bytes().zip(prefix.bytes()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::lexicon;

    fn words(token: &str) -> Vec<String> {
        let channel = Channel::embedded();
        let r = readings(lexicon::shared().as_fst(), &channel, token, usize::MAX);
        r.identity
            .into_iter()
            .chain(r.best)
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

    #[test]
    fn a_two_letter_word_ends_or_opens_a_compound_but_stands_in_no_middle() {
        // år spans three bytes: it ends tillsyn|s|år, which the lexicon does not list, but
        // vim|år|hem is no compound of a place name the lexicon lacks.
        assert!(words("tillsynsar").contains(&"tillsynsår".to_string()));
        assert!(!words("vimarhem").contains(&"vimårhem".to_string()));
    }

    #[test]
    fn a_two_letter_word_opens_a_compound_of_two_parts() {
        // is|banor is a compound as written, not a damaged läs|banor; ny|upplåna lost its ring.
        let channel = Channel::embedded();
        let fst = lexicon::shared().as_fst();
        let r = readings(fst, &channel, "isbanor", 3);
        let cheapest = r
            .best
            .first()
            .map_or(f64::INFINITY, |c| c.prior + c.channel);
        assert!(r.identity.is_some_and(|i| i.prior < cheapest));
        let r = readings(fst, &channel, "nyupplana", 3);
        assert_eq!(r.best.first().map(|c| c.word.as_str()), Some("nyupplåna"));
    }

    #[test]
    fn two_endings_chain_only_as_the_lexicons_words_show() {
        // erna+s (nämndernas) is a chain many words show; d+r, two common endings, none.
        assert_eq!(ending_costs("ernas").len(), 1);
        assert!(ending_costs("dr").is_empty());
    }

    #[test]
    fn compounds_of_three_parts_are_read_through_damaged_modifiers() {
        // kapital|tjänst|kostnaderna: no two parts spell it, the damage is in a modifier, and
        // the head is read as written.
        let channel = Channel::embedded();
        let r = readings(
            lexicon::shared().as_fst(),
            &channel,
            "kapitaltjanstkostnaderna",
            3,
        );
        let best = r.best.first().map(|c| c.word.as_str());
        assert_eq!(best, Some("kapitaltjänstkostnaderna"));
    }

    #[test]
    fn compounds_of_three_parts_are_read_through_a_head_that_lost_its_a_ring_or_umlaut() {
        // bredbands|utbyggnads|stödet, lantbruks|marks|försäljning: no two parts spell them, and
        // the damage is in the head alone.
        let channel = Channel::embedded();
        for (token, truth) in [
            ("bredbandsutbyggnadsstodet", "bredbandsutbyggnadsstödet"),
            ("lantbruksmarksforsaljning", "lantbruksmarksförsäljning"),
        ] {
            let r = readings(lexicon::shared().as_fst(), &channel, token, 3);
            assert_eq!(r.best.first().map(|c| c.word.as_str()), Some(truth));
        }
    }
}
