//! Word pairs: every two adjacent words of the title, item title, heading, text and folded
//! fields are indexed as one term of a companion field, so a quoted phrase is answered from
//! term postings instead of reading the word positions of every candidate segment (common
//! phrases such as "våldsbejakande extremism" match hundreds of thousands of segments).
//!
//! A two-word phrase is exactly its pair; a longer one is its pairs standing one position
//! apart (a pair's position is its first word's). [`PairQuery`] walks the pairs' postings —
//! far shorter than those of common words such as "till" and "för", and with a position or
//! two per segment instead of dozens — and scores each segment as tantivy's `PhraseQuery`
//! does (BM25 with the idf of the words and the length of the source field, the number of
//! places the phrase stands as its frequency), so hits, order and scores stay what the
//! positional query gave.

use std::fmt;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Token filter that turns a stream of words into its adjacent pairs: words at consecutive
/// positions joined by a space (a word never contains one). Words an earlier filter dropped
/// (too long) break the chain, as they break a positional phrase match. Run inside the
/// indexer, so a queued document carries its text once, not its pairs.
#[derive(Clone, Copy)]
pub(super) struct PairFilter;

impl TokenFilter for PairFilter {
    type Tokenizer<T: Tokenizer> = PairTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> PairTokenizer<T> {
        PairTokenizer { inner }
    }
}

#[derive(Clone)]
pub(super) struct PairTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PairTokenizer<T> {
    type TokenStream<'a> = PairStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairStream {
            words: self.inner.token_stream(text),
            previous: None,
            pair: Token::default(),
        }
    }
}

pub(super) struct PairStream<S> {
    words: S,
    /// The last word: its position, start offset and text.
    previous: Option<(usize, usize, String)>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for PairStream<S> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let word = self.words.token();
            let adjacent = match &self.previous {
                Some((position, from, text)) if word.position == position + 1 => {
                    self.pair = Token {
                        offset_from: *from,
                        offset_to: word.offset_to,
                        position: *position,
                        text: format!("{text} {}", word.text),
                        position_length: 1,
                    };
                    true
                }
                _ => false,
            };
            self.previous = Some((word.position, word.offset_from, word.text.clone()));
            if adjacent {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

/// A phrase on `words`' field, matched through its word pairs in a pair field and scored as
/// the positional phrase.
#[derive(Clone)]
pub(super) struct PairQuery {
    /// The analysed words, in the source field (for idf, length and snippets).
    words: Vec<Term>,
    /// The phrase's adjacent pairs in the pair field, one fewer than the words.
    pairs: Vec<Term>,
}

impl PairQuery {
    /// The phrase `words` (terms of one field) through its `pairs`.
    pub(super) fn new(words: Vec<Term>, pairs: Vec<Term>) -> PairQuery {
        PairQuery { words, pairs }
    }
}

impl fmt::Debug for PairQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PairQuery({:?} via {:?})", self.words, self.pairs)
    }
}

impl Query for PairQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(statistics_provider, &self.words)?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(PairWeight {
            field: self.words[0].field(),
            pairs: self.pairs.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for word in &self.words {
            visitor(word, true);
        }
    }
}

struct PairWeight {
    field: Field,
    pairs: Vec<Term>,
    bm25: Option<Bm25Weight>,
}

impl PairWeight {
    /// `None` when the segment lacks one of the pairs.
    fn pair_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<PairScorer>> {
        // One pair is the phrase and its count the phrase frequency; longer phrases need the
        // pairs' positions to check that they follow each other.
        let option = if self.pairs.len() == 1 {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::WithFreqsAndPositions
        };
        let mut postings = Vec::with_capacity(self.pairs.len());
        for (shift, pair) in (0..).zip(&self.pairs) {
            match reader
                .inverted_index(pair.field())?
                .read_postings(pair, option)?
            {
                Some(p) => postings.push((shift, p)),
                None => return Ok(None),
            }
        }
        // The rarest pair drives the walk.
        postings.sort_by_key(|(_, p)| p.doc_freq());
        let fieldnorms = match reader.fieldnorms_readers().get_field(self.field)? {
            Some(fieldnorms) if self.bm25.is_some() => fieldnorms,
            _ => FieldNormReader::constant(reader.max_doc(), 1),
        };
        let mut scorer = PairScorer {
            postings,
            fieldnorms,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
            phrase_freq: 0,
            positions: Vec::new(),
            matched: Vec::new(),
        };
        scorer.settle(scorer.doc());
        Ok(Some(scorer))
    }
}

