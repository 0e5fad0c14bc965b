//! A standard definition: parts, indicators, questions, gates, tiers and advisory tracks.
//!
//! On disk a standard is JSON in the shape of the [`raw`] types. [`parse`] turns that text into a
//! validated [`Standard`] or into a list of [`Problem`]s, each with the JSON path of the offending
//! value, so a standard author can fix every problem in one pass. Everything after `parse` trusts
//! the type. One module per concern:
//!
//! - `raw` — the file format (serde, JSON Schema);
//! - `read` — reads the JSON text into `raw` (by hand, over `crate::json`: no serde_json in the wasm);
//! - `model` — the validated model ([`Standard`], parts, indicators, questions, …);
//! - `problem` — [`Problem`] and [`ProblemKind`] with their English messages;
//! - `json_path` — [`path_at`], the JSON path at serde_json's error position;
//! - `limits` — every bound the validator enforces (points, counts, text lengths);
//! - `validate` — the validator, from `raw` to `model` or problems.
//!
//! [`Lang`] lives in `crate::lang` and is re-exported here for existing users.

mod json_path;
mod limits;
mod model;
mod problem;
pub mod raw;
mod read;
mod validate;

pub use crate::lang::Lang;
pub use json_path::path_at;
pub use limits::*;
pub use model::*;
pub use problem::{Problem, ProblemKind};

use crate::hash::sha256_hex;
use validate::Validator;

/// The newest standard-file `format` this code reads.
pub const FORMAT: u32 = 1;

/// Parses and validates a standard file. Returns every problem found, not just the first.
///
/// A leading UTF-8 byte order mark is skipped, and the content hash is over the text after it: the
/// browser's text decoding drops a BOM before the core sees the file, so the browser and the CLI
/// open the same file and record the same hash.
pub fn parse(json: &str) -> Result<Standard, Vec<Problem>> {
    if json.len() > MAX_STANDARD_BYTES {
        return Err(vec![Problem {
            path: "$".to_owned(),
            kind: ProblemKind::FileTooLarge { bytes: json.len(), max: MAX_STANDARD_BYTES },
        }]);
    }
    let body = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let file = match read::standard_file(body) {
        Ok(f) => f,
        Err(read::Fault { path, message, syntax }) => {
            let kind = if syntax { ProblemKind::Syntax(message) } else { ProblemKind::Shape(message) };
            return Err(vec![Problem { path, kind }]);
        }
    };
    Validator::default().standard(file, sha256_hex(body.as_bytes()))
}
