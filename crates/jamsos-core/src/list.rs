/// A list of at most `N` items kept inline (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List<T: Copy, const N: usize> {
    items: [Option<T>; N],
    len: usize,
}

impl<T: Copy, const N: usize> List<T, N> {
    /// An empty list.
    #[must_use]
    pub const fn new() -> Self {
        List {
            items: [None; N],
            len: 0,
        }
    }

    /// Appends `item`, or gives it back when the list is full. Callers size
    /// their lists for the most items a case can have, so a full list is a bug
    /// they report as an error, never a panic.
    pub fn push(&mut self, item: T) -> Result<(), T> {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(item);
                self.len += 1;
                Ok(())
            }
            None => Err(item),
        }
    }

    /// The number of items.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the list is empty.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.slots().iter().flatten()
    }

    /// The filled slots, every one `Some`: a slice whose type does not
    /// depend on `N`, so lists of different capacities can be handed out by
    /// one function (flatten it to get the items).
    #[must_use]
    pub fn slots(&self) -> &[Option<T>] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

impl<T: Copy, const N: usize> Default for List<T, N> {
    fn default() -> Self {
        Self::new()
    }
}
