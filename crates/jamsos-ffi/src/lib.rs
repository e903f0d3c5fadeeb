//! A C ABI over the jamsos JSON contract (version 1): pass one JSON case,
//! get back one JSON document and a status code, the same bytes and the same
//! code as the `jamsos` command line prints and exits with.
//!
//! The C header is `include/jamsos.h`, generated from this file by cbindgen
//! and checked in (a test fails when it is stale). `docs/FFI.md` has the
//! whole design; the rules are repeated on every function below.
//!
//! # The calls
//!
//! - `jamsos_respond(command, input, input_len, &out, &out_len)`: runs one of
//!   the contract's one-document commands (`"contribution"`, `"eligibility"`,
//!   `"benefit"`, `"fine"`, `"projection"`) on a JSON document and returns its
//!   status.
//! - `jamsos_respond_with_grid(...)`: the same, with the caller's official
//!   BPU income grid as CSV (the command line's `--income-grid`, D-17).
//! - `jamsos_free(out)`: frees a document returned by either call.
//! - `jamsos_version()`, `jamsos_contract_version()`: the library's version
//!   and the contract version it speaks.
//!
//! # Status codes
//!
//! Non-negative codes are the command line's exit codes and always come
//! with a document: [`JAMSOS_OK`] (0, a result), [`JAMSOS_INTERNAL`] (1,
//! never expected) and [`JAMSOS_INVALID_INPUT`] (2, the contract's
//! `{"error": {...}}` document). Negative codes mean the call itself was
//! wrong, or jamsos has a bug, and no document is returned: see
//! [`JAMSOS_ERR_NULL_POINTER`], [`JAMSOS_ERR_UNKNOWN_COMMAND`],
//! [`JAMSOS_ERR_INVALID_GRID`] and [`JAMSOS_ERR_PANIC`].
//!
//! # Memory
//!
//! The input is borrowed for the duration of the call: a pointer and a
//! length, with no NUL terminator needed (one is allowed only outside the
//! length). The output is a NUL-terminated UTF-8 buffer allocated by this
//! library; its address and its length (without the NUL) are written
//! through the out-pointers, and the caller owns it until it passes it to
//! `jamsos_free`, exactly once. Nothing else may free it, and `jamsos_free`
//! frees nothing else. `jamsos_free(NULL)` does nothing.
//!
//! # Threads and panics
//!
//! The library keeps no state: every function may be called from any thread
//! at the same time, and a buffer may be freed on another thread than the
//! one that received it. No panic crosses the boundary: every entry point
//! runs under [`std::panic::catch_unwind`] and a panic becomes
//! [`JAMSOS_ERR_PANIC`] (the library must therefore be built with the
//! default `panic = "unwind"`, as this workspace does).
//!
//! # Example (from Rust, as C would call it)
//!
//! ```
//! use std::ffi::{CStr, c_char};
//! use jamsos_ffi::{JAMSOS_OK, jamsos_free, jamsos_respond};
//!
//! let case = br#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
//! let mut out: *mut c_char = std::ptr::null_mut();
//! let mut out_len = 0usize;
//! // SAFETY: the command is a NUL-terminated literal, `case` is valid for its
//! // length and both out-pointers point to live locals.
//! let status = unsafe {
//!     jamsos_respond(c"contribution".as_ptr(), case.as_ptr(), case.len(), &mut out, &mut out_len)
//! };
//! assert_eq!(status, JAMSOS_OK);
//! // SAFETY: a status of 0 means `out` is a NUL-terminated buffer from jamsos.
//! let json = unsafe { CStr::from_ptr(out) }.to_str().map(str::to_owned);
//! // SAFETY: `out` came from `jamsos_respond` and is freed once.
//! unsafe { jamsos_free(out) };
//! let json = json?;
//! assert_eq!(json.len(), out_len);
//! // PP 50/2025: a market trader at the minimum income pays Rp8,400.
//! assert!(json.contains(r#""participant":8400"#));
//! # Ok::<(), std::str::Utf8Error>(())
//! ```

