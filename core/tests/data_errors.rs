//! The data files are edited by people: every kind of mistake in them must stop the
//! build with a message that names the file, the place and the fix, and nothing
//! half-valid may come out. Each test takes the real files from `data/`, breaks them
//! in one way (as text, the way an editor would), and checks the loader's error.
//!
//! build.rs prints the loader's error and exits 1, so these are the build's messages;
//! `load_dir_*` check the same through the files on disk.

mod common;
use common::data_dir;
use jinyi_core::loader::{
    load, load_dir, LoadError, FACETS_FILE, FIGURES_FILE, STRUCTURE_FILE, TRANSLATION_FILE,
};
use std::path::PathBuf;

fn read(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

struct Data {
    structure: String,
    facets: String,
    source: String,
}

fn data() -> Data {
    Data {
        structure: read(STRUCTURE_FILE),
        facets: read(FACETS_FILE),
        source: read("article.txt"),
    }
}

/// `text` with `from` (which must occur exactly once) replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "the test's anchor {from:?} must occur exactly once in the data"
    );
    text.replacen(from, to, 1)
}

/// 1-based line of `text` where `needle` (unique) starts.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle present");
    text[..at].matches('\n').count() + 1
}

fn load_err(d: &Data) -> LoadError {
    match load(&d.structure, &d.facets, &d.source) {
        Ok(_) => panic!("the broken data loaded without an error"),
        Err(e) => e,
    }
}

fn break_structure(from: &str, to: &str) -> (LoadError, String) {
    let mut d = data();
    d.structure = edit(&d.structure, from, to);
    (load_err(&d), d.structure)
}

fn break_facets(from: &str, to: &str) -> (LoadError, String) {
    let mut d = data();
    d.facets = edit(&d.facets, from, to);
    (load_err(&d), d.facets)
}

/// The error is in `file`, its place mentions every one of `place`, its message every
/// one of `message`, its fix every one of `fix`; and the printed form (what the build
/// shows) carries the file, the place, the message and the fix.
#[track_caller]
fn assert_error(e: &LoadError, file: &str, place: &[&str], message: &[&str], fix: &[&str]) {
    assert_eq!(e.file, file, "{e}");
    for p in place {
        assert!(e.place.contains(p), "place should name {p:?}: {e}");
    }
    for m in message {
        assert!(e.message.contains(m), "message should say {m:?}: {e}");
    }
    assert!(e.fix.trim().len() >= 10, "no real fix: {e}");
    for f in fix {
        assert!(e.fix.contains(f), "fix should say {f:?}: {e}");
    }
    let shown = e.to_string();
    for part in [&e.file, &e.place, &e.message, &e.fix] {
        assert!(
            shown.contains(part.as_str()),
            "{part:?} missing from {shown:?}"
        );
    }
    assert!(shown.starts_with(&format!("{file}: ")), "{shown}");
}

#[test]
fn the_real_data_loads() {
    let d = data();
    load(&d.structure, &d.facets, &d.source).unwrap_or_else(|e| panic!("{e}"));
}

// ---------- article.toml ----------

