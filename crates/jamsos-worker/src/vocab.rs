use core::fmt;

use crate::WorkerError;

/// The four participant categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Wage earners with an employer.
    #[doc(alias = "Penerima Upah")]
    #[doc(alias = "PU")]
    Pu,
    /// Informal and self-employed workers.
    #[doc(alias = "Bukan Penerima Upah")]
    #[doc(alias = "BPU")]
    Bpu,
    /// Workers on construction projects.
    #[doc(alias = "Jasa Konstruksi")]
    Jakon,
    /// Indonesian migrant workers.
    #[doc(alias = "Pekerja Migran Indonesia")]
    #[doc(alias = "PMI")]
    Pmi,
}

impl Category {
    /// The contract's name: `pu`, `bpu`, `jakon`, `pmi`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Category::Pu => "pu",
            Category::Bpu => "bpu",
            Category::Jakon => "jakon",
            Category::Pmi => "pmi",
        }
    }

    /// The category named `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Category> {
        [Category::Pu, Category::Bpu, Category::Jakon, Category::Pmi]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// The employer's business scale (skala usaha), decided at registration by
/// BPJS (PP 7/2021 Pasal 35–36 criteria); an employer attribute, never derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scale {
    /// Micro (mikro).
    #[doc(alias = "mikro")]
    Micro,
    /// Small (kecil).
    #[doc(alias = "kecil")]
    Small,
    /// Medium (menengah).
    #[doc(alias = "menengah")]
    Medium,
    /// Large (besar).
    #[doc(alias = "besar")]
    Large,
}

impl Scale {
    /// Every scale, smallest first.
    pub const ALL: [Scale; 4] = [Scale::Micro, Scale::Small, Scale::Medium, Scale::Large];

    /// The contract's name.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Scale::Micro => "micro",
            Scale::Small => "small",
            Scale::Medium => "medium",
            Scale::Large => "large",
        }
    }

    /// The scale named `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The employer's JKK risk group (kelompok tingkat risiko), PP 44/2015
/// Lampiran I: 1 very low … 5 very high. Only `TryFrom` makes one; 0 and 6
/// are errors, never class 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[doc(alias = "kelompok tingkat risiko")]
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

impl fmt::Display for RiskClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Citizenship, for JP (D-9) and JKP (D-13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Nationality {
    /// Indonesian citizen (Warga Negara Indonesia).
    #[default]
    #[doc(alias = "WNI")]
    Wni,
    /// Foreign national (Warga Negara Asing).
    #[doc(alias = "WNA")]
    Wna,
}

impl Nationality {
    /// The contract's name.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Nationality::Wni => "wni",
            Nationality::Wna => "wna",
        }
    }

    /// The nationality named `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Nationality> {
        [Nationality::Wni, Nationality::Wna]
            .into_iter()
            .find(|n| n.code() == code)
    }
}

/// The employer's industry, as far as PP 7/2025 cares (D-15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Industry {
    /// Food, beverages and tobacco.
    FoodBeverageTobacco,
    /// Textiles and apparel.
    TextileApparel,
    /// Leather and leather goods.
    Leather,
    /// Footwear.
    Footwear,
    /// Children's toys.
    Toys,
    /// Furniture.
    Furniture,
    /// Any other industry.
    Other,
}

impl Industry {
    /// Every industry, in declaration order.
    pub const ALL: [Industry; 7] = [
        Industry::FoodBeverageTobacco,
        Industry::TextileApparel,
        Industry::Leather,
        Industry::Footwear,
        Industry::Toys,
        Industry::Furniture,
        Industry::Other,
    ];

    /// The contract's name.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Industry::FoodBeverageTobacco => "food_beverage_tobacco",
            Industry::TextileApparel => "textile_apparel",
            Industry::Leather => "leather",
            Industry::Footwear => "footwear",
            Industry::Toys => "toys",
            Industry::Furniture => "furniture",
            Industry::Other => "other",
        }
    }

    /// The industry named `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.code() == code)
    }

    /// Whether PP 7/2025 Pasal 2 names it a labour-intensive industry.
    #[must_use]
    pub const fn is_labour_intensive(self) -> bool {
        !matches!(self, Industry::Other)
    }
}
