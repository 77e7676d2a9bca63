//! Ranked search: the QueryParser syntax over the text fields, filters as term clauses, a fuzzy
//! fallback for queries without hits, `<b>` snippets and facet counts.

use std::collections::BTreeMap;
use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument, Term};

use super::facets::Facets;
use super::pairs::PairQuery;
use super::schema::RECORD_DOCUMENT;
use super::writer::{parse_date, to_datetime};
use super::Index;
use crate::error::{Error, Result};
use crate::model::Kind;

/// A search with its filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query in QueryParser syntax; empty or `*` matches every segment.
    pub query: String,
    /// Only segments of this kind.
    pub kind: Option<Kind>,
    /// Only segments naming this party.
    pub party: Option<String>,
    /// Only segments naming this person.
    pub person: Option<String>,
    /// Only documents of a body matching this text.
    pub body: Option<String>,
    /// Only documents dated on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Only documents dated on or before (YYYY-MM-DD).
    pub to: Option<String>,
    /// At most this many hits.
    pub limit: usize,
    /// Count hits by kind, party, body and year.
    pub facets: bool,
}

/// One ranked segment.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Segment id, for `similar`.
    pub segment_id: String,
    /// The document's id, for `show`.
    pub doc_id: String,
    /// The file the document came from.
    pub source: String,
    /// The document's title.
    pub title: String,
    /// The issuing or deciding body.
    pub body: String,
    /// The document's date, ISO 8601.
    pub date: Option<String>,
    /// The document's case numbers.
    pub dnr: Vec<String>,
    /// The § of the segment's item.
    pub paragraph: Option<String>,
    /// What part of the record the segment is.
    pub kind: Kind,
    /// Parties named in the segment.
    pub parties: Vec<String>,
    /// Persons named in the segment.
    pub persons: Vec<String>,
    /// Page where the segment starts.
    pub page: usize,
    /// Relevance score.
    pub score: f32,
    /// Text around the hit with `<b>` highlights.
    pub snippet: String,
}

/// Ranked hits and, if asked, facet counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Number of matching segments.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// The query matched nothing as written; these hits allow one or two typos per word.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fuzzy: bool,
    /// Counts by facet name ("kind", "party", "body", "year") and value,
    /// largest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<BTreeMap<String, Vec<(String, u64)>>>,
}

/// Characters of text around a hit.
const SNIPPET_CHARS: usize = 220;