use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use jamsos_contract::{self as contract, Command, MAX_INPUT_BYTES, Status};

/// A result document: the command line's exit code 0.
pub const JAMSOS_OK: i32 = 0;

/// An internal error with a document (the command line's exit code 1); never
/// expected, since every result serialises.
pub const JAMSOS_INTERNAL: i32 = 1;

/// Invalid input: the document is the contract's error object
/// `{"error": {"code", "message", "field"}}` (the command line's exit code 2).
pub const JAMSOS_INVALID_INPUT: i32 = 2;

/// A pointer argument that must not be NULL was NULL (`command`, `out`,
/// `out_len`, or `input`/`income_grid` with a non-zero length). No document.
pub const JAMSOS_ERR_NULL_POINTER: i32 = -1;

/// The command is not one of `"contribution"`, `"eligibility"`, `"benefit"`,
/// `"fine"`, `"projection"` (exactly, lowercase). No document.
pub const JAMSOS_ERR_UNKNOWN_COMMAND: i32 = -2;

/// The income grid given to `jamsos_respond_with_grid` is not a valid grid
/// CSV (header `from,to,nominal`, sorted brackets of whole rupiah, no
/// overlap). No document.
pub const JAMSOS_ERR_INVALID_GRID: i32 = -3;

/// jamsos panicked (a bug: please report the input). No document; the
/// library stays usable.
pub const JAMSOS_ERR_PANIC: i32 = -4;

/// The library version, NUL-terminated for `jamsos_version`.
const VERSION_NUL: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// Answers one JSON document with a contract command, as the command line
/// would: `jamsos_respond_with_grid` with no income grid.
///
/// `command` is a NUL-terminated name: `"contribution"`, `"eligibility"`,
/// `"benefit"`, `"fine"` or `"projection"`. `input` points to `input_len` bytes of the JSON
/// document (UTF-8, no NUL terminator needed; NULL is allowed when
/// `input_len` is 0, an empty document). On a status of 0, 1 or 2, `*out`
/// receives a NUL-terminated UTF-8 JSON document and `*out_len` its length
/// in bytes without the NUL; the caller must free `*out` with `jamsos_free`.
/// On a negative status, `*out` is NULL and `*out_len` is 0 (when those
/// pointers are not NULL themselves).
///
/// Returns `JAMSOS_OK` (0), `JAMSOS_INTERNAL` (1), `JAMSOS_INVALID_INPUT` (2)
/// or a negative `JAMSOS_ERR_*` code.
///
/// # Safety
///
/// `command` must be NULL or point to a NUL-terminated string. `input` must
/// be NULL or point to at least `input_len` readable bytes that are not
/// written to during the call. `out` and `out_len` must be NULL or point to
/// writable, aligned storage for one pointer and one `size_t`.
#[expect(unsafe_code, reason = "an exported C function, with raw pointers")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jamsos_respond(
    command: *const c_char,
    input: *const u8,
    input_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: the caller's guarantees are this function's, and "no grid" is
    // a NULL pointer with a length of 0.
    unsafe {
        jamsos_respond_with_grid(command, input, input_len, std::ptr::null(), 0, out, out_len)
    }
}

