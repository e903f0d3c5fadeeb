//! A strict, streaming CSV reader (RFC 4180 with the contract's leniencies:
//! CRLF or LF, a leading byte-order mark, blank lines skipped), for any
//! one-byte delimiter (a comma, or the semicolon of a spreadsheet saved where
//! the decimal separator is a comma, or a tab).
//!
//! One state machine decides where records end, both for the reader that cuts
//! the input into chunks and for the workers that split records into fields,
//! so the two can never disagree. A field is quoted only when its first byte
//! is `"`; inside it `""` is a quote; after the closing quote only a comma or
//! the end of the record may follow, otherwise the record is malformed (it
//! still ends at the next line end outside quotes, so nothing else is lost).

/// Where the scanner is inside a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// At the start of a field.
    FieldStart,
    /// Inside an unquoted field.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: a closing quote, or the
    /// first half of `""`.
    QuoteInQuoted,
    /// After `\r` following a closing quote: only more `\r`, a comma or the
    /// record's end may follow. (A separate state so that a quote here is
    /// garbage, not the second half of `""`; a fuzz finding.)
    CrAfterQuote,
    /// After garbage following a closing quote, until the record ends.
    Broken,
}

/// What a byte did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// Nothing notable.
    None,
    /// The byte ended a field (a comma).
    FieldEnd,
    /// The byte ended the record (a line feed outside quotes).
    RecordEnd,
}

/// One step of the machine.
#[inline]
pub(crate) fn step(state: State, byte: u8, delimiter: u8) -> (State, Event) {
    match (state, byte) {
        (State::Quoted, b'"') => (State::QuoteInQuoted, Event::None),
        (State::Quoted, _) => (State::Quoted, Event::None),
        (State::QuoteInQuoted, b'"') => (State::Quoted, Event::None),
        (_, b'\n') => (State::FieldStart, Event::RecordEnd),
        (State::Broken, _) => (State::Broken, Event::None),
        (_, b) if b == delimiter => (State::FieldStart, Event::FieldEnd),
        (State::FieldStart, b'"') => (State::Quoted, Event::None),
        (State::QuoteInQuoted | State::CrAfterQuote, b'\r') => (State::CrAfterQuote, Event::None),
        (State::QuoteInQuoted | State::CrAfterQuote, _) => (State::Broken, Event::None),
        (State::FieldStart | State::Unquoted, _) => (State::Unquoted, Event::None),
    }
}

/// Scans `bytes` from `state`; returns the position just after the last
/// record end and the state at the end of `bytes`.
pub(crate) fn last_record_end(
    bytes: &[u8],
    mut state: State,
    delimiter: u8,
) -> (Option<usize>, State) {
    let mut last = None;
    for (i, &b) in bytes.iter().enumerate() {
        let (next, event) = step(state, b, delimiter);
        state = next;
        if event == Event::RecordEnd {
            last = Some(i + 1);
        }
    }
    (last, state)
}

/// [`last_record_end`], with a fast path for the common case of a block
/// without quotes scanned from outside a quoted field: there every line feed
/// ends a record, so the last one is the answer and the state follows from
/// the last byte. Gives exactly what [`last_record_end`] gives.
pub(crate) fn last_record_end_fast(
    bytes: &[u8],
    state: State,
    delimiter: u8,
) -> (Option<usize>, State) {
    if !matches!(state, State::FieldStart | State::Unquoted)
        || memchr::memchr(b'"', bytes).is_some()
    {
        return last_record_end(bytes, state, delimiter);
    }
    let end = memchr::memrchr(b'\n', bytes).map(|i| i + 1);
    let state = match bytes.last() {
        None => state,
        Some(b'\n') => State::FieldStart,
        Some(b) if *b == delimiter => State::FieldStart,
        Some(_) => State::Unquoted,
    };
    (end, state)
}

/// One record found in a chunk: its fields are `spans[first..first + count]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Record {
    /// The physical line the record starts on (the header is line 1).
    pub(crate) line: u64,
    /// Index of the record's first field span.
    pub(crate) first: usize,
    /// Number of fields.
    pub(crate) count: usize,
    /// A quote was misplaced or never closed.
    pub(crate) malformed: bool,
}

