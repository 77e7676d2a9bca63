//! Bad input never crashes, hangs or exhausts memory (issue 7).
//!
//! Every file in `tests/hostile/` and every PDF in `../shared/pdfs/pdfminer/` goes through the
//! built `diarium` binary in a child process limited to 20 s and 2 GiB: `extract` (the
//! `pdf::extract_path` path) and, when that ends cleanly, `segment` (`pipeline::process_file`).
//! Each run must end in exit status 0 with UTF-8 text, or exit status 1 with exactly one
//! stderr line that names the file and a reason — never a panic, a signal, a timeout or OOM.
//!
//! Files listed in `tests/hostile/KNOWN-FAILURES` (with the cause) are reported but do not fail
//! the test, so the list records what the current code still gets wrong; a listed file that
//! now passes is reported too, so the entry can be removed.

use std::ffi::OsString;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(20);
const MEMORY_LIMIT: u64 = 2 << 30;
const PARALLEL: usize = 2;

/// The pdfminer encrypted samples, the password that opens each, and a word of its text.
/// (`aes-256-r6` has its own passwords in pdfminer's tests; `foo` opens the others.)
const ENCRYPTED: &[(&str, &str, &str)] = &[
    ("encryption__aes-128.pdf", "foo", "Secret"),
    ("encryption__aes-128-m.pdf", "foo", "Secret"),
    ("encryption__aes-256.pdf", "foo", "Secret"),
    ("encryption__aes-256-m.pdf", "foo", "Secret"),
    ("encryption__rc4-128.pdf", "foo", "Secret"),
    ("encryption__rc4-40.pdf", "foo", "Secret"),
    ("encryption__aes-256-r6.pdf", "usersecret", "Hello"),
];

/// How one child process ended.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
}

/// What a run means for the contract.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// Exit 0 with text: pages and non-blank characters (for `segment`, of the JSON).
    Text { pages: usize, chars: usize },
    /// Exit 1 with one clean line: the reason after the file name.
    Error(String),
    /// Anything else: what went wrong.
    Broken(String),
}

/// Runs `diarium ARGS` with stdout and stderr in files (a pipe would fill and block the child),
/// under an address-space limit and a wall-clock deadline.
fn run_limited(args: &[OsString]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("stdout");
    let err_path = dir.path().join("stderr");
    let mut command = Command::new(env!("CARGO_BIN_EXE_diarium"));
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"));
    // SAFETY: only async-signal-safe setrlimit calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = |resource, value| {
                let rl = libc::rlimit {
                    rlim_cur: value,
                    rlim_max: value,
                };
                if libc::setrlimit(resource, &rl) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            limit(libc::RLIMIT_AS, MEMORY_LIMIT as libc::rlim_t)?;
            limit(libc::RLIMIT_CORE, 0)
        });
    }
    let start = Instant::now();
    let mut child = command.spawn().expect("spawn diarium");
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("wait for diarium") {
            break (status, false);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            break (child.wait().expect("reap diarium"), true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        signal: status.signal(),
        timed_out,
        stdout: std::fs::read(&out_path).unwrap_or_default(),
        stderr: String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into(),
        elapsed: start.elapsed(),
    }
}

