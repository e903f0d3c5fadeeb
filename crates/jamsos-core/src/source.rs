use core::fmt;

/// Where a rule comes from: the instrument and, where known, the article or
/// annex (DECISIONS.md D-34). `Display` gives the contract's `source` text,
/// e.g. `PP 44/2015 Lampiran I`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    /// The instrument, e.g. `PP 45/2015` (listed in docs/RULES.md).
    pub instrument: &'static str,
    /// The article (`Pasal 29`) or annex (`Lampiran I`); empty when unknown.
    pub provision: &'static str,
}

impl Source {
    /// A citation of `provision` in `instrument`.
    #[must_use]
    pub const fn new(instrument: &'static str, provision: &'static str) -> Source {
        Source {
            instrument,
            provision,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.instrument)?;
        if !self.provision.is_empty() {
            write!(f, " {}", self.provision)?;
        }
        Ok(())
    }
}