/// `jamsos_respond` with the caller's official BPU income grid (PP 44/2015
/// Lampiran II, DECISIONS.md D-17), as the command line's `--income-grid`.
///
/// `income_grid` points to `income_grid_len` bytes of CSV: a header
/// `from,to,nominal`, then one bracket per line in whole rupiah
/// (`1000001,1100000,1100000`; an empty nominal means the declared income
/// itself). NULL with a length of 0 means the built-in provisional grid
/// (and the warning `provisional_table`), exactly as `jamsos_respond`. A
/// grid that is not valid gives `JAMSOS_ERR_INVALID_GRID` whatever the
/// command; the grid only changes `contribution` and `eligibility` answers.
///
/// The other arguments, the output and the status codes are those of
/// `jamsos_respond`.
///
/// # Safety
///
/// As for `jamsos_respond`; in addition `income_grid` must be NULL or point
/// to at least `income_grid_len` readable bytes that are not written to
/// during the call.
#[expect(unsafe_code, reason = "an exported C function, with raw pointers")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jamsos_respond_with_grid(
    command: *const c_char,
    input: *const u8,
    input_len: usize,
    income_grid: *const u8,
    income_grid_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> i32 {
    if out.is_null() || out_len.is_null() {
        return JAMSOS_ERR_NULL_POINTER;
    }
    // SAFETY: both pointers are not NULL, and the caller guarantees they are
    // writable and aligned. Clearing them first means every early return
    // below leaves no stale pointer that a caller might free.
    unsafe {
        out.write(std::ptr::null_mut());
        out_len.write(0);
    }
    guard(|| {
        // SAFETY: the caller's guarantees for `command` and `input` are
        // exactly `request`'s.
        let request = unsafe { request(command, input, input_len) };
        let (command, input) = match request {
            Ok(request) => request,
            Err(code) => return code,
        };
        // SAFETY: as for `input`, by the caller's guarantee for `income_grid`.
        let grid = match unsafe { borrow(income_grid, income_grid_len) } {
            Some(grid) => grid,
            None => return JAMSOS_ERR_NULL_POINTER,
        };
        // No grid given is the built-in grid, as on the command line.
        let grid = if grid.is_empty() {
            contract::CallerGrid::BUILT_IN
        } else {
            match core::str::from_utf8(grid)
                .ok()
                .and_then(|text| contract::CallerGrid::parse(text).ok())
            {
                Some(grid) => grid,
                None => return JAMSOS_ERR_INVALID_GRID,
            }
        };
        let settings = grid.settings();
        let response = contract::respond_bytes(command, input, &settings);
        let (status, document) = match CString::new(response.json) {
            Ok(document) => (status_code(response.status), document),
            // serde_json writes U+0000 as `\u0000`, so a document never holds
            // a NUL byte; if one ever did, the caller still gets a document
            // it can read, and the internal status.
            Err(_) => (JAMSOS_INTERNAL, CString::from(INTERNAL_DOCUMENT)),
        };
        let len = document.as_bytes().len();
        // SAFETY: checked not NULL above, writable by the caller's guarantee.
        // Nothing after the `into_raw` can panic, so the buffer cannot leak
        // into a caught panic.
        unsafe {
            out.write(document.into_raw());
            out_len.write(len);
        }
        status
    })
}

/// Frees a document returned by `jamsos_respond` or
/// `jamsos_respond_with_grid`. NULL is accepted and does nothing.
///
/// # Safety
///
/// `buffer` must be NULL or a pointer written to `*out` by one of those
/// calls, not yet freed; it must not be used after this call. Pointers from
/// anywhere else (`malloc`, `jamsos_version`, an offset into the buffer)
/// must not be passed.
#[expect(unsafe_code, reason = "an exported C function, with raw pointers")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jamsos_free(buffer: *mut c_char) {
    if buffer.is_null() {
        return;
    }
    // Dropping a `CString` cannot panic; the guard is there so that this
    // stays true of every entry point whatever changes later.
    guard(|| {
        // SAFETY: by the caller's guarantee `buffer` came from
        // `CString::into_raw` in `jamsos_respond_with_grid` and is freed once.
        drop(unsafe { CString::from_raw(buffer) });
        0
    });
}

/// The library's version (`"0.1.0"`), a static NUL-terminated string: do
/// not free it.
#[expect(unsafe_code, reason = "an exported C function")]
#[unsafe(no_mangle)]
pub extern "C" fn jamsos_version() -> *const c_char {
    VERSION_NUL.as_ptr().cast()
}

/// The version of the JSON contract the library speaks (1), the `version`
/// field of every result document.
#[expect(unsafe_code, reason = "an exported C function")]
#[unsafe(no_mangle)]
pub extern "C" fn jamsos_contract_version() -> u32 {
    contract::VERSION
}

/// The document of an internal error when a result cannot be handed over
/// (the same code and shape as the facade's own internal error).
const INTERNAL_DOCUMENT: &CStr = c"{\"error\":{\"code\":\"invalid_json\",\"message\":\"internal: the document holds a NUL byte\",\"field\":null}}";