/// Judges a run of a command on `file` against the contract.
fn verdict(run: &Run, file: &Path) -> Verdict {
    let first = run.stderr.lines().next().unwrap_or("").to_string();
    if run.timed_out {
        return Verdict::Broken(format!("timeout after {} s", TIME_LIMIT.as_secs()));
    }
    if run.stderr.contains("memory allocation") {
        return Verdict::Broken(format!("out of memory: {first}"));
    }
    if run.stderr.contains("overflowed its stack") {
        return Verdict::Broken(format!("stack overflow: {first}"));
    }
    if run.stderr.contains("panicked at") {
        let at = run.stderr.lines().find(|l| l.contains("panicked at"));
        return Verdict::Broken(format!("panic: {}", at.unwrap_or("")));
    }
    if let Some(signal) = run.signal {
        return Verdict::Broken(format!("killed by signal {signal}: {first}"));
    }
    match run.code {
        Some(0) => match std::str::from_utf8(&run.stdout) {
            Ok(text) => Verdict::Text {
                pages: text.split('\u{c}').count(),
                chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            },
            Err(e) => Verdict::Broken(format!("stdout is not UTF-8: {e}")),
        },
        Some(1) => {
            let name = file.to_string_lossy();
            let lines = run.stderr.lines().count();
            match first.split_once(&*name) {
                Some((_, reason)) if lines == 1 && reason.trim_start_matches(':').trim() != "" => {
                    Verdict::Error(reason.trim_start_matches(':').trim().to_string())
                }
                _ => Verdict::Broken(format!(
                    "exit 1 without one line naming the file ({lines} lines): {first}"
                )),
            }
        }
        code => Verdict::Broken(format!("exit status {code:?}: {first}")),
    }
}

/// One file's outcome under every command it was run with.
struct Outcome {
    file: PathBuf,
    /// (command, verdict, seconds)
    runs: Vec<(String, Verdict, f64)>,
}

/// Runs `extract` and then `segment` on a file (segment only when extract ended cleanly, since
/// both read the file through the same extractor and a hang would only cost another 20 s).
fn check_file(file: &Path) -> Outcome {
    let mut runs = Vec::new();
    let extract = run_limited(&["extract".into(), file.into()]);
    let v = verdict(&extract, file);
    let clean = !matches!(v, Verdict::Broken(_));
    runs.push(("extract".into(), v, extract.elapsed.as_secs_f64()));
    if clean {
        let segment = run_limited(&["segment".into(), file.into()]);
        let mut v = verdict(&segment, file);
        if let Verdict::Text { chars, .. } = v {
            v = match serde_json::from_slice::<serde_json::Value>(&segment.stdout) {
                Ok(doc) => Verdict::Text {
                    pages: doc["pages"].as_u64().unwrap_or(0) as usize,
                    chars,
                },
                Err(e) => Verdict::Broken(format!("segment printed no JSON: {e}")),
            };
        }
        runs.push(("segment".into(), v, segment.elapsed.as_secs_f64()));
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(&(_, password, word)) = ENCRYPTED.iter().find(|(n, _, _)| *n == name) {
        // Without a password the verdict must be the named error, with it the text.
        for (command, v, _) in runs.iter_mut() {
            let ok = matches!(v, Verdict::Error(r) if r.contains("encrypted: password required"));
            if !ok {
                *v = Verdict::Broken(format!(
                    "{command} without password: want \"encrypted: password required\", got {v:?}"
                ));
            }
        }
        let with = run_limited(&[
            "extract".into(),
            "--password".into(),
            password.into(),
            file.into(),
        ]);
        let mut v = verdict(&with, file);
        if matches!(v, Verdict::Text { .. })
            && !String::from_utf8_lossy(&with.stdout).contains(word)
        {
            v = Verdict::Broken(format!("text lacks {word:?}"));
        }
        runs.push((
            format!("extract --password {password}"),
            v,
            with.elapsed.as_secs_f64(),
        ));
    }
    Outcome {
        file: file.to_path_buf(),
        runs,
    }
}

/// The PDFs (or anything) in a directory, sorted; empty when the directory is absent.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// File names whose failure is known and explained in `tests/hostile/KNOWN-FAILURES`.
fn known_failures(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("tests/hostile/KNOWN-FAILURES"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Runs every file on `PARALLEL` threads, handing out files from a shared queue.
fn check_all(files: Vec<PathBuf>) -> Vec<Outcome> {
    let queue = Mutex::new(files.into_iter());
    let results = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| loop {
                let next = queue.lock().expect("queue").next();
                let Some(file) = next else { break };
                let outcome = check_file(&file);
                results.lock().expect("results").push(outcome);
            });
        }
    });
    let mut results = results.into_inner().expect("results");
    results.sort_by(|a, b| a.file.cmp(&b.file));
    results
}