#[test]
fn malformed_syntax_names_the_line() {
    let (e, text) = break_structure(
        r#"{ id = "dare-1", lines = [21] },"#,
        r#"{ id = "dare-1", lines = [21 },"#,
    );
    let line = line_of(&text, r#"{ id = "dare-1", lines = [21 },"#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &[&format!("line {line}")],
        &[],
        &["TOML"],
    );

    // An unclosed string, in the other file.
    let (e, text) = break_facets(r#"name = "营商环境""#, r#"name = "营商环境"#);
    let line = line_of(&text, r#"name = "营商环境"#);
    assert_error(&e, FACETS_FILE, &[&format!("line {line}")], &[], &["TOML"]);
}

#[test]
fn unknown_or_misspelt_key() {
    let (e, text) = break_structure(
        r#"{ id = "dare-1", lines = [21] },"#,
        r#"{ id = "dare-1", line = [21] },"#,
    );
    let line = line_of(&text, r#"line = [21]"#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &[&format!("line {line}")],
        &["line"],
        &["lines"],
    );

    let (e, text) = break_facets(r#"keywords = ["项目"]"#, r#"keyword = ["项目"]"#);
    let line = line_of(&text, r#"keyword = ["项目"]"#);
    assert_error(
        &e,
        FACETS_FILE,
        &[&format!("line {line}")],
        &["keyword"],
        &["keywords"],
    );

    let (e, _) = break_structure("[masthead]", "[mast_head]");
    assert_error(&e, STRUCTURE_FILE, &["line"], &["mast_head"], &["masthead"]);
}

#[test]
fn a_required_key_is_missing() {
    let (e, text) = break_structure("id = \"do\"\nen = \"Get it done\"\n", "id = \"do\"\n");
    let line = line_of(&text, "id = \"do\"\n");
    assert_error(&e, STRUCTURE_FILE, &["line"], &["en"], &["en"]);
    assert!(
        e.place.contains(&format!("line {}", line - 1))
            || e.place.contains(&format!("line {line}")),
        "{e}"
    );
}

#[test]
fn a_value_of_the_wrong_type() {
    let (e, text) = break_structure("kicker = 3", "kicker = \"3\"");
    let line = line_of(&text, "kicker = \"3\"");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &[&format!("line {line}")],
        &[],
        &["TOML"],
    );
}

#[test]
fn block_refers_to_a_missing_source_line() {
    let (e, _) = break_structure(
        r#"{ id = "dare-1", lines = [21] }"#,
        r#"{ id = "dare-1", lines = [997] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["section \"dare\"", "block #2 (dare-1)", "lines[0]"],
        &["997", "does not exist", "1 to"],
        &["line number"],
    );
    let (e, _) = break_structure("headline = 5", "headline = 0");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[masthead] headline"],
        &["line 0"],
        &["line number"],
    );
    let (e, _) = break_structure(
        "{ id = \"do-photo\", figure = 57,",
        "{ id = \"do-photo\", figure = -57,",
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(do-photo) figure"],
        &["-57"],
        &["line number"],
    );
}

#[test]
fn block_refers_to_a_blank_source_line() {
    let (e, _) = break_structure(
        r#"{ id = "dare-1", lines = [21] }"#,
        r#"{ id = "dare-1", lines = [21, 22] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["block #2 (dare-1)", "lines[1]"],
        &["line 22", "blank"],
        &["lines with text"],
    );
}

#[test]
fn a_line_used_twice() {
    let (e, _) = break_structure(
        r#"{ id = "dare-2", lines = [23] }"#,
        r#"{ id = "dare-2", lines = [21] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["block #3 (dare-2)", "lines[0]"],
        &["line 21", "twice", "dare-1"],
        &["exactly once"],
    );
    // Used by a heading and again by a block.
    let (e, _) = break_structure(
        r#"{ id = "surpass-1", lines = [73] }"#,
        r#"{ id = "surpass-1", lines = [69, 73] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(surpass-1) lines[0]"],
        &["line 69", "twice", "heading"],
        &["remove one"],
    );
}

#[test]
fn a_line_never_used() {
    let (e, _) = break_structure("  { id = \"dare-2\", lines = [23] },\n", "");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["source line 23"],
        &["23", "never used"],
        // Where it goes: between the neighbouring lines' uses.
        &["add 23", "line 21", "dare-1", "line 25", "dare-3"],
    );
    // The last line of a joined paragraph dropped.
    let (e, _) = break_structure("\"dare-3\", lines = [25, 39]", "\"dare-3\", lines = [25]");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["source line 39"],
        &["never used"],
        &["add 39", "line 37", "dare-photo", "line 41", "dare-4"],
    );
}

#[test]
fn an_empty_block() {
    let (e, _) = break_structure(
        r#"{ id = "dare-1", lines = [21] }"#,
        r#"{ id = "dare-1", lines = [] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["section \"dare\", block #2 (dare-1)"],
        &["empty"],
        &["at least one line"],
    );
    // Neither lines nor figure.
    let (e, _) = break_structure(r#"{ id = "dare-1", lines = [21] }"#, r#"{ id = "dare-1" }"#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(dare-1)"],
        &["either `lines`"],
        &["lines = ["],
    );
}

#[test]
fn a_section_with_no_blocks() {
    let mut d = data();
    let start = d
        .structure
        .find("blocks = [\n  { id = \"dare-intro\"")
        .unwrap();
    let end = start + d.structure[start..].find("\n]\n").unwrap() + 3;
    d.structure.replace_range(start..end, "blocks = []\n");
    let e = load_err(&d);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[[section]] #2 (dare)"],
        &["no blocks"],
        &["add its blocks"],
    );
}