/// Splits `chunk` (whole records, starting on `first_line`) into records and
/// fields. Quoted fields are unquoted in place (a field never grows), so
/// every field is afterwards the byte range `spans[i]` of `chunk`. Blank lines
/// are skipped; a trailing `\r` before a line end is dropped.
pub(crate) fn split(
    chunk: &mut [u8],
    first_line: u64,
    delimiter: u8,
    records: &mut Vec<Record>,
    spans: &mut Vec<(usize, usize)>,
) {
    split_with(chunk, first_line, delimiter, records, spans, true);
}

/// [`split`], with or without the fast path for lines without quotes (the
/// tests check that both give the same).
fn split_with(
    chunk: &mut [u8],
    first_line: u64,
    delimiter: u8,
    records: &mut Vec<Record>,
    spans: &mut Vec<(usize, usize)>,
    fast: bool,
) {
    records.clear();
    spans.clear();
    let mut cursor = Cursor::new(first_line);
    while let Some(record) = cursor.next_with(chunk, delimiter, spans, fast) {
        records.push(record);
    }
}

/// What the fast path made of the line at the cursor.
enum Plain {
    /// A record, its fields appended.
    Record(Record),
    /// A blank line, skipped.
    Blank,
    /// The line has a quote: nothing was consumed.
    Quoted,
}

/// Finds the bytes the fast path stops at (the delimiter, a line feed, a
/// quote) eight at a time, with exact whole-word arithmetic (SWAR: no false
/// positives, no `unsafe`, the same on every target).
#[derive(Clone, Copy)]
struct Specials {
    delimiter: u8,
    /// The delimiter, `\n` and `"`, each repeated in every byte.
    repeated: [u64; 3],
}

const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const ONES: u64 = 0x0101_0101_0101_0101;

impl Specials {
    fn new(delimiter: u8) -> Specials {
        Specials {
            delimiter,
            repeated: [delimiter, b'\n', b'"'].map(|b| u64::from(b) * ONES),
        }
    }

    /// [`Specials::in_word`] of one byte.
    fn in_byte(self, b: u8) -> (u64, u64) {
        let delimiter = b == self.delimiter;
        let stop = !delimiter && (b == b'\n' || b == b'"');
        (u64::from(delimiter) << 7, u64::from(stop) << 7)
    }

    /// The high bit of each byte of `word` (eight bytes, first in the lowest
    /// bits) that is the delimiter, and of each that stops the fast path (a
    /// line feed or a quote that is not the delimiter); the others clear.
    #[inline]
    fn in_word(self, word: &[u8]) -> (u64, u64) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        let word = u64::from_le_bytes(bytes);
        // A byte of `x` is zero exactly where `word` holds `r`'s byte; its
        // low seven bits plus 0x7f carry into the high bit unless they are
        // zero, and the high bit itself is or-ed in.
        let equal = |r: u64| {
            let x = word ^ r;
            !(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN)
        };
        let [delimiter, line_feed, quote] = self.repeated;
        let delimiters = equal(delimiter);
        (delimiters, (equal(line_feed) | equal(quote)) & !delimiters)
    }
}

/// Where splitting a chunk has got to: records are taken one at a time, so
/// that a worker decodes each while its bytes and fields are still in the
/// nearest cache (splitting a whole chunk first, then decoding it, read
/// every byte and field from memory twice).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor {
    pos: usize,
    line: u64,
}

impl Cursor {
    /// At the start of a chunk of whole records starting on `first_line`.
    pub(crate) const fn new(first_line: u64) -> Cursor {
        Cursor {
            pos: 0,
            line: first_line,
        }
    }

    /// The next record of `chunk`, its fields appended to `spans` (which the
    /// caller may clear between records); `None` at the chunk's end. As
    /// [`split`]: quoted fields unquoted in place, blank lines skipped, a
    /// trailing `\r` before a line end dropped.
    pub(crate) fn next(
        &mut self,
        chunk: &mut [u8],
        delimiter: u8,
        spans: &mut Vec<(usize, usize)>,
    ) -> Option<Record> {
        self.next_with(chunk, delimiter, spans, true)
    }

