//! The C ABI called directly from Rust, as a C caller would call it: every
//! refusal (NULL pointers, unknown commands, bad grids), the documents of
//! invalid input (empty, not UTF-8, over 16 MiB), and that a result buffer
//! holds exactly the document `jamsos_contract::respond` gives.
#![expect(
    unsafe_code,
    reason = "these tests call the C ABI through raw pointers"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failing test should fail loudly"
)]

use std::ffi::{CStr, c_char};
use std::ptr;

use jamsos_contract::{self as contract, Command, MAX_INPUT_BYTES, Settings};
use jamsos_ffi::{
    JAMSOS_ERR_INVALID_GRID, JAMSOS_ERR_NULL_POINTER, JAMSOS_ERR_UNKNOWN_COMMAND,
    JAMSOS_INVALID_INPUT, JAMSOS_OK, jamsos_contract_version, jamsos_free, jamsos_respond,
    jamsos_respond_with_grid, jamsos_version,
};
use serde_json::Value;

/// CONTRACT.md §1's example: Rp10,000,000, risk class 3, medium, 2025-04.
const PU_CASE: &str = r#"{"period": "2025-04", "participant": {"category": "pu",
  "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;

/// A market trader at the minimum declared income, October 2026.
const BPU_CASE: &str =
    r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;

/// What a call returned: its status and, when it wrote one, the document.
#[derive(Debug)]
struct Answer {
    status: i32,
    json: Option<String>,
}

/// Calls `jamsos_respond_with_grid` with well-formed pointers, reads the
/// document, checks its length and NUL, and frees it.
fn call_with_grid(command: &CStr, input: &[u8], grid: Option<&[u8]>) -> Answer {
    let mut out: *mut c_char = ptr::dangling_mut();
    let mut out_len = usize::MAX;
    let (grid_ptr, grid_len) = grid.map_or((ptr::null(), 0), |g| (g.as_ptr(), g.len()));
    // SAFETY: `command` is NUL-terminated, `input` and the grid are valid for
    // their lengths, and the out-pointers point to live locals.
    let status = unsafe {
        jamsos_respond_with_grid(
            command.as_ptr(),
            input.as_ptr(),
            input.len(),
            grid_ptr,
            grid_len,
            &mut out,
            &mut out_len,
        )
    };
    if status < 0 {
        // A refusal clears the out-pointers rather than leaving garbage a
        // caller might free.
        assert!(out.is_null(), "status {status} left a buffer");
        assert_eq!(out_len, 0);
        return Answer { status, json: None };
    }
    assert!(!out.is_null(), "status {status} without a document");
    // SAFETY: a non-negative status means `out` is a NUL-terminated buffer
    // of `out_len` bytes plus the NUL, owned by us until `jamsos_free`.
    let bytes = unsafe { std::slice::from_raw_parts(out.cast::<u8>(), out_len + 1) };
    assert_eq!(bytes.last(), Some(&0), "the document is NUL-terminated");
    let json = String::from_utf8(bytes[..out_len].to_vec()).expect("the document is UTF-8");
    assert!(!json.contains('\0'), "no NUL inside the document");
    // SAFETY: `out` came from jamsos and is freed once, after its last use.
    unsafe { jamsos_free(out) };
    Answer {
        status,
        json: Some(json),
    }
}

fn call(command: &CStr, input: &[u8]) -> Answer {
    call_with_grid(command, input, None)
}

/// The contract's error object of a document, as `(code, field)`.
fn error_of(json: &str) -> (String, Option<String>) {
    let value: Value = serde_json::from_str(json).unwrap();
    let error = &value["error"];
    (
        error["code"].as_str().unwrap().to_owned(),
        error["field"].as_str().map(str::to_owned),
    )
}