impl Index {
    /// Ranked segments for a query.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let filters = self.filters(req)?;
        let limit = req.limit.max(1);
        let exclude = filters.is_empty() && !segments_only(&req.query);
        let query = self.with_filters(self.parse(&req.query, None)?, &filters, exclude);
        // One pass ranks and counts; only a query without any hit pays for the fuzzy retries.
        let mut results = self.run(&searcher, &*query, limit, req.facets)?;
        if results.total == 0 {
            // A misspelt or OCR-damaged word: allow edits, one first, then two.
            for distance in [1, 2] {
                let candidate =
                    self.with_filters(self.parse(&req.query, Some(distance))?, &filters, exclude);
                let retry = self.run(&searcher, &*candidate, limit, req.facets)?;
                if retry.total > 0 {
                    results = retry;
                    results.fuzzy = true;
                    break;
                }
            }
        }
        Ok(results)
    }

    /// The default fields with their boosts: exact (å/ä/ö kept) outranks folded; the title
    /// and headings outrank body text.
    fn boosts(&self) -> [(Field, f32); 6] {
        let f = &self.fields;
        [
            (f.title, 3.0),
            (f.item_title, 2.5),
            (f.heading, 2.0),
            (f.text, 1.0),
            (f.folded, 0.4),
            (f.raw, 0.2),
        ]
    }

    fn parser(&self, fuzzy: Option<u8>) -> QueryParser {
        let boosts = self.boosts();
        let mut parser =
            QueryParser::for_index(&self.index, boosts.iter().map(|&(f, _)| f).collect());
        parser.set_conjunction_by_default();
        for (field, boost) in boosts {
            parser.set_field_boost(field, boost);
            if let Some(distance) = fuzzy {
                parser.set_field_fuzzy(field, false, distance, true);
            }
        }
        parser
    }

    /// The user's query; empty means every segment.
    fn parse(&self, text: &str, fuzzy: Option<u8>) -> Result<Box<dyn Query>> {
        if text.trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        let usage = |e: &dyn std::fmt::Display| Error::Usage(format!("query {text:?}: {e}"));
        let ast = query_grammar::parse_query(text)
            .map_err(|_| usage(&"syntax error (unbalanced quotes or brackets?)"))?;
        let parser = self.parser(fuzzy);
        if !has_phrase(&ast) {
            return parser
                .build_query_from_user_input_ast(ast)
                .map_err(|e| usage(&e));
        }
        // As the parser would do it, but phrases go through the word pairs; a query of
        // nothing but exclusions means "everything but".
        let negative = all_negative(&ast);
        let query = self.build(&parser, ast).map_err(|e| usage(&e))?;
        Ok(if negative {
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, query),
                (Occur::Should, Box::new(AllQuery)),
            ]))
        } else {
            query
        })
    }

    /// The query of a parsed query that has a phrase: clauses and boosts as the parser builds
    /// them, each phrase through [`Index::phrase_query`], other leaves by the parser.
    fn build(
        &self,
        parser: &QueryParser,
        ast: UserInputAst,
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => {
                let mut out = Vec::new();
                for (occur, ast) in clauses {
                    let query = self.build(parser, ast)?;
                    // The parser drops clauses that analyse to nothing.
                    if !query.is::<EmptyQuery>() {
                        out.push((occur.unwrap_or(Occur::Must), query));
                    }
                }
                if out.is_empty() {
                    Box::new(EmptyQuery)
                } else {
                    Box::new(BooleanQuery::new(out))
                }
            }
            UserInputAst::Boost(ast, boost) => Box::new(BoostQuery::new(
                self.build(parser, *ast)?,
                boost.into_inner() as f32,
            )),
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(lit) if is_phrase(&lit) => self.phrase_query(parser, lit)?,
                leaf => {
                    parser.build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))?
                }
            },
        })
    }

    /// A quoted phrase without a field searches the repaired text, title and headings, and
    /// the folded copy only when it is written without å/ä/ö (a phrase with them is matched
    /// exactly); the raw OCR text is left to `raw:"…"`. Positional matching over every default
    /// field made phrases the slowest queries, and raw and folded add few hits of their own.
    fn phrase_query(
        &self,
        parser: &QueryParser,
        lit: UserInputLiteral,
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        let f = &self.fields;
        let mut fields = vec![f.title, f.item_title, f.heading, f.text];
        if lit.phrase.is_ascii() {
            fields.push(f.folded);
        }
        let clauses = fields
            .into_iter()
            .map(|field| {
                let pair = (lit.slop == 0 && !lit.prefix)
                    .then(|| self.pair_phrase(field, &lit.phrase))
                    .flatten();
                let query = match pair {
                    // Boosted as the parser boosts a field (not at all by 1).
                    Some(query) => match self.boosts().iter().find(|&&(f, _)| f == field) {
                        Some(&(_, boost)) if boost != 1.0 => {
                            Box::new(BoostQuery::new(query, boost))
                        }
                        _ => query,
                    },
                    // Not a plain run of words (a dropped word): the positional phrase.
                    None => {
                        let mut lit = lit.clone();
                        lit.field_name =
                            Some(self.index.schema().get_field_name(field).to_string());
                        parser.build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(
                            UserInputLeaf::Literal(lit),
                        )))?
                    }
                };
                Ok((Occur::Should, query))
            })
            .collect::<std::result::Result<Vec<_>, QueryParserError>>()?;
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// `phrase` on `field` through its word pairs. `None` when the phrase is not a run of two
    /// or more adjacent words after analysis.
    fn pair_phrase(&self, field: Field, phrase: &str) -> Option<Box<dyn Query>> {
        let words = self.tokens(field, phrase).ok()?;
        let pairs = self.tokens(self.fields.pair_field(field)?, phrase).ok()?;
        if words.len() < 2 || pairs.len() + 1 != words.len() {
            return None;
        }
        Some(Box::new(PairQuery::new(words, pairs)))
    }

    /// The user's query restricted by the filters, which do not change scores, and with
    /// `exclude_documents` to segments.
    ///
    /// Segments are "not a document record": excluding the few document records is cheaper
    /// than intersecting with a term every segment carries, and cheaper still not to do when
    /// the query cannot match a document record anyway.
    fn with_filters(
        &self,
        query: Box<dyn Query>,
        filters: &[Box<dyn Query>],
        exclude_documents: bool,
    ) -> Box<dyn Query> {
        let mut clauses = vec![(Occur::Must, query)];
        if exclude_documents {
            clauses.push((
                Occur::MustNot,
                self.keyword(self.fields.record, RECORD_DOCUMENT),
            ));
        }
        clauses.extend(filters.iter().map(|q| (Occur::Must, zero(q.box_clone()))));
        Box::new(BooleanQuery::new(clauses))
    }

    fn filters(&self, req: &SearchRequest) -> Result<Vec<Box<dyn Query>>> {
        let f = &self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if let Some(kind) = req.kind {
            out.push(self.keyword(f.kind, kind.as_str()));
        }
        if let Some(party) = &req.party {
            out.push(self.keyword(f.party, party));
        }
        if let Some(person) = &req.person {
            out.push(self.phrase(f.person, person)?);
        }
        if let Some(body) = &req.body {
            out.push(self.phrase(f.body, body)?);
        }
        let bound = |date: &Option<String>, flag: &str| -> Result<Option<Term>> {
            date.as_deref()
                .map(|d| {
                    parse_date(d)
                        .map(|d| Term::from_field_date_for_search(f.date, to_datetime(d)))
                        .ok_or_else(|| Error::Usage(format!("{flag} {d:?}: expected YYYY-MM-DD")))
                })
                .transpose()
        };
        let from = bound(&req.from, "--from")?;
        let to = bound(&req.to, "--to")?;
        if from.is_some() || to.is_some() {
            out.push(Box::new(RangeQuery::new(
                from.map_or(Bound::Unbounded, Bound::Included),
                to.map_or(Bound::Unbounded, Bound::Included),
            )));
        }
        Ok(out)
    }

    /// A term on a keyword field (lower-cased like the index).
    pub(super) fn keyword(&self, field: Field, value: &str) -> Box<dyn Query> {
        Box::new(self.term_query(field, value))
    }

    /// The analysed tokens of `text` for `field`.
    pub(super) fn tokens(&self, field: Field, text: &str) -> Result<Vec<Term>> {
        let mut analyzer = self
            .index
            .tokenizer_for_field(field)
            .map_err(|e| self.err(e))?;
        let mut terms = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| terms.push(Term::from_field_text(field, &t.text)));
        Ok(terms)
    }

    /// All of `text`'s tokens in order in `field` (a single token is a term query).
    pub(super) fn phrase(&self, field: Field, text: &str) -> Result<Box<dyn Query>> {
        let mut terms = self.tokens(field, text)?;
        Ok(match terms.len() {
            0 => return Err(Error::Usage(format!("{text:?} has no words to search for"))),
            1 => Box::new(TermQuery::new(
                terms.remove(0),
                IndexRecordOption::WithFreqs,
            )),
            _ => Box::new(PhraseQuery::new(terms)),
        })
    }

    /// Runs a query: the total, the best `limit` hits with snippets, and facets if asked.
    pub(super) fn run(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        facets: bool,
    ) -> Result<SearchResults> {
        let f = &self.fields;
        let (top, total, counts) = searcher
            .search(
                query,
                &(
                    TopDocs::with_limit(limit).order_by_score(),
                    Count,
                    facets.then_some(Facets),
                ),
            )
            .map_err(|e| self.err(e))?;
        let facets = counts.map(|c| {
            [
                ("kind", c.kind),
                ("party", c.party),
                ("body", c.body),
                ("year", c.year),
            ]
            .into_iter()
            .map(|(name, counts)| (name.to_string(), facet_values(&counts)))
            .collect()
        });
        let snippets = [f.text, f.folded]
            .into_iter()
            .map(|field| {
                let mut g = SnippetGenerator::create(searcher, query, field)?;
                g.set_max_num_chars(SNIPPET_CHARS);
                Ok(g)
            })
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let hits = top
            .into_iter()
            .map(|(score, addr)| {
                let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
                Ok(self.hit(&doc, score, &snippets))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResults {
            total,
            hits,
            fuzzy: false,
            facets,
        })
    }

    /// A hit from a stored segment document.
    pub(super) fn hit(
        &self,
        doc: &TantivyDocument,
        score: f32,
        snippets: &[SnippetGenerator],
    ) -> Hit {
        let f = &self.fields;
        let first = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let all = |field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let text = first(f.text);
        Hit {
            segment_id: first(f.segment_id),
            doc_id: first(f.doc_id),
            source: first(f.source),
            title: first(f.title),
            body: first(f.body),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| d.into_utc().date().to_string()),
            dnr: all(f.doc_dnr),
            paragraph: doc
                .get_first(f.paragraph)
                .and_then(|v| v.as_str())
                .map(str::to_string),
            kind: Kind::parse(&first(f.kind)).unwrap_or_default(),
            parties: all(f.party),
            persons: all(f.person),
            page: doc
                .get_first(f.page_start)
                .and_then(|v| v.as_u64())
                .unwrap_or(1) as usize,
            score,
            snippet: snippet(&text, snippets),
        }
    }
}