    fn next_with(
        &mut self,
        chunk: &mut [u8],
        delimiter: u8,
        spans: &mut Vec<(usize, usize)>,
        fast: bool,
    ) -> Option<Record> {
        let len = chunk.len();
        while self.pos < len {
            // A line without quotes through the fast path ([`Cursor::plain`]);
            // a quote sends the record to the state machine from its start.
            if fast {
                match self.plain(chunk, delimiter, spans) {
                    Plain::Record(record) => return Some(record),
                    Plain::Blank => continue,
                    Plain::Quoted => {}
                }
            }
            if let Some(record) = self.machine(chunk, delimiter, spans) {
                return Some(record);
            }
        }
        None
    }

    /// The next record of a chunk that has no quote in it (most chunks):
    /// the same records as [`Cursor::next`], which rewrites nothing in such a
    /// chunk, so the chunk can stay borrowed as text meanwhile.
    pub(crate) fn next_unquoted(
        &mut self,
        chunk: &[u8],
        delimiter: u8,
        spans: &mut Vec<(usize, usize)>,
    ) -> Option<Record> {
        while self.pos < chunk.len() {
            match self.plain(chunk, delimiter, spans) {
                Plain::Record(record) => return Some(record),
                Plain::Blank => {}
                Plain::Quoted => {
                    // The caller said there is no quote. Were there one,
                    // its line is a malformed record: never lost.
                    let line = self.line;
                    let rest = chunk.get(self.pos..).unwrap_or_default();
                    let end = memchr::memchr(b'\n', rest).map_or(chunk.len(), |i| self.pos + i + 1);
                    self.line += 1;
                    self.pos = end;
                    return Some(Record {
                        line,
                        first: spans.len(),
                        count: 0,
                        malformed: true,
                    });
                }
            }
        }
        None
    }

