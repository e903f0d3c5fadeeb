use core::fmt;

use crate::WorkerError;

jamsos_core::vocabulary! {
    /// The four participant categories.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Category {
        /// Wage earners with an employer.
        #[doc(alias = "Penerima Upah")]
        #[doc(alias = "PU")]
        Pu => "pu",
        /// Informal and self-employed workers.
        #[doc(alias = "Bukan Penerima Upah")]
        #[doc(alias = "BPU")]
        Bpu => "bpu",
        /// Workers on construction projects.
        #[doc(alias = "Jasa Konstruksi")]
        Jakon => "jakon",
        /// Indonesian migrant workers.
        #[doc(alias = "Pekerja Migran Indonesia")]
        #[doc(alias = "PMI")]
        Pmi => "pmi",
    }
}

jamsos_core::vocabulary! {
    /// The employer's business scale (skala usaha), decided at registration by
    /// BPJS (PP 7/2021 Pasal 35–36 criteria); an employer attribute, never derived.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Scale {
        /// Micro (mikro).
        #[doc(alias = "mikro")]
        Micro => "micro",
        /// Small (kecil).
        #[doc(alias = "kecil")]
        Small => "small",
        /// Medium (menengah).
        #[doc(alias = "menengah")]
        Medium => "medium",
        /// Large (besar).
        #[doc(alias = "besar")]
        Large => "large",
    }
}

/// The employer's JKK risk group (kelompok tingkat risiko), PP 44/2015
/// Lampiran I: 1 very low … 5 very high. Only `TryFrom` makes one; 0 and 6
/// are errors, never class 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[doc(alias = "kelompok tingkat risiko")]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "i64", into = "u8")
)]
pub struct RiskClass(u8);

impl RiskClass {
    /// The group number, 1…5.
    #[must_use]
    pub const fn group(self) -> u8 {
        self.0
    }

    /// Index into a five-entry table (group − 1).
    #[must_use]
    pub const fn index(self) -> usize {
        self.0 as usize - 1
    }
}

impl TryFrom<i64> for RiskClass {
    type Error = WorkerError;

    fn try_from(group: i64) -> Result<RiskClass, WorkerError> {
        match group {
            1..=5 => Ok(RiskClass(group as u8)),
            _ => Err(WorkerError::InvalidRiskClass(group)),
        }
    }
}

impl TryFrom<u8> for RiskClass {
    type Error = WorkerError;

    fn try_from(group: u8) -> Result<RiskClass, WorkerError> {
        RiskClass::try_from(i64::from(group))
    }
}

impl From<RiskClass> for u8 {
    fn from(class: RiskClass) -> u8 {
        class.0
    }
}

impl fmt::Display for RiskClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

jamsos_core::vocabulary! {
    /// Citizenship, for JP (D-9) and JKP (D-13).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum Nationality {
        /// Indonesian citizen (Warga Negara Indonesia).
        #[default]
        #[doc(alias = "WNI")]
        Wni => "wni",
        /// Foreign national (Warga Negara Asing).
        #[doc(alias = "WNA")]
        Wna => "wna",
    }
}

jamsos_core::vocabulary! {
    /// The employer's industry, as far as PP 7/2025 cares (D-15).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Industry {
        /// Food, beverages and tobacco.
        FoodBeverageTobacco => "food_beverage_tobacco",
        /// Textiles and apparel.
        TextileApparel => "textile_apparel",
        /// Leather and leather goods.
        Leather => "leather",
        /// Footwear.
        Footwear => "footwear",
        /// Children's toys.
        Toys => "toys",
        /// Furniture.
        Furniture => "furniture",
        /// Any other industry.
        Other => "other",
    }
}

impl Industry {
    /// Whether PP 7/2025 Pasal 2 names it a labour-intensive industry.
    #[must_use]
    pub const fn is_labour_intensive(self) -> bool {
        !matches!(self, Industry::Other)
    }
}