#[test]
fn a_missing_text_marker_in_an_impossible_place() {
    let cases = [
        // First in the block: nothing before it to break off from.
        ("[\"missing\", 21]", "lines[0]"),
        // Last: nothing after it to resume.
        ("[21, \"missing\"]", "lines[1]"),
        // Twice in a row.
        ("[21, \"missing\", \"missing\", 23]", "lines[2]"),
        // Alone.
        ("[\"missing\"]", "lines[0]"),
    ];
    for (lines, at) in cases {
        let mut d = data();
        d.structure = edit(
            &d.structure,
            r#"{ id = "dare-1", lines = [21] },
  { id = "dare-2", lines = [23] },"#,
            &format!(r#"{{ id = "dare-1", lines = {lines} }},"#),
        );
        let e = load_err(&d);
        assert_error(
            &e,
            STRUCTURE_FILE,
            &["(dare-1)", at],
            &["\"missing\"", "between two lines"],
            &["where the text breaks off"],
        );
    }
    // Misspelt marker, and a marker in a figure (figures take one line, no list).
    let (e, _) = break_structure(
        r#""surpass-5", lines = [81, "missing", 83]"#,
        r#""surpass-5", lines = [81, "Missing", 83]"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(surpass-5) lines[1]"],
        &["\"Missing\"", "neither a line number"],
        &["\"missing\""],
    );
    let (e, _) = break_structure("figure = 57,", "figure = \"missing\",");
    assert_error(&e, STRUCTURE_FILE, &["line"], &["missing"], &["TOML"]);
}

#[test]
fn credit_does_not_end_the_line() {
    let (e, _) = break_structure(
        r#""lead-photo", figure = 11, credit = "胡赣昌 摄""#,
        r#""lead-photo", figure = 11, credit = "胡赣 摄""#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["section \"lead\", block #2 (lead-photo)"],
        &["胡赣 摄", "line 11"],
        &["copy the credit exactly"],
    );
    // No credit at all.
    let (e, _) = break_structure(
        r#""lead-photo", figure = 11, credit = "胡赣昌 摄""#,
        r#""lead-photo", figure = 11"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(lead-photo)"],
        &["credit"],
        &["credit = "],
    );
    // The credit is the whole line.
    let mut d = data();
    let line11 = d.source.lines().nth(10).unwrap().to_string();
    d.structure = edit(
        &d.structure,
        r#"figure = 11, credit = "胡赣昌 摄""#,
        &format!("figure = 11, credit = \"{line11}\""),
    );
    assert_error(
        &load_err(&d),
        STRUCTURE_FILE,
        &["(lead-photo)"],
        &["caption is empty"],
        &["credit"],
    );
    // A credit on a paragraph.
    let (e, _) = break_structure(
        r#"{ id = "dare-1", lines = [21] }"#,
        r#"{ id = "dare-1", lines = [21], credit = "x 摄" }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(dare-1)"],
        &["figures only"],
        &["remove `credit`"],
    );
}

#[test]
fn duplicate_block_id() {
    let (e, _) = break_structure(
        r#"{ id = "dare-2", lines = [23] }"#,
        r#"{ id = "dare-1", lines = [23] }"#,
    );
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["section \"dare\", block #3"],
        &["\"dare-1\"", "twice"],
        &["its own id"],
    );
    let (e, _) = break_structure(r#"id = "surpass""#, r#"id = "do""#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[[section]] #4"],
        &["\"do\"", "twice"],
        &["its own id"],
    );
}

#[test]
fn an_id_that_is_not_plain() {
    let (e, _) = break_structure(r#"{ id = "dare-2","#, r#"{ id = "Dare 2","#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["block #3 (Dare 2)"],
        &["not a plain id"],
        &["lowercase ASCII"],
    );
}

#[test]
fn a_theme_that_does_not_exist() {
    // A topic where a spirit is required.
    let (e, _) = break_structure(r#"spirits = ["干"]"#, r#"spirits = ["营商环境"]"#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[[section]] #3 (do) spirits"],
        &["\"营商环境\"", "not a spirit", FACETS_FILE],
        &["敢, 干, 赶"],
    );
}

#[test]
fn unknown_spirit() {
    let (e, _) = break_structure(r#"spirits = ["敢"]"#, r#"spirits = ["勇"]"#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[[section]] #2 (dare) spirits"],
        &["\"勇\""],
        &["敢, 干, 赶"],
    );
    let (e, _) = break_structure(r#"spirits = ["敢"]"#, "spirits = []");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(dare)"],
        &["`spirits` is empty"],
        &["敢, 干 or 赶"],
    );
}