impl Weight for PairWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.pair_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if let Some(mut scorer) = self.pair_scorer(reader, 1.0)? {
            if scorer.seek(doc) == doc {
                return Ok(Explanation::new("phrase (word pairs)", scorer.score()));
            }
        }
        Err(tantivy::TantivyError::InvalidArgument(format!(
            "document #{doc} does not contain the phrase"
        )))
    }
}

/// The segments carrying every pair at consecutive positions, scored with the source field's
/// length and the number of places the whole phrase stands.
struct PairScorer {
    /// One per pair with its place in the phrase, rarest first.
    postings: Vec<(u32, SegmentPostings)>,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
    /// How often the phrase stands in the current segment.
    phrase_freq: u32,
    positions: Vec<u32>,
    matched: Vec<u32>,
}

impl PairScorer {
    /// Moves to the first segment at or after `target` that has the whole phrase, and
    /// returns it (`TERMINATED` at the end).
    fn settle(&mut self, mut target: DocId) -> DocId {
        loop {
            // Every pair's postings on one segment (leapfrog).
            let mut agreed = true;
            for (_, p) in &mut self.postings {
                let doc = p.seek(target);
                if doc != target {
                    target = doc;
                    agreed = false;
                    break;
                }
            }
            if target == TERMINATED {
                return TERMINATED;
            }
            if !agreed {
                continue;
            }
            self.phrase_freq = self.count_phrase();
            if self.phrase_freq > 0 {
                return target;
            }
            target += 1;
        }
    }

    /// Places where every pair stands as many positions after the phrase's start as its place
    /// in the phrase.
    fn count_phrase(&mut self) -> u32 {
        let [(shift, first), rest @ ..] = &mut self.postings[..] else {
            return 0;
        };
        if rest.is_empty() {
            return first.term_freq();
        }
        first.positions(&mut self.matched);
        starts(&mut self.matched, *shift);
        for (shift, p) in rest {
            p.positions(&mut self.positions);
            starts(&mut self.positions, *shift);
            let mut later = self.positions.iter().peekable();
            self.matched.retain(|x| {
                while later.next_if(|&y| y < x).is_some() {}
                later.peek() == Some(&x)
            });
            if self.matched.is_empty() {
                return 0;
            }
        }
        self.matched.len() as u32
    }
}

/// The phrase starts that pair positions stand for, the pair being `shift` words in: still
/// sorted.
fn starts(positions: &mut Vec<u32>, shift: u32) {
    positions.retain(|&x| x >= shift);
    for x in positions.iter_mut() {
        *x -= shift;
    }
}

impl DocSet for PairScorer {
    fn advance(&mut self) -> DocId {
        // The driver steps on (cheaper than a seek); the others catch up.
        let next = self.postings[0].1.advance();
        if self.postings.len() == 1 {
            next
        } else {
            self.settle(next)
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() >= target {
            return self.doc();
        }
        self.settle(target)
    }

    fn doc(&self) -> DocId {
        self.postings[0].1.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings[0].1.size_hint()
    }
}

impl Scorer for PairScorer {
    fn score(&mut self) -> Score {
        // Without scoring (counting, filtering) the phrase scorer's constant.
        let Some(bm25) = &self.bm25 else {
            return 1.0;
        };
        let doc = self.doc();
        // A lone pair is stepped without counting (see `advance`): its count is the frequency.
        let freq = match &self.postings[..] {
            [(_, pair)] => pair.term_freq(),
            _ => self.phrase_freq,
        };
        bm25.score(self.fieldnorms.fieldnorm_id(doc), freq)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

    use super::PairFilter;

    fn pairs(text: &str) -> Vec<String> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(12))
            .filter(PairFilter)
            .build();
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn adjacent_words_pair_up_and_a_dropped_word_breaks_the_chain() {
        assert_eq!(
            pairs("till förmån för eget"),
            ["till förmån", "förmån för", "för eget"]
        );
        assert_eq!(
            pairs("lokala överlångaordformer planer mot"),
            ["planer mot"]
        );
        assert!(pairs("ensam").is_empty());
    }
}