#[test]
fn hostile_and_real_world_files_end_in_text_or_one_clean_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hostile = files_in(&root.join("tests/hostile"));
    assert!(
        hostile.len() >= 30,
        "tests/hostile/ holds {} PDFs; run tools/hostile/make.py",
        hostile.len()
    );
    // `../shared` beside a checkout (CI), `../../shared` beside a worktree under `wt/`.
    let pdfminer = ["../shared", "../../shared"]
        .iter()
        .map(|s| files_in(&root.join(s).join("pdfs/pdfminer")))
        .find(|files| !files.is_empty())
        .unwrap_or_default();
    if pdfminer.is_empty() {
        eprintln!("note: ../shared/pdfs/pdfminer not found, checking the hostile set only");
    }
    let fuzz_crashes = files_in(&root.join("tests/hostile/fuzz-crashes"));
    let files: Vec<PathBuf> = hostile
        .into_iter()
        .chain(fuzz_crashes)
        .chain(pdfminer)
        .collect();

    let known = known_failures(root);
    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    for outcome in check_all(files) {
        let name = outcome
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_known = known.contains(&name);
        let mut broken = false;
        for (command, v, secs) in &outcome.runs {
            let shown = match v {
                Verdict::Text { pages, chars } => format!("text: {pages} pages, {chars} chars"),
                Verdict::Error(reason) => format!("error: {reason}"),
                Verdict::Broken(why) => {
                    broken = true;
                    format!("BROKEN: {why}")
                }
            };
            eprintln!("{name:<48} {command:<26} {secs:>5.1} s  {shown}");
            if matches!(v, Verdict::Broken(_)) && !is_known {
                failures.push(format!("{name} ({command}): {shown}"));
            }
        }
        if is_known && !broken {
            now_passing.push(name);
        }
    }
    for name in &now_passing {
        eprintln!("note: {name} is listed in tests/hostile/KNOWN-FAILURES but passes now");
    }
    assert!(
        failures.is_empty(),
        "{} runs broke the contract:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Ingesting a directory of good and bad files indexes every good file, reports every bad one
/// on its own stderr line, and exits with status 2 (INTERFACE.md; summary line of src/main.rs).
#[test]
fn mixed_batch_indexes_the_good_and_reports_the_bad() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let good = [
        "corpus/002-yttrande-revision-skarholmen-2020.lo.pdf",
        "corpus/003-tjut-alvsjo-2015.tex.pdf",
        "corpus/kn-goteborg-2012-protokollsutdrag.chrome.pdf",
    ];
    // Files that can only end in an error, and files that must not take the batch down with
    // them (they may end in text or an error, but the good files must still be indexed).
    let bad = [
        "empty.pdf",
        "random.pdf",
        "html.pdf",
        "truncated.pdf",
        "encrypted-unknown-filter.pdf",
    ];
    let rough = [
        "deep-array-object.pdf",
        "cyclic-pages.pdf",
        "xobject-self.pdf",
        "nan-matrix.pdf",
    ];

    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).expect("input dir");
    for g in good {
        let from = root.join(g);
        std::fs::copy(&from, input.join(from.file_name().expect("name"))).expect("copy good");
    }
    for h in bad.iter().chain(&rough) {
        std::fs::copy(root.join("tests/hostile").join(h), input.join(h)).expect("copy hostile");
    }
    let index = tmp.path().join("index");
    let mut args: Vec<OsString> = vec!["ingest".into(), input.clone().into(), "--index".into()];
    args.push(index.into());
    let run = run_limited(&args);
    assert!(!run.timed_out, "ingest timed out");
    assert_eq!(run.code, Some(2), "exit status; stderr: {}", run.stderr);

    let stdout = String::from_utf8_lossy(&run.stdout);
    let summary = regex::Regex::new(
        r"(?m)^(\d+) files: (\d+) indexed, (\d+) unchanged, (\d+) removed, (\d+) failed;",
    )
    .expect("regex");
    let caps = summary
        .captures(&stdout)
        .unwrap_or_else(|| panic!("no summary line in {stdout:?}"));
    let n = |i: usize| caps[i].parse::<usize>().expect("number");
    let total = good.len() + bad.len() + rough.len();
    assert_eq!(n(1), total, "files found");
    assert!(
        n(2) >= good.len(),
        "indexed {} of {} good files",
        n(2),
        good.len()
    );
    assert!(n(5) >= bad.len(), "only {} failures reported", n(5));
    assert_eq!(n(2) + n(5), total, "every file is indexed or failed");

    let failed_lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("diarium: "))
        .collect();
    assert_eq!(
        failed_lines.len(),
        n(5),
        "one stderr line per failure: {}",
        run.stderr
    );
    for b in bad {
        assert!(
            failed_lines.iter().any(|l| l.contains(b)),
            "{b} not reported: {}",
            run.stderr
        );
    }
    for g in good {
        let name = Path::new(g).file_name().expect("name").to_string_lossy();
        assert!(
            !failed_lines.iter().any(|l| l.contains(&*name)),
            "good file {name} failed: {}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("panicked at"), "{}", run.stderr);
}

/// An ingest killed with SIGKILL midway leaves the last commit searchable, and running it again
/// completes the batch: nothing that was committed is lost, nothing is indexed twice.
#[test]
fn a_killed_ingest_keeps_the_last_commit_and_a_rerun_completes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    let index = tmp.path().join("index");
    std::fs::create_dir(&input).expect("input dir");
    let first = root.join("corpus/003-tjut-alvsjo-2015.lo.pdf");
    std::fs::copy(&first, input.join("first.pdf")).expect("copy");
    let ingest = || {
        Command::new(env!("CARGO_BIN_EXE_diarium"))
            .arg("ingest")
            .arg(&input)
            .arg("--index")
            .arg(&index)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("run ingest")
    };
    assert!(ingest().status.success(), "first ingest");

    // Every corpus PDF joins the batch; the ingest is killed while it works on them.
    let mut total = 1;
    for entry in std::fs::read_dir(root.join("corpus")).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "pdf") {
            std::fs::copy(&path, input.join(path.file_name().expect("name"))).expect("copy");
            total += 1;
        }
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_diarium"))
        .arg("ingest")
        .arg(&input)
        .arg("--index")
        .arg(&index)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    std::thread::sleep(Duration::from_millis(700));
    child.kill().expect("kill");
    child.wait().expect("reap");

    let search = Command::new(env!("CARGO_BIN_EXE_diarium"))
        .args(["search", "remissen", "--json", "--index"])
        .arg(&index)
        .output()
        .expect("search");
    assert!(
        search.status.success(),
        "{}",
        String::from_utf8_lossy(&search.stderr)
    );
    let hits = String::from_utf8_lossy(&search.stdout);
    assert!(
        hits.contains("first.pdf"),
        "the first commit survives: {hits}"
    );

    let rerun = ingest();
    let stdout = String::from_utf8_lossy(&rerun.stdout);
    assert!(
        rerun.status.success(),
        "re-run after the kill: {stdout} {}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let summary = regex::Regex::new(r"^(\d+) files: (\d+) indexed, (\d+) unchanged")
        .expect("regex")
        .captures(&stdout)
        .unwrap_or_else(|| panic!("no summary in {stdout:?}"));
    let n = |i: usize| summary[i].parse::<usize>().expect("number");
    assert_eq!(n(1), total, "files found");
    assert_eq!(
        n(2) + n(3),
        total,
        "every file indexed or already committed"
    );
    assert!(n(3) >= 1, "first.pdf was committed before the kill");
}