#[test]
fn a_result_buffer_round_trips_the_contracts_document() {
    let answer = call(c"contribution", PU_CASE.as_bytes());
    assert_eq!(answer.status, JAMSOS_OK);
    let json = answer.json.unwrap();
    // Byte for byte what the command line prints for the same case.
    let expected = contract::respond(Command::Contribution, PU_CASE, &Settings::default());
    assert_eq!(json, expected.json);
    // And the values the contract's own example gives (CONTRACT.md §1):
    // employer JKK 0.89% = 89,000, JKM 0.30% = 30,000, JHT 3.7% = 370,000,
    // JP 2% = 200,000; worker JHT 2% = 200,000, JP 1% = 100,000.
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["totals"]["employer"], 689_000);
    assert_eq!(value["totals"]["worker"], 300_000);
}

/// CONTRACT.md §6: 12 months at Rp5,000,000, no growth, no yield.
const PROJECTION: &str = r#"{"projection": "jht", "start": "2026-01", "months": 12, "wage_growth": "0", "yield": "0",
  "participant": {"category": "pu", "birth_date": "1995-03-01", "wage": 5000000, "risk_class": 2, "scale": "large"}}"#;

#[test]
fn every_command_answers_as_the_command_line_does() {
    // One valid case per command, and each command's error for `[]`.
    let benefit = r#"{"benefit": "jkm", "claim_date": "2024-07-10", "death_date": "2024-07-01",
      "contribution_months": 50, "children": 0}"#;
    let fine =
        r#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}"#;
    let cases = [
        (c"contribution", Command::Contribution, BPU_CASE),
        (c"eligibility", Command::Eligibility, PU_CASE),
        (c"benefit", Command::Benefit, benefit),
        (c"fine", Command::Fine, fine),
        (c"projection", Command::Projection, PROJECTION),
    ];
    for (name, command, case) in cases {
        for input in [case, "[]"] {
            let answer = call(name, input.as_bytes());
            let expected = contract::respond(command, input, &Settings::default());
            assert_eq!(answer.status, expected.status as i32, "{name:?} {input}");
            assert_eq!(answer.json.as_deref(), Some(expected.json.as_str()));
        }
    }
    // CONTRACT.md §5's example: Rp1,000,000 for January 2025, due 17
    // February (the 15th is a Saturday), paid 10 March: one month late, 2%.
    let value: Value = serde_json::from_str(&call(c"fine", fine.as_bytes()).json.unwrap()).unwrap();
    assert_eq!(value["fine"], 20_000);
    // D-36: 12 × JHT 5.7% of 5,000,000 = 12 × 285,000.
    let value: Value =
        serde_json::from_str(&call(c"projection", PROJECTION.as_bytes()).json.unwrap()).unwrap();
    assert_eq!(value["balance"], 3_420_000);
    // PP 82/2019: JKM lump sum 20,000,000 + periodic 12,000,000 + funeral
    // 10,000,000.
    let value: Value =
        serde_json::from_str(&call(c"benefit", benefit.as_bytes()).json.unwrap()).unwrap();
    assert_eq!(value["total"], 42_000_000);
}

