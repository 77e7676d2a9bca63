//! Swedish sentence material: a word trigram/bigram chain learnt at run time from the corpus
//! truth texts, so generated prose has the vocabulary and local word order of real decisions.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use rand::seq::IndexedRandom;
use rand::Rng;

/// Sentinel token id for the end of a sentence.
const END: u32 = u32::MAX;

/// Longest sentence the chain may produce, in tokens, before it is cut.
const MAX_TOKENS: usize = 45;

/// How often a step follows only the last word instead of the last two: a bigram step
/// recombines sentences, so a small corpus yields text that is not a copy of its sources.
const BIGRAM_STEP: f64 = 0.25;

/// A word chain learnt from clean Swedish text, plus the person names and titles seen in it.
pub struct Chain {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    tri: HashMap<(u32, u32), Vec<u32>>,
    bi: HashMap<u32, Vec<u32>>,
    /// First two tokens of prose sentences.
    starts: Vec<(u32, u32)>,
    /// First two tokens of decision points ("att godkänna …").
    point_starts: Vec<(u32, u32)>,
    /// First names seen before a party tag ("Anna Berg (S)").
    pub first_names: Vec<String>,
    /// Surnames seen before a party tag.
    pub surnames: Vec<String>,
    /// Item titles seen after "§ N".
    pub titles: Vec<String>,
    /// Long lower-case words (mostly compound nouns), for synthetic titles.
    pub topics: Vec<String>,
}

/// The truth texts worth learning from: one per document, repaired gold preferred, and only
/// texts whose letters carry å/ä/ö at a Swedish rate (OCR-damaged layers have almost none).
fn clean_texts(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut by_doc: BTreeMap<String, (bool, String, String)> = BTreeMap::new();
    let entries = fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if !name.ends_with(".txt") || name.ends_with(".layer.txt") {
            continue;
        }
        let text = fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
        let swedish = text.chars().filter(|c| "åäöÅÄÖ".contains(*c)).count();
        if (swedish as f64) / (letters as f64) < 0.01 {
            continue;
        }
        let stem = name.split('.').next().unwrap_or(&name).to_string();
        let gold = name.ends_with(".repaired.txt");
        match by_doc.get(&stem) {
            Some((true, _, _)) => {}
            Some((false, _, _)) if !gold => {}
            _ => {
                by_doc.insert(stem, (gold, name, text));
            }
        }
    }
    if by_doc.is_empty() {
        bail!("{}: no clean truth texts to learn from", dir.display());
    }
    Ok(by_doc.into_values().map(|(_, n, t)| (n, t)).collect())
}

impl Chain {
    /// Learns the chain from the clean truth texts in `dir`; lists the files used on stderr.
    pub fn learn(dir: &Path) -> Result<Chain> {
        let mut chain = Chain {
            words: Vec::new(),
            ids: HashMap::new(),
            tri: HashMap::new(),
            bi: HashMap::new(),
            starts: Vec::new(),
            point_starts: Vec::new(),
            first_names: Vec::new(),
            surnames: Vec::new(),
            titles: Vec::new(),
            topics: Vec::new(),
        };
        let name_re = regex::Regex::new(
            r"([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?) ([A-ZÅÄÖ][a-zåäöé]+) \((?:S|M|L|C|KD|V|MP|SD|Fi)\)",
        )?;
        let point_re = regex::Regex::new(r"^\d+\.\s+(att .+)$")?;
        let title_re = regex::Regex::new(r"^§ \d+ (\p{Lu}.{5,90})$")?;
        for (name, text) in clean_texts(dir)? {
            eprintln!("gen_corpus: learning from {name}");
            for cap in name_re.captures_iter(&text) {
                chain.first_names.push(cap[1].to_string());
                chain.surnames.push(cap[2].to_string());
            }
            for paragraph in text.split("\n\n") {
                let lines: Vec<&str> = paragraph.lines().map(str::trim).collect();
                if let [line] = lines.as_slice() {
                    if let Some(c) = title_re.captures(line) {
                        chain.titles.push(c[1].to_string());
                        continue;
                    }
                }
                let mut prose = Vec::new();
                for line in lines {
                    if let Some(c) = point_re.captures(line) {
                        chain.add_sentence(&c[1], true);
                    } else {
                        prose.push(line);
                    }
                }
                for sentence in split_sentences(&prose.join(" ")) {
                    chain.add_sentence(&sentence, false);
                }
            }
        }
        for list in [
            &mut chain.first_names,
            &mut chain.surnames,
            &mut chain.titles,
        ] {
            list.sort();
            list.dedup();
        }
        chain.topics = chain
            .words
            .iter()
            .filter(|w| w.chars().count() >= 10 && w.chars().all(|c| c.is_lowercase()))
            .cloned()
            .collect();
        if chain.starts.is_empty() || chain.point_starts.is_empty() {
            bail!("{}: no sentences or decision points found", dir.display());
        }
        Ok(chain)
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    /// Adds one sentence (prose, or a decision point) to the chain.
    fn add_sentence(&mut self, sentence: &str, point: bool) {
        let tokens: Vec<u32> = sentence.split_whitespace().map(|w| self.id(w)).collect();
        if tokens.len() < 5 {
            return;
        }
        let start = (tokens[0], tokens[1]);
        if point {
            self.point_starts.push(start);
        } else {
            self.starts.push(start);
        }
        let mut seq = tokens;
        seq.push(END);
        for w in seq.windows(3) {
            self.tri.entry((w[0], w[1])).or_default().push(w[2]);
        }
        for w in seq.windows(2) {
            self.bi.entry(w[0]).or_default().push(w[1]);
        }
    }

    fn walk(&self, rng: &mut impl Rng, start: (u32, u32)) -> String {
        let (mut a, mut b) = start;
        let mut out = vec![a, b];
        while out.len() < MAX_TOKENS {
            let next = if rng.random_bool(BIGRAM_STEP) {
                self.bi.get(&b)
            } else {
                self.tri.get(&(a, b))
            };
            let Some(&c) = next.and_then(|v| v.choose(rng)) else {
                break;
            };
            if c == END {
                break;
            }
            out.push(c);
            (a, b) = (b, c);
        }
        let mut s = out
            .iter()
            .map(|&i| self.words[i as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let s_trim = s.trim_end_matches([',', ';', ':']).len();
        s.truncate(s_trim);
        if !s.ends_with(['.', '?', '!']) {
            s.push('.');
        }
        s
    }

    /// One prose sentence.
    pub fn sentence(&self, rng: &mut impl Rng) -> String {
        let start = *self.starts.choose(rng).unwrap_or(&(0, 0));
        self.walk(rng, start)
    }

    /// `n` prose sentences joined into a paragraph.
    pub fn paragraph(&self, rng: &mut impl Rng, n: usize) -> String {
        (0..n)
            .map(|_| self.sentence(rng))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One decision point ("att godkänna …"), without trailing full stop.
    pub fn point(&self, rng: &mut impl Rng) -> String {
        let start = *self.point_starts.choose(rng).unwrap_or(&(0, 0));
        let p = self.walk(rng, start);
        p.trim_end_matches(['.', ',']).to_string()
    }
}

/// Splits prose at full stops, question and exclamation marks followed by an upper-case word.
fn split_sentences(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        cur.push(w);
        let next_upper = words
            .get(i + 1)
            .and_then(|n| n.chars().next())
            .is_none_or(|c| c.is_uppercase());
        if w.ends_with(['.', '?', '!']) && next_upper {
            out.push(cur.join(" "));
            cur.clear();
        }
    }
    out
}
