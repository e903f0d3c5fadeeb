//! One document in, one document out: the contract's one-document
//! commands behind a single call, so the command line, the C ABI and the
//! WebAssembly package answer a case with the same bytes and the same status.

use serde::Serialize;

use super::{ContractError, ErrorCode, Settings};

/// Documents larger than this are not contract cases; they are refused with
/// `invalid_json` rather than parsed.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The contract's one-document commands (CONTRACT.md §1, §3, §4, §5, §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// `jamsos contribution`: what each party pays this month.
    Contribution,
    /// `jamsos eligibility`: the programs and their status.
    Eligibility,
    /// `jamsos benefit`: what a worker can claim.
    Benefit,
    /// `jamsos fine`: the late-payment fine.
    Fine,
    /// `jamsos projection`: the JHT balance year by year (CONTRACT.md §6).
    Projection,
}

impl Command {
    /// Every command, in the contract's order.
    pub const ALL: [Command; 5] = [
        Command::Contribution,
        Command::Eligibility,
        Command::Benefit,
        Command::Fine,
        Command::Projection,
    ];

    /// The command's name on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Command::Contribution => "contribution",
            Command::Eligibility => "eligibility",
            Command::Benefit => "benefit",
            Command::Fine => "fine",
            Command::Projection => "projection",
        }
    }

    /// The command named `name` (exactly as on the command line).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// How a command ended, as the command line's exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Status {
    /// A result document (exit 0).
    Ok = 0,
    /// A document that could not be serialised; never expected (exit 1).
    Internal = 1,
    /// Invalid input: the document is the contract's error object (exit 2).
    InvalidInput = 2,
}

/// A command's answer: its status and the JSON document to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The exit status.
    pub status: Status,
    /// One JSON document, without a trailing newline.
    pub json: String,
    /// The error the document reports, when the status is
    /// [`Status::InvalidInput`] (for a one-line message on standard error).
    pub error: Option<ContractError>,
}

impl Response {
    fn result<T: Serialize>(value: &T) -> Response {
        match serde_json::to_string(value) {
            Ok(json) => Response {
                status: Status::Ok,
                json,
                error: None,
            },
            // The result types hold only strings, integers, booleans and
            // sequences, which serde_json always serialises.
            Err(e) => Response {
                status: Status::Internal,
                json: ContractError::whole(ErrorCode::InvalidJson, format!("internal: {e}"))
                    .to_json(),
                error: None,
            },
        }
    }

    /// The answer to invalid input: the contract's error document, status
    /// [`Status::InvalidInput`].
    #[must_use]
    pub fn invalid(e: ContractError) -> Response {
        Response {
            status: Status::InvalidInput,
            json: e.to_json(),
            error: Some(e),
        }
    }
}

/// Answers one JSON document with `command`, as the command line would.
///
/// ```
/// use jamsos_contract::{Command, Settings, Status, respond};
///
/// let case = r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
/// let answer = respond(Command::Contribution, case, &Settings::default());
/// assert_eq!(answer.status, Status::Ok);
/// assert!(answer.json.contains(r#""participant":8400"#));
///
/// let answer = respond(Command::Fine, "{", &Settings::default());
/// assert_eq!(answer.status, Status::InvalidInput);
/// assert!(answer.json.starts_with(r#"{"error":{"code":"invalid_json""#));
/// ```
#[must_use]
pub fn respond(command: Command, input: &str, settings: &Settings<'_>) -> Response {
    let answer = match command {
        Command::Contribution => {
            super::contribution_with(input, settings).map(|r| Response::result(&r))
        }
        Command::Eligibility => {
            super::eligibility_with(input, settings).map(|r| Response::result(&r))
        }
        Command::Benefit => super::benefit(input).map(|r| Response::result(&r)),
        Command::Fine => super::fine(input).map(|r| Response::result(&r)),
        Command::Projection => super::projection(input, settings).map(|r| Response::result(&r)),
    };
    answer.unwrap_or_else(Response::invalid)
}

/// [`respond`] on raw bytes, as read from a pipe or passed through an FFI:
/// more than [`MAX_INPUT_BYTES`] or bytes that are not UTF-8 are
/// `invalid_json`.
#[must_use]
pub fn respond_bytes(command: Command, input: &[u8], settings: &Settings<'_>) -> Response {
    match document_text(input) {
        Ok(text) => respond(command, text, settings),
        Err(e) => Response::invalid(e),
    }
}

/// The text of a document given as bytes, or why it is not one: more than
/// [`MAX_INPUT_BYTES`], or not UTF-8 (`invalid_json`).
pub fn document_text(input: &[u8]) -> Result<&str, ContractError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ContractError::whole(
            ErrorCode::InvalidJson,
            "input is larger than 16 MiB",
        ));
    }
    core::str::from_utf8(input).map_err(|e| {
        ContractError::whole(
            ErrorCode::InvalidJson,
            format!("input is not UTF-8 (byte {})", e.valid_up_to()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for command in Command::ALL {
            assert_eq!(Command::from_name(command.name()), Some(command));
        }
        assert_eq!(Command::from_name("Contribution"), None);
        assert_eq!(Command::from_name(""), None);
    }

    #[test]
    fn bytes_that_are_not_a_document_are_invalid_json() {
        let settings = Settings::default();
        let answer = respond_bytes(Command::Eligibility, b"{\"period\": \"\xff\"}", &settings);
        assert_eq!(answer.status, Status::InvalidInput);
        assert!(
            answer.json.contains("not UTF-8 (byte 12)"),
            "{}",
            answer.json
        );

        let big = vec![b' '; MAX_INPUT_BYTES + 1];
        let answer = respond_bytes(Command::Fine, &big, &settings);
        assert_eq!(answer.status, Status::InvalidInput);
        assert!(
            answer.json.contains("larger than 16 MiB"),
            "{}",
            answer.json
        );
    }

    #[test]
    fn a_result_and_an_error_as_the_command_line_prints_them() {
        // CONTRACT.md §1's example: Rp10,000,000, risk class 3, medium, 2025-04.
        let case = r#"{"period": "2025-04", "participant": {"category": "pu",
          "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
        let settings = Settings::default();
        let answer = respond(Command::Contribution, case, &settings);
        assert_eq!(answer.status, Status::Ok);
        let expected = super::super::contribution(case).map(|r| serde_json::to_string(&r));
        assert!(matches!(expected, Ok(Ok(ref json)) if *json == answer.json));

        let answer = respond(Command::Benefit, "[]", &settings);
        assert_eq!(answer.status, Status::InvalidInput);
        assert!(
            answer.json.starts_with(r#"{"error":{"code":"#),
            "{}",
            answer.json
        );
    }
}
