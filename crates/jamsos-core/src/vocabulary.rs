//! One definition of a vocabulary enum's wire names: the contract's codes
//! (`jkk`, `employer`, `medium` …) are written once, beside the variants, and
//! `code`, `from_code`, `ALL`, `Display`, `FromStr` and (with the `serde`
//! feature of the crate that uses the macro) `Serialize`/`Deserialize` all
//! come from that one list, so no layer turns a name into a string and back
//! by hand.

use core::fmt;

/// A name that is not one of a vocabulary's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCode {
    /// What was parsed, for example `"Program"`.
    pub vocabulary: &'static str,
    /// Every code the vocabulary has, in order.
    pub allowed: &'static [&'static str],
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {} code: use one of ", self.vocabulary)?;
        for (i, code) in self.allowed.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(code)?;
        }
        Ok(())
    }
}

impl core::error::Error for UnknownCode {}

/// Defines a vocabulary enum from its variants and their contract codes.
///
/// ```
/// jamsos_core::vocabulary! {
///     /// A colour.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour {
///         /// Red.
///         Red => "red",
///         /// Green.
///         Green => "green",
///     }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::Green]);
/// assert_eq!(Colour::Green.code(), "green");
/// assert_eq!("red".parse::<Colour>(), Ok(Colour::Red));
/// assert_eq!(Colour::from_code("blue"), None);
/// assert_eq!(Colour::Red.to_string(), "red");
/// assert_eq!(Colour::CODES[Colour::Green.index()], "green");
/// ```
///
/// The serde impls are compiled when the *calling* crate's feature `serde`
/// is on (that feature must enable `jamsos-core/serde`).
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The value's position in [`ALL`](Self::ALL) and
            /// [`CODES`](Self::CODES), for tables indexed by it.
            #[must_use]
            #[allow(clippy::as_conversions, reason = "a fieldless enum's discriminant is its position")]
            pub const fn index(self) -> usize {
                self as usize
            }

            /// Every code, in the contract's order.
            pub const CODES: [&'static str; [$($code),+].len()] = [$($code),+];

            /// The contract's name of the value.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The value the contract names `code`, exactly (case-sensitive).
            #[must_use]
            pub fn from_code(code: &str) -> ::core::option::Option<$name> {
                match code {
                    $( $code => ::core::option::Option::Some($name::$variant), )+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.code())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::UnknownCode;

            fn from_str(s: &str) -> ::core::result::Result<$name, $crate::UnknownCode> {
                $name::from_code(s).ok_or($crate::UnknownCode {
                    vocabulary: stringify!($name),
                    allowed: &$name::CODES,
                })
            }
        }

        #[cfg(feature = "serde")]
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<$name, D::Error> {
                $crate::__serde_support::deserialize_code(deserializer, $name::from_code, &$name::CODES)
            }
        }
    };
}