    /// Fast path: a line without quotes is one whole record (a record spans
    /// lines only inside quotes), its fields separated by every delimiter.
    /// The same fields, line numbers and blank-line and CR handling as the
    /// state machine, in one plain pass over the line; a quote leaves the
    /// record to the state machine from its start ([`Plain::Quoted`],
    /// nothing consumed).
    ///
    /// The line is read eight bytes at a time ([`Specials`]): a roster line
    /// is mostly short and empty fields, and only the delimiters, the line
    /// end and a quote are visited, in order (fewer instructions than
    /// looking at each byte in turn: 140 fewer a row of the sample roster).
    fn plain(&mut self, chunk: &[u8], delimiter: u8, spans: &mut Vec<(usize, usize)>) -> Plain {
        let len = chunk.len();
        let pos = self.pos;
        let first = spans.len();
        let mut start = pos;
        let mut end = len;
        let specials = Specials::new(delimiter);
        let mut at = pos;
        'line: while at < len {
            let ((delimiters, stops), width) = match chunk.get(at..at + 8) {
                Some(word) => (specials.in_word(word), 8),
                // The last bytes of the chunk, one at a time.
                None => (chunk.get(at).map_or((0, 0), |b| specials.in_byte(*b)), 1),
            };
            // The delimiters before the first stop (all, if none): each ends
            // a field, with no second look at its byte.
            let mut found = match stops {
                0 => delimiters,
                _ => delimiters & ((stops & stops.wrapping_neg()) - 1),
            };
            while found != 0 {
                let i = at + (found.trailing_zeros() / 8) as usize;
                found &= found - 1;
                spans.push((start, i));
                start = i + 1;
            }
            if stops != 0 {
                let i = at + (stops.trailing_zeros() / 8) as usize;
                if chunk.get(i) == Some(&b'\n') {
                    end = i;
                    break 'line;
                }
                spans.truncate(first);
                return Plain::Quoted;
            }
            at += width;
        }
        let record_line = self.line;
        self.line += 1;
        self.pos = (end + 1).min(len);
        let text = chunk.get(pos..end).unwrap_or_default();
        if text.iter().all(|b| *b == b'\r') {
            // Blank (nothing but its line end).
            spans.truncate(first);
            return Plain::Blank;
        }
        // CRLF: one `\r` before the line end belongs to it.
        let content_end = end - usize::from(text.last() == Some(&b'\r'));
        // The `\r` cannot be in an earlier field: it is the last byte.
        spans.push((start.min(content_end), content_end));
        Plain::Record(Record {
            line: record_line,
            first,
            count: spans.len() - first,
            malformed: false,
        })
    }

    /// One record through the state machine from `self.pos`; `None` when it
    /// was a blank line.
    fn machine(
        &mut self,
        chunk: &mut [u8],
        delimiter: u8,
        spans: &mut Vec<(usize, usize)>,
    ) -> Option<Record> {
        let len = chunk.len();
        let mut pos = self.pos;
        let record_line = self.line;
        let record_start = pos;
        let first = spans.len();
        let mut malformed = false;
        let mut state = State::FieldStart;
        // The field being written: bytes are copied down to `write` when a
        // quoted field has `""` in it.
        let mut field_start = pos;
        let mut write = pos;
        let mut ended = false;
        while pos < len {
            let b = chunk.get(pos).copied().unwrap_or(b'\n');
            let (next, event) = step(state, b, delimiter);
            pos += 1;
            if b == b'\n' {
                self.line += 1;
            }
            match event {
                Event::FieldEnd | Event::RecordEnd => {
                    let mut end = write;
                    if event == Event::RecordEnd && !after_quote(state) {
                        // CRLF: the `\r` belongs to the line end.
                        if end > field_start && chunk.get(end - 1) == Some(&b'\r') {
                            end -= 1;
                        }
                    }
                    spans.push((field_start, end));
                    field_start = pos;
                    write = pos;
                    state = next;
                    if event == Event::RecordEnd {
                        ended = true;
                        break;
                    }
                    continue;
                }
                Event::None => {}
            }
            match (state, next) {
                // Opening quote: the field's text starts after it.
                (State::FieldStart, State::Quoted) => {
                    field_start = pos;
                    write = pos;
                }
                // A closing quote or half of `""`: not copied.
                (State::Quoted, State::QuoteInQuoted) => {}
                // `""`: one quote is kept.
                (State::QuoteInQuoted, State::Quoted) => {
                    copy(chunk, write, b'"');
                    write += 1;
                }
                (_, State::CrAfterQuote) => {} // `\r` after a closing quote
                (_, State::Broken) => malformed = true,
                _ => {
                    copy(chunk, write, b);
                    write += 1;
                }
            }
            state = next;
        }
        self.pos = pos;
        if !ended {
            // The input ended inside the record: close its last field.
            if state == State::Quoted {
                malformed = true;
            }
            let mut end = write;
            // A last `\r` may be half of a line end cut off by the end of
            // the input, but never after a closing quote: there it is the
            // quoted text's own (fuzz finding, see tests/fuzz_regressions.rs).
            if !after_quote(state) && end > field_start && chunk.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
            spans.push((field_start, end));
        }
        let count = spans.len() - first;
        // A blank line (nothing but its line end) is skipped; `""` is not blank.
        let blank = chunk
            .get(record_start..pos)
            .is_some_and(|raw| raw.iter().all(|b| matches!(b, b'\r' | b'\n')));
        if blank {
            spans.truncate(first);
            return None;
        }
        Some(Record {
            line: record_line,
            first,
            count,
            malformed,
        })
    }
}

/// Whether the field being read was quoted and its closing quote was seen:
/// a `\r` at its end is then the text's own, not part of a line end.
fn after_quote(state: State) -> bool {
    matches!(state, State::QuoteInQuoted | State::CrAfterQuote)
}