#[test]
fn banner_before_an_unknown_section() {
    let (e, _) = break_structure(r#"before = "dare""#, r#"before = "daring""#);
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["[banner] before"],
        &["\"daring\""],
        &["section"],
    );
}

// ---------- facets.toml ----------

#[test]
fn a_platform_that_does_not_occur_in_the_article() {
    let mut d = data();
    d.facets = edit(
        &d.facets,
        "# ---- Projects and companies ----",
        "[[platform]]\nname = \"火星基地\"\nen = \"Mars base\"\nkind = \"基地\"\nkind_en = \"base\"\ngroup = \"carrier\"\n\n# ---- Projects and companies ----",
    );
    let n = d.facets.matches("[[platform]]").count();
    let e = load_err(&d);
    assert_error(
        &e,
        FACETS_FILE,
        &[&format!("[[platform]] #{n} (火星基地)")],
        &["occurs in the article"],
        &["alias"],
    );
}

#[test]
fn a_project_that_does_not_occur_in_the_article() {
    let (e, _) = break_facets(r#"name = "鑫泰特钢""#, r#"name = "鑫泰特钢厂""#);
    assert_error(
        &e,
        FACETS_FILE,
        &["[[project]] #3 (鑫泰特钢厂)"],
        &["occurs in the article"],
        &["as the article writes it"],
    );
}

#[test]
fn unknown_platform_group() {
    let (e, _) = break_facets(
        "en = \"Jinyi Lake\"\nkind = \"主平台\"\nkind_en = \"main platform\"\ngroup = \"main\"",
        "en = \"Jinyi Lake\"\nkind = \"主平台\"\nkind_en = \"main platform\"\ngroup = \"mian\"",
    );
    assert_error(
        &e,
        FACETS_FILE,
        &["[[platform]] #2 (金义湖) group"],
        &["\"mian\""],
        &["main, featured, corridor, rail, carrier, app"],
    );
}

/// Every platform says what it is (issue 17): a missing `kind` is a TOML error naming
/// the key, an empty `kind_en` names the platform.
#[test]
fn a_platform_without_its_kind() {
    let (e, _) = break_facets(
        "kind = \"应用\"\nkind_en = \"app\"\n",
        "kind_en = \"app\"\n",
    );
    assert_error(&e, FACETS_FILE, &["line"], &["kind"], &["kind"]);
    let (e, _) = break_facets("kind_en = \"app\"", "kind_en = \" \"");
    assert_error(
        &e,
        FACETS_FILE,
        &["[[platform]]", "(卡点通)"],
        &["`kind_en` is empty"],
        &["`kind_en`"],
    );
}

#[test]
fn part_of_names_no_platform() {
    let (e, _) = break_facets(r#"part_of = "金义湖""#, r#"part_of = "金义湖区""#);
    assert_error(
        &e,
        FACETS_FILE,
        &["(金义湖科技创新策源地) part_of"],
        &["\"金义湖区\"", "not another platform"],
        &["did you mean \"金义湖\"?"],
    );
    // Itself.
    let (e, _) = break_facets(
        r#"part_of = "金义湖""#,
        r#"part_of = "金义湖科技创新策源地""#,
    );
    assert_error(
        &e,
        FACETS_FILE,
        &["part_of"],
        &["not another platform"],
        &["another [[platform]]"],
    );
}

#[test]
fn include_or_exclude_names_no_block() {
    let (e, _) = break_facets(r#"include = ["do-4"]"#, r#"include = ["do4"]"#);
    assert_error(
        &e,
        FACETS_FILE,
        &["[[topic]] #2 (营商环境) include"],
        &["\"do4\""],
        &[STRUCTURE_FILE, "did you mean \"do-4\"?"],
    );
    let (e, _) = break_facets(
        r#"exclude = ["surpass-photo-2"]"#,
        r#"exclude = ["rail-photo"]"#,
    );
    assert_error(
        &e,
        FACETS_FILE,
        &["[[topic]] #4 (平台建设) exclude"],
        &["\"rail-photo\""],
        &[STRUCTURE_FILE],
    );
}

#[test]
fn keyword_that_never_occurs() {
    let (e, _) = break_facets(
        r#"keywords = ["项目"]"#,
        r#"keywords = ["项目", "火星基地"]"#,
    );
    assert_error(
        &e,
        FACETS_FILE,
        &["[[topic]] #3 (项目建设) keywords"],
        &["\"火星基地\"", "does not occur"],
        &["quote keywords"],
    );
    let (e, _) = break_facets(r#"keywords = ["项目"]"#, r#"keywords = [""]"#);
    assert_error(
        &e,
        FACETS_FILE,
        &["(项目建设) keywords"],
        &["\"\""],
        &["quote keywords"],
    );
}

#[test]
fn a_topic_that_holds_nothing() {
    let (e, _) = break_facets(r#"keywords = ["项目"]"#, r#"keywords = []"#);
    assert_error(
        &e,
        FACETS_FILE,
        &["[[topic]] #3 (项目建设)"],
        &["no keywords"],
        &["keywords"],
    );
}

#[test]
fn a_theme_defined_twice_and_an_empty_field() {
    let (e, _) = break_facets(r#"name = "营商环境""#, r#"name = "改革创新""#);
    assert_error(
        &e,
        FACETS_FILE,
        &["[[topic]] #2 (改革创新)"],
        &["defined twice"],
        &["duplicate"],
    );
    let (e, _) = break_facets(r#"en = "Jinyi Lake""#, r#"en = "  ""#);
    assert_error(
        &e,
        FACETS_FILE,
        &["[[platform]] #2 (金义湖)"],
        &["`en` is empty"],
        &["`en`"],
    );
}

// ---------- On disk, as the build reads them ----------

fn temp_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jinyi-data-errors-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in [
        "article.txt",
        STRUCTURE_FILE,
        FACETS_FILE,
        FIGURES_FILE,
        TRANSLATION_FILE,
    ] {
        std::fs::copy(data_dir().join(f), dir.join(f)).unwrap();
    }
    dir
}

#[test]
fn load_dir_reports_a_broken_file() {
    let dir = temp_data("broken");
    let text = edit(
        &read(STRUCTURE_FILE),
        "\"dare-3\", lines = [25, 39]",
        "\"dare-3\", lines = [25, 39, 39]",
    );
    std::fs::write(dir.join(STRUCTURE_FILE), text).unwrap();
    let e = load_dir(&dir).expect_err("broken data must not load");
    assert_error(
        &e,
        STRUCTURE_FILE,
        &["(dare-3) lines[2]"],
        &["line 39", "twice"],
        &["exactly once"],
    );
    // build.rs prints `error in data/{e}`: the first line names the file and the place.
    let first = format!("error in data/{e}");
    let first = first.lines().next().unwrap();
    assert!(
        first.starts_with("error in data/article.toml: section \"dare\""),
        "{first}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn load_dir_reports_a_missing_file() {
    let dir = temp_data("missing");
    std::fs::remove_file(dir.join(FACETS_FILE)).unwrap();
    let e = load_dir(&dir).expect_err("a missing file must not load");
    assert_error(
        &e,
        FACETS_FILE,
        &[&dir.display().to_string()],
        &["cannot read"],
        &["facets.toml"],
    );

    let text = edit(
        &read(STRUCTURE_FILE),
        r#"source = "article.txt""#,
        r#"source = "artikel.txt""#,
    );
    std::fs::copy(data_dir().join(FACETS_FILE), dir.join(FACETS_FILE)).unwrap();
    std::fs::write(dir.join(STRUCTURE_FILE), text).unwrap();
    let e = load_dir(&dir).expect_err("a missing source must not load");
    assert_error(&e, "artikel.txt", &[], &["cannot read"], &["article.txt"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Whole messages as a maintainer reads them: one line naming file and place, one with
/// the fix. See them with `cargo test -p jinyi-core --test data_errors -- --nocapture`.
#[test]
fn whole_messages_name_the_place_and_the_fix() {
    for (from, to) in [
        (
            r#"{ id = "dare-1", lines = [21] },"#,
            r#"{ id = "dare-1", lines = [21 },"#,
        ),
        (
            r#"{ id = "dare-1", lines = [21] },"#,
            r#"{ id = "dare-1", line = [21] },"#,
        ),
        ("  { id = \"dare-2\", lines = [23] },\n", ""),
    ] {
        let message = break_structure(from, to).0.to_string();
        assert!(message.starts_with("article.toml: "), "{message}");
        assert!(message.contains("\n  fix: "), "{message}");
        println!("{message}\n");
    }
}