#[test]
fn invalid_input_is_the_contracts_error_document() {
    let bad = PU_CASE.replace(r#""risk_class": 3"#, r#""risk_class": 6"#);
    let answer = call(c"contribution", bad.as_bytes());
    assert_eq!(answer.status, JAMSOS_INVALID_INPUT);
    let json = answer.json.unwrap();
    assert_eq!(
        error_of(&json),
        (
            "invalid_risk_class".to_owned(),
            Some("participant.risk_class".to_owned())
        )
    );
}

#[test]
fn an_empty_document_is_invalid_json_even_from_a_null_pointer() {
    let expected = contract::respond(Command::Fine, "", &Settings::default());
    let answer = call(c"fine", b"");
    assert_eq!(answer.status, JAMSOS_INVALID_INPUT);
    assert_eq!(answer.json.as_deref(), Some(expected.json.as_str()));
    assert_eq!(error_of(&expected.json).0, "invalid_json");

    // NULL with a length of 0 is the same empty document, not a refusal.
    let mut out: *mut c_char = ptr::null_mut();
    let mut out_len = 0;
    // SAFETY: NULL input with length 0 is allowed; out-pointers are locals.
    let status =
        unsafe { jamsos_respond(c"fine".as_ptr(), ptr::null(), 0, &mut out, &mut out_len) };
    assert_eq!(status, JAMSOS_INVALID_INPUT);
    // SAFETY: status 2 means `out` is a NUL-terminated document from jamsos.
    let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    // SAFETY: freed once, after its last use.
    unsafe { jamsos_free(out) };
    assert_eq!(json, expected.json);
    assert_eq!(out_len, json.len());
}

#[test]
fn bytes_that_are_not_utf8_are_invalid_json() {
    let answer = call(c"eligibility", b"{\"period\": \"\xff\"}");
    assert_eq!(answer.status, JAMSOS_INVALID_INPUT);
    let json = answer.json.unwrap();
    assert_eq!(error_of(&json), ("invalid_json".to_owned(), None));
    // The offset of the first bad byte, as the facade reports it.
    assert!(json.contains("not UTF-8 (byte 12)"), "{json}");
}

#[test]
fn a_document_over_16_mib_is_refused_by_its_length() {
    // A valid case padded with spaces to one byte over the limit: refused
    // for its size alone, as the command line refuses it.
    let mut big = BPU_CASE.as_bytes().to_vec();
    big.resize(MAX_INPUT_BYTES + 1, b' ');
    let answer = call(c"contribution", &big);
    assert_eq!(answer.status, JAMSOS_INVALID_INPUT);
    let json = answer.json.unwrap();
    assert_eq!(error_of(&json), ("invalid_json".to_owned(), None));
    assert!(json.contains("larger than 16 MiB"), "{json}");

    // Exactly at the limit it is still a document, and answered.
    big.truncate(MAX_INPUT_BYTES);
    assert_eq!(call(c"contribution", &big).status, JAMSOS_OK);
}

#[test]
fn null_pointers_are_refused_without_a_document() {
    let input = BPU_CASE.as_bytes();
    let mut out: *mut c_char = ptr::dangling_mut();
    let mut out_len = 7usize;

    // SAFETY: every non-NULL pointer is valid for its length or points to a
    // live local; the NULLs are what is under test (here and below).
    let status = unsafe {
        jamsos_respond(
            ptr::null(),
            input.as_ptr(),
            input.len(),
            &mut out,
            &mut out_len,
        )
    };
    assert_eq!(status, JAMSOS_ERR_NULL_POINTER);
    assert!(out.is_null());
    assert_eq!(out_len, 0);

    // SAFETY: as above.
    let status = unsafe {
        jamsos_respond(
            c"contribution".as_ptr(),
            ptr::null(),
            input.len(),
            &mut out,
            &mut out_len,
        )
    };
    assert_eq!(status, JAMSOS_ERR_NULL_POINTER);
    assert!(out.is_null());

    // SAFETY: as above.
    let status = unsafe {
        jamsos_respond(
            c"contribution".as_ptr(),
            input.as_ptr(),
            input.len(),
            ptr::null_mut(),
            &mut out_len,
        )
    };
    assert_eq!(status, JAMSOS_ERR_NULL_POINTER);

    // SAFETY: as above.
    let status = unsafe {
        jamsos_respond(
            c"contribution".as_ptr(),
            input.as_ptr(),
            input.len(),
            &mut out,
            ptr::null_mut(),
        )
    };
    assert_eq!(status, JAMSOS_ERR_NULL_POINTER);

    // SAFETY: as above; a NULL grid with a length is refused too.
    let status = unsafe {
        jamsos_respond_with_grid(
            c"contribution".as_ptr(),
            input.as_ptr(),
            input.len(),
            ptr::null(),
            5,
            &mut out,
            &mut out_len,
        )
    };
    assert_eq!(status, JAMSOS_ERR_NULL_POINTER);
    assert!(out.is_null());
}

#[test]
fn an_unknown_command_is_refused() {
    // Names are exact, as on the command line: no case folding, no
    // `batch` (not a one-document command), no non-UTF-8 bytes.
    for name in [
        c"Contribution",
        c"contributions",
        c"batch",
        c"",
        c"fine\xff",
    ] {
        let answer = call(name, BPU_CASE.as_bytes());
        assert_eq!(answer.status, JAMSOS_ERR_UNKNOWN_COMMAND, "{name:?}");
        assert!(answer.json.is_none());
    }
}

#[test]
fn freeing_null_does_nothing() {
    // SAFETY: NULL is documented as accepted.
    unsafe { jamsos_free(ptr::null_mut()) };
}

#[test]
fn an_income_grid_replaces_the_provisional_one() {
    // D-17: with no grid the built-in provisional grid is used and says so.
    let provisional = call(c"contribution", BPU_CASE.as_bytes());
    assert_eq!(provisional.status, JAMSOS_OK);
    assert!(
        provisional.json.unwrap().contains("provisional_table"),
        "the built-in grid warns"
    );

    // A caller's official grid, one bracket paying on the declared income:
    // no warning, and the same document as the facade with that grid.
    let grid = "from,to,nominal\n1000000,20700000,\n";
    let answer = call_with_grid(c"contribution", BPU_CASE.as_bytes(), Some(grid.as_bytes()));
    assert_eq!(answer.status, JAMSOS_OK);
    let json = answer.json.unwrap();
    assert!(!json.contains("provisional_table"), "{json}");
    let brackets = contract::parse_income_grid(grid).unwrap();
    let settings = Settings {
        income_grid: Some(contract::IncomeGrid::official(&brackets).unwrap()),
    };
    let expected = contract::respond(Command::Contribution, BPU_CASE, &settings);
    assert_eq!(json, expected.json);

    // A grid that is not one is refused, whatever the command.
    for grid in [
        &b"1000000,20700000,\n"[..],
        b"from,to,nominal\n2000000,1000000,\n",
        b"from,to,nominal\n\xff",
    ] {
        for command in [c"contribution", c"fine"] {
            let answer = call_with_grid(command, BPU_CASE.as_bytes(), Some(grid));
            assert_eq!(answer.status, JAMSOS_ERR_INVALID_GRID, "{grid:?}");
        }
    }
}

#[test]
fn versions() {
    // SAFETY: `jamsos_version` returns a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(jamsos_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(jamsos_contract_version(), 1);
    assert_eq!(jamsos_contract_version(), contract::VERSION);
}

#[test]
fn calls_from_many_threads_at_once_agree() {
    // No shared state: concurrent calls give the single-threaded answer, and
    // a buffer may be freed on another thread than the one that got it.
    let expected = contract::respond(Command::Contribution, PU_CASE, &Settings::default()).json;
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                (0..25)
                    .map(|_| call(c"contribution", PU_CASE.as_bytes()).json.unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for thread in threads {
        for json in thread.join().unwrap() {
            assert_eq!(json, expected);
        }
    }

    let mut out: *mut c_char = ptr::null_mut();
    let mut out_len = 0;
    // SAFETY: valid pointers and lengths, out-pointers to locals.
    let status = unsafe {
        jamsos_respond(
            c"contribution".as_ptr(),
            PU_CASE.as_ptr(),
            PU_CASE.len(),
            &mut out,
            &mut out_len,
        )
    };
    assert_eq!(status, JAMSOS_OK);
    // Raw pointers are not `Send`; the address crosses as an integer.
    let address = out as usize;
    std::thread::spawn(move || {
        // SAFETY: the buffer from the call above, freed once, here.
        unsafe { jamsos_free(address as *mut c_char) };
    })
    .join()
    .unwrap();
}
