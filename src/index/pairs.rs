//! Word pairs: every two adjacent words of the title, item title, heading, text and folded
//! fields are indexed as one term of a companion field, so a quoted phrase is answered from
//! term postings instead of reading the word positions of every candidate segment (common
//! phrases such as "våldsbejakande extremism" match hundreds of thousands of segments).
//!
//! A two-word phrase is exactly its pair: [`PairQuery`] walks the pair's postings and scores
//! each segment as tantivy's `PhraseQuery` does (BM25 with the idf of both words and the
//! length of the source field, the pair's count as the phrase frequency), so hits, order and
//! scores stay what the positional query gave. Longer phrases keep the positional check, run
//! only on segments that carry every pair of the phrase.

use std::fmt;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

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

/// A two-word phrase on `words`' field, matched through its pair term in a pair field and
/// scored as the positional phrase.
#[derive(Clone)]
pub(super) struct PairQuery {
    /// The two analysed words, in the source field (for idf, length and snippets).
    words: Vec<Term>,
    /// The pair in the pair field.
    pair: Term,
}

impl PairQuery {
    /// The phrase `words` (two terms of one field) through `pair`.
    pub(super) fn new(words: Vec<Term>, pair: Term) -> PairQuery {
        PairQuery { words, pair }
    }
}

impl fmt::Debug for PairQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PairQuery({:?} via {:?})", self.words, self.pair)
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
            pair: self.pair.clone(),
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
    pair: Term,
    bm25: Option<Bm25Weight>,
}

impl PairWeight {
    /// `None` when the segment has no such pair.
    fn pair_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<PairScorer>> {
        let Some(postings) = reader
            .inverted_index(self.pair.field())?
            .read_postings(&self.pair, IndexRecordOption::WithFreqs)?
        else {
            return Ok(None);
        };
        let fieldnorms = match reader.fieldnorms_readers().get_field(self.field)? {
            Some(fieldnorms) if self.bm25.is_some() => fieldnorms,
            _ => FieldNormReader::constant(reader.max_doc(), 1),
        };
        Ok(Some(PairScorer {
            postings,
            fieldnorms,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
        }))
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
                return Ok(Explanation::new("phrase (word pair)", scorer.score()));
            }
        }
        Err(tantivy::TantivyError::InvalidArgument(format!(
            "document #{doc} does not contain the phrase"
        )))
    }
}

/// The pair's postings, scored with the source field's length.
struct PairScorer {
    postings: SegmentPostings,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl DocSet for PairScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for PairScorer {
    fn score(&mut self) -> Score {
        // Without scoring (counting, filtering) the phrase scorer's constant.
        let Some(bm25) = &self.bm25 else {
            return 1.0;
        };
        let doc = self.postings.doc();
        bm25.score(self.fieldnorms.fieldnorm_id(doc), self.postings.term_freq())
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