fn copy(chunk: &mut [u8], at: usize, byte: u8) {
    if let Some(slot) = chunk.get_mut(at) {
        *slot = byte;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(u64, bool, Vec<String>)> {
        let mut bytes = text.as_bytes().to_vec();
        let (mut records, mut spans) = (Vec::new(), Vec::new());
        split(&mut bytes, 2, b',', &mut records, &mut spans);
        records
            .iter()
            .map(|r| {
                let cells = spans[r.first..r.first + r.count]
                    .iter()
                    .map(|(s, e)| String::from_utf8_lossy(&bytes[*s..*e]).into_owned())
                    .collect();
                (r.line, r.malformed, cells)
            })
            .collect()
    }

    #[test]
    fn plain_quoted_crlf_and_blank_lines() {
        let got = fields("a,b,c\r\n\r\n\"x, y\",\"he said \"\"hi\"\"\",\n\"multi\nline\",2,3\n");
        assert_eq!(
            got,
            vec![
                (2, false, vec!["a".into(), "b".into(), "c".into()]),
                (
                    4,
                    false,
                    vec!["x, y".into(), "he said \"hi\"".into(), String::new()]
                ),
                (5, false, vec!["multi\nline".into(), "2".into(), "3".into()]),
            ]
        );
    }

    #[test]
    fn malformed_quotes_stay_one_record() {
        let got = fields("\"ab\"c,d\nnext,1\n\"open\n");
        assert!(got[0].1);
        assert_eq!(got[1], (3, false, vec!["next".into(), "1".into()]));
        assert!(got[2].1, "an unclosed quote at the end is malformed");
    }

    #[test]
    fn no_final_line_end_and_quote_inside_unquoted() {
        assert_eq!(
            fields("a\"b,c"),
            vec![(2, false, vec!["a\"b".into(), "c".into()])]
        );
    }

    #[test]
    fn semicolon_delimiter() {
        let mut bytes = b"a;\"b;c\";d\ne,f\n".to_vec();
        let (mut records, mut spans) = (Vec::new(), Vec::new());
        split(&mut bytes, 2, b';', &mut records, &mut spans);
        let cells: Vec<&[u8]> = spans.iter().map(|(s, e)| &bytes[*s..*e]).collect();
        assert_eq!(cells, [&b"a"[..], b"b;c", b"d", b"e,f"]);
        assert_eq!(records.len(), 2);
    }

    /// Every string of up to 7 bytes over a small alphabet: the fast path and
    /// the state machine alone split it the same way.
    #[test]
    fn fast_split_agrees_with_the_state_machine() {
        let mut n = 0u64;
        for text in every_text(b"a,;\"\r\n", 7) {
            for delimiter in [b',', b';'] {
                assert_eq!(
                    split_cells(&text, delimiter, true),
                    split_cells(&text, delimiter, false),
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
                n += 1;
            }
        }
        assert!(n > 500_000);
    }

    /// `text`'s records and their fields' bytes, split with or without the
    /// fast path (starting on line 2).
    fn split_cells(text: &[u8], delimiter: u8, fast: bool) -> (Vec<Record>, Vec<Vec<u8>>) {
        let mut bytes = text.to_vec();
        let (mut records, mut spans) = (Vec::new(), Vec::new());
        split_with(&mut bytes, 2, delimiter, &mut records, &mut spans, fast);
        let cells = spans.iter().map(|(s, e)| bytes[*s..*e].to_vec()).collect();
        (records, cells)
    }

    /// Every text of `alphabet`'s bytes up to `max_len` long.
    fn every_text(alphabet: &[u8], max_len: u32) -> impl Iterator<Item = Vec<u8>> + '_ {
        let base = alphabet.len() as u64;
        (0..=max_len).flat_map(move |len| {
            (0..base.pow(len)).map(move |mut code| {
                let mut text = Vec::new();
                for _ in 0..len {
                    text.push(alphabet[(code % base) as usize]);
                    code /= base;
                }
                text
            })
        })
    }

    /// Every text of up to 8 bytes without a quote: the split of an
    /// unquoted chunk (borrowed, never rewritten) gives the records and
    /// fields of the state machine.
    #[test]
    fn unquoted_split_agrees_with_the_state_machine() {
        let mut n = 0u64;
        for text in every_text(b"a,;\r\n", 8) {
            for delimiter in [b',', b';'] {
                let mut bytes = text.clone();
                let (mut records, mut spans) = (Vec::new(), Vec::new());
                split_with(&mut bytes, 2, delimiter, &mut records, &mut spans, false);
                let machine: Vec<Vec<u8>> =
                    spans.iter().map(|(s, e)| bytes[*s..*e].to_vec()).collect();
                let mut cursor = Cursor::new(2);
                let (mut unquoted_records, mut unquoted_spans) = (Vec::new(), Vec::new());
                while let Some(r) = cursor.next_unquoted(&text, delimiter, &mut unquoted_spans) {
                    unquoted_records.push(r);
                }
                let unquoted: Vec<Vec<u8>> = unquoted_spans
                    .iter()
                    .map(|(s, e)| text[*s..*e].to_vec())
                    .collect();
                assert_eq!(
                    (unquoted_records, unquoted),
                    (records, machine),
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
                n += 1;
            }
        }
        assert!(n > 700_000);
    }

    /// The eight-byte search marks exactly the delimiters, and the line
    /// feeds and quotes that are not the delimiter: every pair of byte
    /// values, alternating through a word, for four delimiters (a quote
    /// among them); the one-byte search agrees.
    #[test]
    fn specials_marks_exactly_the_special_bytes() {
        for delimiter in [b',', b';', b'\t', b'"'] {
            let specials = Specials::new(delimiter);
            for a in 0..=255u8 {
                for b in 0..=255u8 {
                    let word = [a, b, a, b, a, b, a, b];
                    let expected = word.iter().enumerate().fold((0, 0), |(d, s), (i, &byte)| {
                        let stop = byte == b'\n' || byte == b'"';
                        let bit = |yes: bool| u64::from(yes) << (8 * i + 7);
                        (
                            d | bit(byte == delimiter),
                            s | bit(stop && byte != delimiter),
                        )
                    });
                    assert_eq!(specials.in_byte(a), (expected.0 & 0x80, expected.1 & 0x80));
                    assert_eq!(specials.in_word(&word), expected, "{a} {b}");
                }
            }
        }
    }

    /// Long lines, where the fast path reads whole words at every offset:
    /// the same records and fields as the state machine, quoted or not.
    #[test]
    fn long_lines_split_as_the_state_machine_does() {
        use proptest::prelude::*;
        let line = proptest::collection::vec(prop::sample::select(&b"ab,;\"\r\n"[..]), 0..160);
        proptest!(ProptestConfig::with_cases(4000), |(text in line, semicolon: bool)| {
            let delimiter = if semicolon { b';' } else { b',' };
            let machine = split_cells(&text, delimiter, false);
            prop_assert_eq!(split_cells(&text, delimiter, true), machine.clone());
            if !text.contains(&b'"') {
                let mut cursor = Cursor::new(2);
                let (mut records, mut spans) = (Vec::new(), Vec::new());
                while let Some(r) = cursor.next_unquoted(&text, delimiter, &mut spans) {
                    records.push(r);
                }
                let cells: Vec<Vec<u8>> =
                    spans.iter().map(|(s, e)| text[*s..*e].to_vec()).collect();
                prop_assert_eq!((records, cells), machine);
            }
        });
    }

    /// A quote in a chunk said to have none: its line is a malformed record,
    /// and the next line is read as usual.
    #[test]
    fn a_quote_in_an_unquoted_split_is_a_malformed_record() {
        let text = b"a,\"b\nc,d\n";
        let mut cursor = Cursor::new(2);
        let mut spans = Vec::new();
        let first = cursor.next_unquoted(text, b',', &mut spans).unwrap();
        assert!(first.malformed);
        assert_eq!((first.line, first.count), (2, 0));
        let second = cursor.next_unquoted(text, b',', &mut spans).unwrap();
        assert_eq!((second.line, second.count, second.malformed), (3, 2, false));
        assert!(cursor.next_unquoted(text, b',', &mut spans).is_none());
    }

    #[test]
    fn fast_boundaries_agree() {
        for text in [
            "a,b\nc,d\n",
            "a,b\nc",
            "a,\n\"q\nx\",y\n",
            "",
            "x,",
            "a\"b\nc\n",
        ] {
            for state in [
                State::FieldStart,
                State::Unquoted,
                State::Quoted,
                State::Broken,
            ] {
                assert_eq!(
                    last_record_end_fast(text.as_bytes(), state, b','),
                    last_record_end(text.as_bytes(), state, b','),
                    "{text:?} from {state:?}"
                );
            }
        }
    }

    #[test]
    fn boundaries_agree_with_split() {
        let text = b"a,\"x\ny\"\nb,c\n\"q\"\"\n\",d\n";
        let (end, state) = last_record_end(text, State::FieldStart, b',');
        assert_eq!(end, Some(text.len()));
        assert_eq!(state, State::FieldStart);
        let (end, _) = last_record_end(&text[..4], State::FieldStart, b',');
        assert_eq!(end, None, "a line end inside quotes is not a record end");
    }
}
