//! One definition of the small sets of codes the results carry (programs,
//! reasons, notes): a bit set over a fieldless enum, `Copy` and without
//! allocation, iterating in the enum's `ALL` order.

/// Defines a set of a fieldless enum's values as a bit set.
///
/// The enum needs an `ALL` array in its declaration order (as
/// [`vocabulary!`](crate::vocabulary) gives) and discriminants `0 …`; the
/// set's integer must have a bit for every value, which a compile-time
/// assertion checks.
///
/// ```
/// jamsos_core::bit_set! {
///     /// The programs of a case.
///     pub struct Joined(u8) of jamsos_core::Program;
/// }
/// use jamsos_core::Program;
///
/// let joined = Joined::NONE.with(Program::Jkk).with(Program::Jht);
/// assert!(joined.contains(Program::Jht) && !joined.contains(Program::Jp));
/// assert_eq!(joined.iter().collect::<Vec<_>>(), [Program::Jkk, Program::Jht]);
/// assert!(Joined::NONE.is_empty());
/// ```
#[macro_export]
macro_rules! bit_set {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($bits:ty) of $item:ty;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        $vis struct $name($bits);

        // A bit for every value.
        const _: () = ::core::assert!(<$item>::ALL.len() <= <$bits>::BITS as usize);

        impl $name {
            /// The empty set.
            pub const NONE: $name = $name(0);

            /// The set with `item` added.
            #[must_use]
            pub const fn with(self, item: $item) -> $name {
                $name(self.0 | 1 << item as u8)
            }

            /// Whether `item` is in the set.
            #[must_use]
            pub const fn contains(self, item: $item) -> bool {
                self.0 & (1 << item as u8) != 0
            }

            /// Whether the set is empty.
            #[must_use]
            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }

            /// The values in the set, in declaration order.
            pub fn iter(self) -> impl ::core::iter::Iterator<Item = $item> {
                <$item>::ALL.into_iter().filter(move |i| self.contains(*i))
            }
        }
    };
}