/// Runs `body`, turning a panic into [`JAMSOS_ERR_PANIC`] so that it never
/// unwinds into the caller's frames (undefined behaviour across `extern
/// "C"`, and an abort since Rust 1.81).
fn guard(body: impl FnOnce() -> i32) -> i32 {
    // `AssertUnwindSafe`: after a panic nothing the closure touched is used
    // again; the caller's out-pointers were cleared before it ran.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(JAMSOS_ERR_PANIC)
}

/// The command line's exit code for a status.
const fn status_code(status: Status) -> i32 {
    match status {
        Status::Ok => JAMSOS_OK,
        Status::Internal => JAMSOS_INTERNAL,
        Status::InvalidInput => JAMSOS_INVALID_INPUT,
    }
}

/// The command and document of a call, or the negative code that refuses
/// it.
///
/// # Safety
///
/// As for `command` and `input` in [`jamsos_respond`].
#[expect(unsafe_code, reason = "reads the caller's pointers")]
unsafe fn request<'a>(
    command: *const c_char,
    input: *const u8,
    input_len: usize,
) -> Result<(Command, &'a [u8]), i32> {
    if command.is_null() {
        return Err(JAMSOS_ERR_NULL_POINTER);
    }
    // SAFETY: not NULL, and NUL-terminated by the caller's guarantee.
    let name = unsafe { CStr::from_ptr(command) };
    let command = name
        .to_str()
        .ok()
        .and_then(Command::from_name)
        .ok_or(JAMSOS_ERR_UNKNOWN_COMMAND)?;
    // A document over the limit is refused on its length alone, so only the
    // first `MAX_INPUT_BYTES + 1` bytes are ever borrowed: that keeps the
    // slice within `isize::MAX` whatever length the caller passes, and
    // `respond_bytes` answers `invalid_json` without reading it.
    let len = input_len.min(MAX_INPUT_BYTES.saturating_add(1));
    // SAFETY: the caller guarantees `input_len` readable bytes, and `len` is
    // no more than that.
    let input = unsafe { borrow(input, len) }.ok_or(JAMSOS_ERR_NULL_POINTER)?;
    Ok((command, input))
}

/// `len` bytes at `data`, an empty slice for a length of 0 (whatever the
/// pointer, since C callers often pass NULL for nothing), `None` for NULL
/// with a length.
///
/// # Safety
///
/// `data` must be NULL or point to `len` readable bytes, not written to
/// while the slice lives, with `len` at most `isize::MAX`.
#[expect(unsafe_code, reason = "reads the caller's pointers")]
unsafe fn borrow<'a>(data: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    if data.is_null() {
        return None;
    }
    // SAFETY: not NULL, valid for `len` bytes and not mutated, by the
    // caller's guarantee; `u8` has no alignment or validity requirement.
    Some(unsafe { std::slice::from_raw_parts(data, len) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status_and_does_not_unwind() {
        // The guard every entry point runs under: the panic is caught here,
        // in the same thread, and the next call works as before.
        let status = guard(|| panic!("a bug in jamsos"));
        assert_eq!(status, JAMSOS_ERR_PANIC);
        assert_eq!(guard(|| JAMSOS_OK), JAMSOS_OK);
    }

    #[test]
    fn statuses_are_the_command_lines_exit_codes() {
        // CONTRACT.md: exit 0 for a result, 1 internal, 2 invalid input.
        assert_eq!(status_code(Status::Ok), 0);
        assert_eq!(status_code(Status::Internal), 1);
        assert_eq!(status_code(Status::InvalidInput), 2);
        assert_eq!(Status::InvalidInput as i32, JAMSOS_INVALID_INPUT);
    }

    #[test]
    fn the_internal_document_is_the_contracts_error_shape() {
        let text = INTERNAL_DOCUMENT.to_str().unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(value["error"]["code"], "invalid_json");
        assert!(value["error"]["field"].is_null());
    }
}
