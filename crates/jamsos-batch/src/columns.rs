//! Header help for analysts: the delimiter of a roster recognised from its
//! header, and "did you mean" for a column name that is a near miss of a
//! contract column (`registerd_on`, `Wage`, `birthdate`).

/// The contract's roster columns (CONTRACT.md §2), from the decoder's own
/// table, so a suggestion is always a name the batch accepts.
fn contract_columns() -> impl Iterator<Item = &'static str> {
    jamsos_contract::Roster::contract_columns()
}

/// The contract column `name` is most likely a misspelling of: the same name
/// in another case or with spaces around it, or one at most two edits away
/// (one for names of up to five letters; Damerau-Levenshtein, so a swap of
/// two letters is one edit).
#[must_use]
pub fn suggestion(name: &str) -> Option<&'static str> {
    let plain = name.trim().to_lowercase().replace([' ', '-'], "_");
    contract_columns()
        .filter(|c| *c != name)
        .map(|c| (strsim::damerau_levenshtein(&plain, c), c))
        .filter(|(d, c)| *d <= if c.len() <= 5 { 1 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// One line about a column the contract does not know: it is ignored, and
/// what it was perhaps meant to be.
#[must_use]
pub fn unknown_column_notice(name: &str) -> String {
    match suggestion(name) {
        Some(s) => format!(
            "column \"{name}\" is not a contract column and is ignored: did you mean \"{s}\"?"
        ),
        None => format!("column \"{name}\" is not a contract column and is ignored"),
    }
}

/// The delimiter of a roster whose header line is `line` (up to its first
/// line end): the one of comma, semicolon and tab found most often outside
/// quotes, the comma when there is none or a tie.
#[must_use]
pub fn detect_delimiter(line: &[u8]) -> u8 {
    let (mut comma, mut semicolon, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semicolon += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(suggestion("registerd_on"), Some("registered_on"));
        assert_eq!(suggestion("Wage"), Some("wage"));
        assert_eq!(suggestion("birthdate"), Some("birth_date"));
        assert_eq!(suggestion(" category"), Some("category"));
        assert_eq!(suggestion("periode"), Some("period"));
        assert_eq!(suggestion("risk class"), Some("risk_class"));
        assert_eq!(suggestion("ID"), Some("id"));
    }

    #[test]
    fn other_names_get_no_suggestion() {
        assert_eq!(suggestion("employer"), None);
        assert_eq!(suggestion("branch"), None);
        assert_eq!(suggestion("name"), None);
        assert_eq!(suggestion("wage"), None, "a contract name is not a miss");
    }

    #[test]
    fn delimiters_from_the_header() {
        assert_eq!(detect_delimiter(b"id;category;wage"), b';');
        assert_eq!(detect_delimiter(b"id,category,wage"), b',');
        assert_eq!(detect_delimiter(b"id\tcategory\twage"), b'\t');
        assert_eq!(detect_delimiter(b"id"), b',');
        assert_eq!(detect_delimiter(b"id,\"a;b;c\""), b',');
        assert_eq!(detect_delimiter(b"id;\"a,b,c\";x"), b';');
    }
}
