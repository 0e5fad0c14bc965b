//! The committed JSON Schema of the standard format (`standards/standard.schema.json`) must be
//! what the types generate today, so editors validate standard files against the real format.
//! Run with `UPDATE_SCHEMA=1` to rewrite it after changing the format.

use brand_core::standard::raw::StandardFile;

#[test]
fn committed_schema_is_current() {
    let schema = schemars::schema_for!(StandardFile);
    let generated = serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../standards/standard.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "standards/standard.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test -p brand-core --test schema`"
    );
}

#[test]
fn schema_describes_the_format() {
    let schema = serde_json::to_value(schemars::schema_for!(StandardFile)).unwrap();
    let required = schema["required"].as_array().expect("required list");
    for field in ["format", "id", "version", "parts", "tiers", "total_points"] {
        assert!(required.iter().any(|r| r == field), "{field} should be required");
    }
}
