//! How the loader reports a mistake (`LoadError`: file, place, what, fix) and the small
//! checks every data file shares: TOML shape (with the fix serde's message implies),
//! plain ids, non-empty text, and "did you mean" for near-misses.

use serde::Deserialize;
use std::fmt;

/// A mistake in the data: which file, where in it, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub place: String,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}\n  fix: {}",
            self.file, self.place, self.message, self.fix
        )
    }
}

impl std::error::Error for LoadError {}

pub(super) fn err<T>(
    file: &str,
    place: impl Into<String>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Result<T, LoadError> {
    Err(LoadError {
        file: file.to_string(),
        place: place.into(),
        message: message.into(),
        fix: fix.into(),
    })
}

pub(super) fn parse_toml<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
) -> Result<T, LoadError> {
    toml::from_str(text).or_else(|e| {
        let place = match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}")
            }
            None => "file".to_string(),
        };
        err(file, place, e.message().to_string(), toml_fix(e.message()))
    })
}

/// The fix for a TOML/shape error, from serde's message.
fn toml_fix(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
        return format!(
            "rename or remove `{name}`: the keys allowed here are {}{}",
            list.join(", "),
            did_you_mean(name, allowed.iter().copied())
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!(
            "add `{name} = …` here (the comment at the top of the file shows the format)"
        );
    }
    "correct the TOML (see the comment at the top of the file for the format)".to_string()
}

pub(super) fn check_id(file: &str, place: &str, id: &str) -> Result<(), LoadError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        err(
            file,
            place,
            format!("id \"{id}\" is not a plain id"),
            "use lowercase ASCII letters, digits and '-' (ids are public: data-block)",
        )
    }
}

/// `" (did you mean \"…\"?)"` when one of `known` is a small typo away from `name`.
pub(super) fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut diag = row[0];
            row[0] = i + 1;
            for (j, &cb) in b.iter().enumerate() {
                let next = (diag + usize::from(ca != cb))
                    .min(row[j] + 1)
                    .min(row[j + 1] + 1);
                diag = row[j + 1];
                row[j + 1] = next;
            }
        }
        row[b.len()]
    }
    known
        .into_iter()
        .map(|k| (distance(name, k), k))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map_or_else(String::new, |(_, k)| format!(" (did you mean \"{k}\"?)"))
}

pub(super) fn check_text(
    file: &str,
    place: &str,
    field: &str,
    value: &str,
) -> Result<(), LoadError> {
    if value.trim().is_empty() {
        return err(
            file,
            place,
            format!("`{field}` is empty"),
            format!("give `{field}` a value"),
        );
    }
    Ok(())
}