/// A facet's values with their counts, largest first.
fn facet_values(counts: &BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts.iter().map(|(v, &n)| (v.clone(), n)).collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values
}

/// Whether a query can only match segments: document records carry none of the default
/// (text) fields, and every filter is on a field only segments have. A query naming a field,
/// excluding everything it names, or empty may match document records.
fn segments_only(text: &str) -> bool {
    fn field_less(ast: &UserInputAst) -> bool {
        match ast {
            UserInputAst::Clause(clauses) => clauses.iter().all(|(_, ast)| field_less(ast)),
            UserInputAst::Boost(ast, _) => field_less(ast),
            UserInputAst::Leaf(leaf) => {
                matches!(&**leaf, UserInputLeaf::Literal(lit) if lit.field_name.is_none())
            }
        }
    }
    match query_grammar::parse_query(text) {
        Ok(ast) if !text.trim().is_empty() => field_less(&ast) && !all_negative(&ast),
        _ => false,
    }
}

/// A quoted phrase of several words without a field.
fn is_phrase(lit: &UserInputLiteral) -> bool {
    lit.field_name.is_none()
        && lit.delimiter != Delimiter::None
        && lit.phrase.trim().contains(char::is_whitespace)
}

fn has_phrase(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().any(|(_, ast)| has_phrase(ast)),
        UserInputAst::Boost(ast, _) => has_phrase(ast),
        UserInputAst::Leaf(leaf) => {
            matches!(&**leaf, UserInputLeaf::Literal(lit) if is_phrase(lit))
        }
    }
}

/// Every clause excluded, as the parser judges it (it then adds "everything").
fn all_negative(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses
            .iter()
            .all(|(occur, ast)| *occur == Some(Occur::MustNot) || all_negative(ast)),
        UserInputAst::Boost(ast, _) => all_negative(ast),
        UserInputAst::Leaf(_) => false,
    }
}

/// A filter clause that matches without adding to the score.
fn zero(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// The best highlighted fragment of `text`: by exact terms, else by folded terms, else the
/// text's start (the hit was in the title or heading).
pub(super) fn snippet(text: &str, generators: &[SnippetGenerator]) -> String {
    for g in generators {
        let s = g.snippet(text);
        if !s.highlighted().is_empty() {
            return s.to_html();
        }
    }
    let start: String = text.chars().take(SNIPPET_CHARS).collect();
    html_escape(&start)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
