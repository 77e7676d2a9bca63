//! The `diarium` command line. Argument parsing and printing only; the work is in the library.

use std::io::{IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use diarium::error::panic_message;
use diarium::index::{self, Index, IngestOptions, SearchRequest};
use diarium::model::Kind;
use diarium::{pdf, pipeline, repair::Repairer, Error};

/// Turns Swedish municipal decision PDFs into a searchable record.
#[derive(Parser)]
#[command(name = "diarium", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a PDF's text, pages separated by form feeds (repaired unless --raw).
    Extract {
        /// The PDF to read.
        file: PathBuf,
        /// Only extraction and Unicode clean-up, no OCR repair.
        #[arg(long)]
        raw: bool,
        /// Password for an encrypted PDF.
        #[arg(long)]
        password: Option<String>,
    },
    /// Repair OCR damage in a text (a file, or stdin), keeping lines and spacing.
    Repair {
        /// Text file to repair; stdin when absent.
        file: Option<PathBuf>,
        /// List every change with its score instead of printing the text.
        #[arg(long)]
        explain: bool,
    },
    /// Print a PDF as one JSON document of § items and segments.
    Segment {
        /// The PDF to segment.
        file: PathBuf,
        /// Password for an encrypted PDF.
        #[arg(long)]
        password: Option<String>,
    },
    /// Extract, repair, segment and index every PDF under the paths.
    Ingest {
        /// Files or directories (default: corpus/).
        paths: Vec<PathBuf>,
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Remove documents whose files are gone.
        #[arg(long)]
        prune: bool,
        /// Rebuild the index from scratch.
        #[arg(long)]
        rebuild: bool,
        /// Password for encrypted PDFs.
        #[arg(long)]
        password: Option<String>,
    },
    /// Search segments: ranked hits with highlighted snippets.
    Search {
        /// Query: words, "phrases", AND/OR/NOT, field:value.
        query: String,
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Only this segment kind (decision, reservation, special_statement, …).
        #[arg(long)]
        kind: Option<String>,
        /// Only segments naming this party (M, S, L, …).
        #[arg(long)]
        party: Option<String>,
        /// Only segments naming this person.
        #[arg(long)]
        person: Option<String>,
        /// Only documents of a body matching this text.
        #[arg(long)]
        body: Option<String>,
        /// Only documents dated on or after YYYY-MM-DD.
        #[arg(long)]
        from: Option<String>,
        /// Only documents dated on or before YYYY-MM-DD.
        #[arg(long)]
        to: Option<String>,
        /// Number of hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print counts by kind, party, body and year.
        #[arg(long)]
        facets: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every document and segment carrying or citing a case number or decision reference.
    Trace {
        /// A case number ("KS 155-943/2015") or decision reference.
        reference: String,
        #[arg(long, default_value = "index")]
        index: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// One document with its items and segments.
    Show {
        doc_id: String,
        #[arg(long, default_value = "index")]
        index: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The segments most like a given one.
    Similar {
        segment_id: String,
        #[arg(long, default_value = "index")]
        index: PathBuf,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A panic is a bug, caught where a batch must go on (one file's failure) and here: the user
    // gets one line, not a backtrace, unless they ask for one.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    match catch_unwind(AssertUnwindSafe(|| run(cli.command))) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("diarium: {e}");
            ExitCode::FAILURE
        }
        Err(panic) => {
            let why = panic_message(&*panic).unwrap_or_else(|| "panic".to_string());
            // Its first line: a message may quote the whole input.
            let why: String = why
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect();
            eprintln!(
                "diarium: internal error: {why} (a bug in diarium: please report it with the \
                 input; RUST_BACKTRACE=1 shows where)"
            );
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Extract {
            file,
            raw,
            password,
        } => {
            let pages = pdf::extract_path(&file, &pdf::Options { password })
                .map_err(|e| Error::file(&file, e))?;
            for p in pages.iter().filter(|p| p.needs_ocr) {
                eprintln!(
                    "{}: page {}: no text layer (needs OCR)",
                    file.display(),
                    p.number
                );
            }
            let texts: Vec<String> = if raw {
                pages.iter().map(|p| p.text()).collect()
            } else {
                Repairer::embedded()
                    .repair_pages(pages)
                    .iter()
                    .map(|p| p.text())
                    .collect()
            };
            writeln!(out, "{}", texts.join("\u{c}"))?;
        }
        Command::Repair { file, explain } => {
            let text = read_input(file.as_deref())?;
            let repaired = Repairer::embedded().repair_text(&text);
            if explain {
                for c in &repaired.changes {
                    writeln!(
                        out,
                        "{}:{}\t{}\t→ {}\t{:.2}",
                        c.line, c.column, c.from, c.to, c.score
                    )?;
                }
            } else {
                write!(out, "{}", repaired.text)?;
            }
        }
        Command::Segment { file, password } => {
            let processed =
                pipeline::process_file(&file, &pdf::Options { password }, &Repairer::embedded())?;
            serde_json::to_writer_pretty(&mut out, &processed.document)?;
            writeln!(out)?;
        }
        Command::Ingest {
            paths,
            index,
            prune,
            rebuild,
            password,
        } => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from("corpus")]
            } else {
                paths
            };
            let summary = index::ingest(&IngestOptions {
                paths,
                index,
                prune,
                rebuild,
                password,
                progress: std::io::stderr().is_terminal(),
            })?;
            writeln!(
                out,
                "{} files: {} indexed, {} unchanged, {} removed, {} failed; {} pages, {} segments in {:.1} s",
                summary.files,
                summary.indexed,
                summary.unchanged,
                summary.removed,
                summary.failures.len(),
                summary.pages,
                summary.segments,
                summary.seconds
            )?;
            for f in &summary.failures {
                eprintln!("diarium: {}: {}", f.path.display(), f.reason);
            }
            if !summary.failures.is_empty() {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Search {
            query,
            index,
            kind,
            party,
            person,
            body,
            from,
            to,
            limit,
            facets,
            json,
        } => {
            let kind = kind
                .map(|k| {
                    Kind::parse(&k).ok_or_else(|| {
                        Error::Usage(format!(
                            "unknown kind {k:?}: use one of {}",
                            Kind::ALL.map(Kind::as_str).join(", ")
                        ))
                    })
                })
                .transpose()?;
            let results = Index::open(&index)?.search(&SearchRequest {
                query,
                kind,
                party,
                person,
                body,
                from,
                to,
                limit,
                facets,
            })?;
            if json {
                serde_json::to_writer(&mut out, &results)?;
                writeln!(out)?;
            } else {
                print_results(&mut out, &results)?;
            }
        }
        Command::Trace {
            reference,
            index,
            json,
        } => {
            let trace = Index::open(&index)?.trace(&reference)?;
            if json {
                serde_json::to_writer(&mut out, &trace)?;
                writeln!(out)?;
            } else {
                print_trace(&mut out, &trace)?;
            }
        }
        Command::Show {
            doc_id,
            index,
            json,
        } => {
            let doc = Index::open(&index)?
                .show(&doc_id)?
                .ok_or_else(|| Error::Usage(format!("no document {doc_id} in the index")))?;
            if json {
                serde_json::to_writer(&mut out, &doc)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &doc)?;
            }
            writeln!(out)?;
        }
        Command::Similar {
            segment_id,
            index,
            limit,
            json,
        } => {
            let results = Index::open(&index)?.similar(&segment_id, limit)?;
            if json {
                serde_json::to_writer(&mut out, &results)?;
                writeln!(out)?;
            } else {
                print_results(&mut out, &results)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read_input(file: Option<&Path>) -> anyhow::Result<String> {
    Ok(match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| Error::file(path, e))?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    })
}

fn print_trace(out: &mut impl Write, trace: &index::Trace) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} documents",
        trace.reference,
        trace.documents.len()
    )?;
    for doc in &trace.documents {
        writeln!(
            out,
            "\n{} [{}] {} — {}  ({})",
            doc.date.as_deref().unwrap_or("????-??-??"),
            match doc.relation {
                index::Relation::Own => "own",
                index::Relation::Cites => "cites",
            },
            doc.title,
            doc.body,
            doc.doc_id
        )?;
        writeln!(out, "   {}", doc.source)?;
        for seg in &doc.segments {
            writeln!(
                out,
                "   §{} p.{} [{}] {}",
                seg.paragraph.as_deref().unwrap_or("-"),
                seg.page,
                seg.kind.as_str(),
                seg.snippet.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}

fn print_results(out: &mut impl Write, results: &index::SearchResults) -> std::io::Result<()> {
    writeln!(
        out,
        "{} hits{}",
        results.total,
        if results.fuzzy {
            " (no exact match; allowing typos)"
        } else {
            ""
        }
    )?;
    if let Some(facets) = &results.facets {
        for (name, counts) in facets.iter().filter(|(_, c)| !c.is_empty()) {
            let counts: Vec<String> = counts.iter().map(|(v, n)| format!("{v} {n}")).collect();
            writeln!(out, "{name}: {}", counts.join(", "))?;
        }
    }
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(
            out,
            "\n{}. [{}] {} — {} {} §{} p.{}  ({:.2})",
            i + 1,
            hit.kind.as_str(),
            hit.title,
            hit.body,
            hit.date.as_deref().unwrap_or("????-??-??"),
            hit.paragraph.as_deref().unwrap_or("-"),
            hit.page,
            hit.score
        )?;
        writeln!(out, "   {}  {}", hit.source, hit.segment_id)?;
        writeln!(out, "   {}", hit.snippet.replace('\n', " "))?;
    }
    Ok(())
}
