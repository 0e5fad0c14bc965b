//! The JSON path of the value at serde_json's error position, found by scanning the text.
//!
//! serde_json reports a line and column, not a path; tracking the path while deserialising
//! (serde_path_to_error) cost several times this code in the wasm.

/// The JSON path (`$.parts[0].points`) of the value at serde_json's error position (1-based
/// line; column = bytes of that line read so far). Found by scanning the text up to there,
/// which costs a fraction of the code of tracking the path while deserialising.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let b = json.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        b.iter().enumerate().filter(|(_, &c)| c == b'\n').nth(line - 2).map_or(b.len(), |(i, _)| i + 1)
    };
    // The last byte serde_json had read when it stopped.
    path_at_offset(json, (line_start + column).min(b.len()).saturating_sub(1))
}

/// The JSON path of the value at byte `last`, the last byte read when reading stopped.
pub(crate) fn path_at_offset(json: &str, last: usize) -> String {
    enum Frame {
        Object { key: Option<String>, expect_key: bool },
        Array { index: usize },
    }
    let b = json.as_bytes();
    let last = last.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < last {
        match b[i] {
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expect_key: expect @ true }) = stack.last_mut() {
                    // A key is read whole, even past the error (an unknown field stops inside it).
                    *key = Some(json.get(i + 1..j.min(b.len())).unwrap_or("").to_owned());
                    *expect = false;
                }
                i = j;
            }
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // Stopped on a closing bracket (a missing field, too few items): the path is the container's
    // own, without the key or index inside it.
    let container = matches!(b.get(last), Some(b'}' | b']'));
    let mut out = String::from("$");
    for (n, f) in stack.iter().enumerate() {
        if container && n + 1 == stack.len() {
            break;
        }
        match f {
            Frame::Object { key: Some(k), .. } => {
                out.push('.');
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}
