//! The `id` member of an NDJSON case line: the batch's identifier of the
//! line, taken out before the rest is decoded as a contract case (§1), which
//! has no `id`.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A JSON object's members in order, duplicates kept, values as written.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, &'de RawValue>()? {
                    members.push((k, v));
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V)
    }
}

/// When `line` is a JSON object with one `id` member whose value is a string
/// or a number: that value as written, and the object without it (the other
/// members unchanged, in order, duplicates kept, so the contract still sees
/// and judges them). Anything else (no `id`, two of them, not an object, not
/// JSON) is left to the contract as it is.
pub(crate) fn split_id(line: &str) -> Option<(String, String)> {
    if !line.contains("\"id\"") {
        return None;
    }
    let Members(members) = serde_json::from_str(line).ok()?;
    let mut ids = members.iter().filter(|(k, _)| k == "id");
    let (_, id) = ids.next()?;
    if ids.next().is_some() {
        return None;
    }
    let id = id.get();
    if !(id.starts_with('"') || id.starts_with('-') || id.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let mut rest = String::from("{");
    for (k, v) in members.iter().filter(|(k, _)| k != "id") {
        if rest.len() > 1 {
            rest.push(',');
        }
        rest.push_str(&serde_json::to_string(k).ok()?);
        rest.push(':');
        rest.push_str(v.get());
    }
    rest.push('}');
    Some((id.to_owned(), rest))
}

#[cfg(test)]
mod tests {
    use super::split_id;

    #[test]
    fn id_is_taken_out() {
        assert_eq!(
            split_id(r#"{"id":"A-1","period":"2026-04","participant":{"id":1}}"#),
            Some((
                r#""A-1""#.to_owned(),
                r#"{"period":"2026-04","participant":{"id":1}}"#.to_owned()
            ))
        );
        assert_eq!(
            split_id(r#"{"period":"2026-04", "id": 17}"#),
            Some(("17".to_owned(), r#"{"period":"2026-04"}"#.to_owned()))
        );
    }

    #[test]
    fn duplicates_and_literals_are_kept_for_the_contract() {
        assert_eq!(
            split_id(r#"{"id":"x","a":5e6,"a":1}"#),
            Some((r#""x""#.to_owned(), r#"{"a":5e6,"a":1}"#.to_owned()))
        );
    }

    #[test]
    fn anything_else_is_left_alone() {
        assert_eq!(split_id(r#"{"period":"2026-04"}"#), None);
        assert_eq!(split_id(r#"{"id":"a","id":"b"}"#), None);
        assert_eq!(split_id(r#"{"id":null}"#), None);
        assert_eq!(split_id(r#"["id"]"#), None);
        assert_eq!(split_id(r#"{"id":"a""#), None);
    }
}
