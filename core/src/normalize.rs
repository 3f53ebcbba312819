//! Search normalisation: full-width forms fold to ASCII, Latin case folds, curly quotes
//! fold to straight ones, and white space disappears, so `８．１％`, `8. 1%` and `8.1%`
//! are the same search. Each kept character remembers where it came from.

/// Folds one character for searching; `None` means it is ignored (white space).
pub fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        // Full-width ASCII variants (！ … ～) sit 0xFEE0 above their ASCII forms.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// Normalised text plus, for each of its characters, the byte range it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` = (start, end) byte offsets in the original of the i-th folded char.
    pub origin: Vec<(u32, u32)>,
    /// Byte offset in `text` of the i-th folded char (plus one final entry = `text.len()`).
    pub offsets: Vec<u32>,
}

/// Folds a whole text, keeping the map back to the original.
pub fn fold(original: &str) -> Folded {
    let mut out = Folded::default();
    for (start, c) in original.char_indices() {
        if let Some(f) = fold_char(c) {
            out.offsets.push(out.text.len() as u32);
            out.text.push(f);
            out.origin
                .push((start as u32, (start + c.len_utf8()) as u32));
        }
    }
    out.offsets.push(out.text.len() as u32);
    out
}

/// Folds a search query (no map needed).
pub fn fold_query(query: &str) -> String {
    query.chars().filter_map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_and_space_fold_away() {
        assert_eq!(fold_query("８．１％"), "8.1%");
        assert_eq!(fold_query(" 8. 1 %"), "8.1%");
        assert_eq!(fold_query("Ｊinyi　HU"), "jinyihu");
        assert_eq!(fold_query("“敢”"), "\"敢\"");
        assert_eq!(fold_query("金义　湖"), "金义湖");
    }

    #[test]
    fn origin_points_back_to_the_original() {
        let s = "增速８．１％， 第一";
        let f = fold(s);
        assert_eq!(f.text, "增速8.1%,第一");
        for (i, c) in f.text.chars().enumerate() {
            let (a, b) = f.origin[i];
            assert_eq!(
                fold_char(s[a as usize..b as usize].chars().next().unwrap()),
                Some(c)
            );
        }
        assert_eq!(f.offsets.len(), f.origin.len() + 1);
    }
}
