//! Compiles repair's word lists (src/repair/data/*.tsv) into fst maps embedded in the binary, so
//! the lexicon is ready at first use instead of being built from text at run time.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Data files of `src/repair/data` turned into `OUT_DIR/NAME.fst`: key TAB value per line.
const MAPS: &[&str] = &["lexicon", "bigrams"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in MAPS {
        let src = Path::new("src/repair/data").join(format!("{name}.tsv"));
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut entries: Vec<(&str, u64)> = text
            .lines()
            .filter_map(|line| {
                let (key, value) = line.rsplit_once('\t')?;
                Some((key, value.parse().ok()?))
            })
            .collect();
        entries.sort_unstable();
        entries.dedup_by(|a, b| a.0 == b.0);
        let map = fst::Map::from_iter(entries).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        fs::write(out.join(format!("{name}.fst")), map.as_fst().as_bytes())
            .unwrap_or_else(|e| panic!("{name}.fst: {e}"));
    }
}
