//! The document's own glyph habits. Which vulnerable letter a glyph stands for depends on the
//! font and the OCR engine (one scan's `é` is an ö, another's an ä), so the learned split of a
//! letter's damage among glyphs is re-estimated per text from the repairs it leaves no doubt
//! about (`sékert` → säkert), and then decides the doubtful ones (`lést`: läst or löst).

use rustc_hash::FxHashMap as HashMap;

use super::channel::Channel;

/// Weight, in damaged letters, of the learned split against the text's own evidence.
const LEARNED_WEIGHT: f64 = 60.0;

/// Counts of (truth, glyph) confusions in a text's sure repairs.
#[derive(Debug, Default)]
pub struct Glyphs<'c> {
    channel: Option<&'c Channel>,
    pairs: HashMap<(char, char), f64>,
    /// Damaged occurrences of each truth letter among the sure repairs.
    damaged: HashMap<char, f64>,
    /// One-letter words the text writes as another glyph: (word, glyph) → the change in
    /// -ln P(glyph | word) the text's own counts make.
    words: HashMap<(char, char), f64>,
}

impl<'c> Glyphs<'c> {
    /// The habits shown by `repairs`: (token, reading) pairs, lower case, repaired surely.
    pub fn learn<'a>(
        channel: &'c Channel,
        repairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Glyphs<'c> {
        let mut glyphs = Glyphs {
            channel: Some(channel),
            ..Glyphs::default()
        };
        for (token, reading) in repairs {
            for (truth, glyph) in confusions(token, reading) {
                *glyphs.pairs.entry((truth, glyph)).or_default() += 1.0;
                *glyphs.damaged.entry(truth).or_default() += 1.0;
            }
        }
        glyphs
    }

    /// Learns how often the text writes the one-letter word `word` as `glyph` (the word i as 1):
    /// `written` times, against `intact` times as itself. No sure repair shows this habit, as a
    /// lone glyph is never a sure repair, so the text's counts of the two tokens speak for it.
    pub fn learn_word(&mut self, word: char, glyph: char, written: f64, intact: f64) {
        let Some(learned) = self.channel.and_then(|c| c.probability(word, glyph)) else {
            return;
        };
        let share = (written + LEARNED_WEIGHT * learned) / (written + intact + LEARNED_WEIGHT);
        self.words
            .insert((word, glyph), (-(share / learned).ln()).min(0.0));
    }

    /// Whether the text showed any habit, so that [`Glyphs::cost`] may be other than 0.
    pub fn is_learned(&self) -> bool {
        !self.pairs.is_empty() || !self.words.is_empty()
    }

    /// The share of damaged `truth` letters the text writes as `glyph`: the learned split, moved
    /// by the text's sure repairs.
    pub fn share(&self, truth: char, glyph: char) -> Option<f64> {
        let learned = self.channel?.share(truth, glyph)?;
        Some(self.moved(truth, glyph, learned))
    }

    /// The `learned` share of `glyph` among damaged `truth` letters, moved by the sure repairs.
    fn moved(&self, truth: char, glyph: char, learned: f64) -> f64 {
        let n = self.damaged.get(&truth).copied().unwrap_or(0.0);
        let seen = self.pairs.get(&(truth, glyph)).copied().unwrap_or(0.0);
        (seen + LEARNED_WEIGHT * learned) / (n + LEARNED_WEIGHT)
    }

    /// The change in -ln P(token | reading) once this text's habits replace the learned split,
    /// for readings that change letters one for one (0 otherwise).
    pub fn cost(&self, token: &str, reading: &str) -> f64 {
        let Some(channel) = self.channel else {
            return 0.0;
        };
        let one = |s: &str| {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        if let (Some(glyph), Some(word)) = (one(token), one(reading)) {
            if let Some(&adjust) = self.words.get(&(word, glyph)) {
                return adjust;
            }
        }
        confusions(token, reading)
            .filter_map(|(truth, glyph)| {
                self.damaged.get(&truth)?;
                let learned = channel.share(truth, glyph)?;
                let share = self.moved(truth, glyph, learned);
                // Only evidence for a glyph counts: a sure repair is mostly a long word, so a
                // glyph missing from them is not shown to be rare in the text.
                Some((-(share / learned).ln()).min(0.0))
            })
            .sum()
    }
}

/// The (truth, glyph) letter pairs where `token` differs from a `reading` of the same length.
fn confusions<'a>(token: &'a str, reading: &'a str) -> impl Iterator<Item = (char, char)> + 'a {
    let same_length = token.chars().count() == reading.chars().count();
    reading
        .chars()
        .zip(token.chars())
        .filter(move |(t, o)| same_length && t != o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_that_writes_e_acute_for_a_diaeresis_reads_it_so() {
        let channel = Channel::embedded();
        // The learned fonts write é mostly for ö; this text writes it for ä.
        let sure = [("vérde", "värde"), ("vénta", "vänta"), ("sékert", "säkert")];
        let glyphs = Glyphs::learn(&channel, sure);
        assert!(glyphs.cost("lés", "läs") < 0.0);
        assert_eq!(glyphs.cost("lés", "lös"), 0.0);
        // No evidence on a letter leaves its learned split alone.
        assert_eq!(glyphs.cost("gang", "gång"), 0.0);
        assert_eq!(Glyphs::default().cost("lés", "läs"), 0.0);
    }

    #[test]
    fn a_text_that_writes_the_word_i_as_1_reads_a_lone_1_so() {
        let channel = Channel::embedded();
        let mut often = Glyphs::learn(&channel, []);
        often.learn_word('i', '1', 6.0, 20.0);
        let mut never = Glyphs::learn(&channel, []);
        never.learn_word('i', '1', 0.0, 200.0);
        assert!(often.cost("1", "i") < -3.0);
        assert!(never.cost("1", "i") > often.cost("1", "i"));
        assert_eq!(often.cost("l", "i"), 0.0);
    }
}
