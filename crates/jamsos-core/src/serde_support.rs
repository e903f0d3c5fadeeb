//! Serde for the core types (feature `serde`): money as an integer number of
//! rupiah, rates as the contract's decimal strings (`"0.0089"`), periods as
//! `"YYYY-MM"`, program sets as lists of codes, citations as text. The same
//! shapes as the JSON contract, so a payroll team's own structs holding jamsos
//! types serialize the way the contract's documents do. No allocation.

use core::fmt;

use serde::de::{self, Deserializer, SeqAccess, Unexpected, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::{List, Period, Program, ProgramSet, Rate, Rupiah, Source};

/// Deserializes a vocabulary code with `from_code`, naming the allowed codes
/// in the error (used by [`crate::vocabulary!`]).
#[doc(hidden)]
pub fn deserialize_code<'de, D, T>(
    deserializer: D,
    from_code: fn(&str) -> Option<T>,
    allowed: &'static [&'static str],
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct Code<T> {
        from_code: fn(&str) -> Option<T>,
        allowed: &'static [&'static str],
    }
    impl<T> Visitor<'_> for Code<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "one of {:?}", self.allowed)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.from_code)(v).ok_or_else(|| E::unknown_variant(v, self.allowed))
        }
    }
    deserializer.deserialize_str(Code { from_code, allowed })
}

impl Serialize for Rupiah {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.get())
    }
}

impl<'de> Deserialize<'de> for Rupiah {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rupiah, D::Error> {
        u64::deserialize(deserializer).map(Rupiah::new)
    }
}

/// A string parsed with `FromStr`, for the types whose wire form is text.
struct Text<T>(core::marker::PhantomData<T>, &'static str);

impl<T: core::str::FromStr> Visitor<'_> for Text<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse()
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.decimal())
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rate, D::Error> {
        deserializer.deserialize_str(Text(
            core::marker::PhantomData,
            "a decimal fraction from \"0\" to \"1\" with at most 8 decimals, such as \"0.0089\"",
        ))
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        deserializer.deserialize_str(Text(
            core::marker::PhantomData,
            "a period YYYY-MM with a month 01 to 12",
        ))
    }
}

impl Serialize for ProgramSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.iter().count()))?;
        for program in self.iter() {
            seq.serialize_element(&program)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for ProgramSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ProgramSet, D::Error> {
        struct Programs;
        impl<'de> Visitor<'de> for Programs {
            type Value = ProgramSet;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of program codes")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ProgramSet, A::Error> {
                let mut set = ProgramSet::EMPTY;
                while let Some(program) = seq.next_element::<Program>()? {
                    set = set.with(program);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(Programs)
    }
}

/// A citation is text for people (`"PP 44/2015 Pasal 18"`); it is written,
/// never read back (a citation is the rule's, not the caller's).
impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<T: Copy + Serialize, const N: usize> Serialize for List<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}
