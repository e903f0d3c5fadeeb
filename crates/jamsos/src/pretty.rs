//! A readable breakdown of a result for people, in Bahasa Indonesia or English,
//! with rupiah written the Indonesian way (`Rp10.547.400`).

use std::fmt::Write as _;

use jamsos_core::Rupiah;

use crate::contract::{BenefitResult, FineResult, ProjectionResult};
use crate::contract::{
    Component, ContributionResult, EligibilityResult, LineEntry, Notice, ProgramEntry,
};

/// The language of the breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// `id` or `en`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    const fn pick(self, id: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// `Rp10.547.400`.
#[must_use]
pub fn rupiah(amount: u64) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = Rupiah::new(amount).fmt_indonesian(&mut s);
    s
}

/// A decimal fraction as a percentage with a decimal comma (id) or point (en):
/// `0.0089` → `0,89%`.
fn percent(rate: &str, lang: Lang) -> String {
    let (int, frac) = rate.split_once('.').unwrap_or((rate, ""));
    let digits = format!("{int}{frac:0<2}");
    let (whole, rest) = digits.split_at(int.len() + 2);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    let sep = lang.pick(",", ".");
    if rest.is_empty() {
        format!("{whole}%")
    } else {
        format!("{whole}{sep}{rest}%")
    }
}

fn program_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "jkk" => lang.pick("JKK (Jaminan Kecelakaan Kerja)", "JKK (work accident)"),
        "jkm" => lang.pick("JKM (Jaminan Kematian)", "JKM (death)"),
        "jht" => lang.pick("JHT (Jaminan Hari Tua)", "JHT (old-age savings)"),
        "jp" => lang.pick("JP (Jaminan Pensiun)", "JP (pension)"),
        "jkp" => lang.pick("JKP (Jaminan Kehilangan Pekerjaan)", "JKP (job loss)"),
        "jkk_jkm" => lang.pick("JKK + JKM (paket)", "JKK + JKM (package)"),
        _ => "?",
    }
}

fn status_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "mandatory" => lang.pick("wajib", "mandatory"),
        "optional" => lang.pick("sukarela", "optional"),
        "not_eligible" => lang.pick("tidak berhak", "not eligible"),
        _ => "?",
    }
}

fn payer_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "employer" => lang.pick("pemberi kerja", "employer"),
        "worker" => lang.pick("pekerja", "worker"),
        "participant" => lang.pick("peserta", "participant"),
        "government" => lang.pick("pemerintah", "government"),
        _ => "?",
    }
}

fn write_programs(out: &mut String, programs: &[ProgramEntry], lang: Lang) {
    let _ = writeln!(out, "{}", lang.pick("Program:", "Programs:"));
    for p in programs {
        let reasons: Vec<&str> = p.reasons.iter().map(|r| r.code.as_str()).collect();
        let why = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        let _ = writeln!(
            out,
            "  {:<36} {}{why}",
            program_name(&p.program, lang),
            status_name(&p.status, lang)
        );
    }
}

fn category_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "pu" => lang.pick("PU (penerima upah)", "PU (wage earner)"),
        "bpu" => lang.pick("BPU (bukan penerima upah)", "BPU (informal worker)"),
        "jakon" => lang.pick("Jakon (jasa konstruksi)", "Jakon (construction project)"),
        "pmi" => lang.pick("PMI (pekerja migran Indonesia)", "PMI (migrant worker)"),
        _ => "?",
    }
}

/// A component's name, from its stable rule id; the contract's English label
/// otherwise.
fn component_name(c: &Component, lang: Lang) -> String {
    if let Some((_, tier)) = c.rule.rsplit_once(".tier_") {
        return format!("{} {tier}", lang.pick("lapis", "tier"));
    }
    match c.rule.as_str() {
        "pmi.before_work" => lang
            .pick("sebelum bekerja (lewat P3MI)", "before work (via agency)")
            .to_owned(),
        "pmi.package" => lang
            .pick("selama dan setelah bekerja", "during and after work")
            .to_owned(),
        "pmi.extension" => lang
            .pick("bulan di luar masa kontrak", "months beyond the contract")
            .to_owned(),
        _ => c.label.clone(),
    }
}

/// A warning in the reader's language (the contract's message is English).
fn warning_text(w: &Notice, lang: Lang) -> String {
    let id = match w.code.as_str() {
        "jp_ceiling_stale" => {
            "JP dihitung dengan batas upah terbaru yang sudah setahun atau lebih; batas baru seharusnya sudah terbit (D-6)"
        }
        "wage_below_minimum" => {
            "upah di bawah UMP terendah; perlu persetujuan BPJS (SE BPJS B/12/012023; D-8)"
        }
        "under_18" => {
            "peserta belum berusia 18 tahun pada awal bulan iuran; tidak ada batas usia yang diterapkan (D-22)"
        }
        "extension_not_charged" => {
            "bulan di luar masa kontrak tidak dikenai iuran menurut Permenaker 18/2018 (D-25)"
        }
        "provisional_table" => {
            "JKK dan JHT dihitung dari nilai dasar baris penghasilan yang dilaporkan dalam tabel penghasilan BPU bawaan: tabel BPJS tahun 2015 untuk PP 44/2015 Lampiran II, tiga baris terakhir direkonstruksi, lampiran aslinya belum diverifikasi; tabel resmi dapat diberikan sebagai gantinya (D-17)"
        }
        _ => return w.message.clone(),
    };
    match lang {
        Lang::Id => id.to_owned(),
        Lang::En => w.message.clone(),
    }
}

fn write_lines(out: &mut String, title: &str, lines: &[LineEntry], period: &str, lang: Lang) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}");
    // A BPU prepayment bills several months: show each line's month.
    let several_months = lines.iter().any(|l| l.period != period);
    for l in lines {
        let how = match (&l.base, &l.rate) {
            (Some(base), Some(rate)) => format!("{} × {}", percent(rate, lang), rupiah(*base)),
            (Some(base), None) => format!(
                "{} {}",
                lang.pick(
                    "tarif bertingkat atas nilai kontrak",
                    "marginal tiers on the contract value"
                ),
                rupiah(*base)
            ),
            _ if l.program == "jkk_jkm" => lang.pick("paket", "package").to_owned(),
            _ => lang.pick("tetap", "flat").to_owned(),
        };
        let month = if several_months {
            format!("{} ", l.period)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {month}{:<7} {:<14} {:>16}  {how}  [{}]",
            l.program.to_uppercase(),
            payer_name(&l.payer, lang),
            rupiah(l.amount),
            l.source
        );
        for c in l.components.iter().flatten() {
            let _ = writeln!(
                out,
                "      · {:<30} {:>16}",
                component_name(c, lang),
                rupiah(c.amount)
            );
        }
    }
}

/// The breakdown of a contribution result.
#[must_use]
pub fn contribution(r: &ContributionResult, lang: Lang) -> String {
    contribution_declaring(r, None, lang)
}

/// As [`contribution`], for a BPU case whose declared monthly income is
/// `income`: the breakdown also says which base of the income table
/// (PP 44/2015 Lampiran II) that income pays on (D-17).
#[must_use]
pub fn contribution_declaring(r: &ContributionResult, income: Option<u64>, lang: Lang) -> String {
    let mut out = String::new();
    let last = r
        .lines
        .iter()
        .map(|l| l.period.as_str())
        .max()
        .unwrap_or(&r.period);
    let months = if last == r.period {
        r.period.clone()
    } else {
        format!("{} {} {last}", r.period, lang.pick("s.d.", "to"))
    };
    let _ = writeln!(
        out,
        "{} {months} — {}",
        lang.pick(
            "Iuran BPJS Ketenagakerjaan, bulan",
            "BPJS Ketenagakerjaan contributions, period"
        ),
        category_name(&r.category, lang)
    );
    write_programs(&mut out, &r.programs, lang);
    // D-17: JKK (and JHT) are rated on the row's nominal base, not on the
    // declared income; say so, since the two differ for most incomes.
    let base = r
        .lines
        .iter()
        .find(|l| l.program == "jkk" && l.rate.is_some())
        .and_then(|l| l.base);
    if let (Some(income), Some(base)) = (income, base) {
        let _ = writeln!(
            out,
            "{} {} → {} {} ({})",
            lang.pick("Penghasilan dilaporkan", "Declared income"),
            rupiah(income),
            lang.pick("dasar iuran", "contribution base"),
            rupiah(base),
            lang.pick(
                "tabel penghasilan PP 44/2015 Lampiran II",
                "income table of PP 44/2015 Lampiran II"
            ),
        );
    }
    write_lines(
        &mut out,
        lang.pick("Rincian iuran:", "Contribution lines:"),
        &r.lines,
        &r.period,
        lang,
    );
    write_lines(
        &mut out,
        lang.pick("Ditangguhkan (PP 49/2020):", "Deferred (PP 49/2020):"),
        &r.deferred,
        &r.period,
        lang,
    );
    if !r.allocations.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Rekomposisi ke JKP (bukan tagihan tambahan):",
                "Moved to JKP inside BPJS (not billed on top):"
            )
        );
        for a in &r.allocations {
            let _ = writeln!(
                out,
                "  {} → {} {:>16}  {} × {}",
                a.from.to_uppercase(),
                a.to.to_uppercase(),
                rupiah(a.amount),
                percent(&a.rate, lang),
                rupiah(a.base)
            );
        }
    }
    let _ = writeln!(out, "{}", lang.pick("Jumlah:", "Totals:"));
    for (payer, amount) in [
        ("employer", r.totals.employer),
        ("worker", r.totals.worker),
        ("participant", r.totals.participant),
        ("government", r.totals.government),
    ] {
        if amount > 0 {
            let _ = writeln!(
                out,
                "  {:<20} {:>16}",
                payer_name(payer, lang),
                rupiah(amount)
            );
        }
    }
    match &r.due_date {
        Some(due) => {
            let _ = writeln!(out, "{} {due}", lang.pick("Jatuh tempo:", "Due date:"));
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "Jatuh tempo: tidak ada (dibayar sekali untuk masa penempatan)",
                    "Due date: none (paid once for the placement)"
                )
            );
        }
    }
    for w in &r.warnings {
        let _ = writeln!(
            out,
            "{} {}: {}",
            lang.pick("Perhatian —", "Warning —"),
            w.code,
            warning_text(w, lang)
        );
    }
    out
}

/// The breakdown of an eligibility result.
#[must_use]
pub fn eligibility(r: &EligibilityResult, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {}",
        lang.pick("Kepesertaan, bulan", "Eligibility, period"),
        r.period,
        category_name(&r.category, lang)
    );
    write_programs(&mut out, &r.programs, lang);
    if let Some(d) = &r.pension_age_reached_on {
        let _ = writeln!(
            out,
            "{} {d}",
            lang.pick("Mencapai usia pensiun pada:", "Reaches pension age on:")
        );
    }
    if let Some(p) = &r.last_jp_period {
        let _ = writeln!(
            out,
            "{} {p}",
            lang.pick("Bulan iuran JP terakhir:", "Last JP period:")
        );
    }
    if let Some(j) = r.jkp_participant {
        let yes_no = if j {
            lang.pick("ya", "yes")
        } else {
            lang.pick("tidak", "no")
        };
        let _ = writeln!(
            out,
            "{} {yes_no}",
            lang.pick("Peserta JKP:", "JKP participant:")
        );
    }
    out
}

fn kind_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "balance" => lang.pick("saldo", "balance"),
        "partial" => lang.pick("sebagian", "partial"),
        "monthly" => lang.pick("bulanan", "monthly"),
        "lump_sum" => lang.pick("sekaligus", "lump sum"),
        "periodic" => lang.pick("berkala", "periodic"),
        "funeral" => lang.pick("pemakaman", "funeral"),
        "wage_replacement" => lang.pick("pengganti upah", "wage replacement"),
        "maximum" => lang.pick("paling banyak", "at most"),
        _ => "?",
    }
}

/// The breakdown of a benefit claim's answer (CONTRACT.md §4).
#[must_use]
pub fn benefit(r: &BenefitResult, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Klaim manfaat", "Benefit claim"),
        program_name(&r.benefit, lang)
    );
    let verdict = if r.eligible {
        lang.pick("dapat dibayar", "payable")
    } else {
        lang.pick("tidak dapat dibayar", "not payable")
    };
    let _ = writeln!(out, "{} {verdict}", lang.pick("Keputusan:", "Decision:"));
    for reason in &r.reasons {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            lang.pick("alasan —", "reason —"),
            reason.code,
            reason.message
        );
    }
    if let Some(date) = &r.earliest_claim_date {
        let _ = writeln!(
            out,
            "{} {date}",
            lang.pick("Dapat diklaim sejak:", "Claimable from:")
        );
    }
    if !r.payments.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Pembayaran:", "Payments:"));
        for p in &r.payments {
            let _ = writeln!(
                out,
                "  {:<44} {:<16} {:>16}  [{}]",
                p.label,
                kind_name(&p.kind, lang),
                rupiah(p.amount),
                p.source
            );
        }
        let label = if r.payments.iter().any(|p| p.kind == "maximum") {
            lang.pick(
                "Jumlah (tanpa batas beasiswa):",
                "Total (without scholarship maxima):",
            )
        } else {
            lang.pick("Jumlah:", "Total:")
        };
        let _ = writeln!(out, "{label} {}", rupiah(r.total));
    }
    for n in &r.notes {
        let _ = writeln!(
            out,
            "{} {}: {}",
            lang.pick("Catatan —", "Note —"),
            n.code,
            n.message
        );
    }
    out
}

/// The breakdown of a late-payment answer (CONTRACT.md §5).
#[must_use]
pub fn fine(r: &FineResult, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.pick("Denda keterlambatan iuran", "Late payment fine")
    );
    let due = r
        .due_date
        .as_deref()
        .unwrap_or(lang.pick("tidak ada", "none"));
    let _ = writeln!(out, "{} {due}", lang.pick("Jatuh tempo:", "Due date:"));
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Bulan keterlambatan:", "Months late:"),
        r.months_late
    );
    let _ = writeln!(
        out,
        "{} {}  [{}]",
        lang.pick("Denda:", "Fine:"),
        rupiah(r.fine),
        r.source
    );
    out
}

/// A JHT projection (CONTRACT.md §6) for people: year by year, labelled as an
/// estimate (D-36).
#[must_use]
pub fn projection(r: &ProjectionResult, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} … {}",
        lang.pick(
            "Perkiraan saldo JHT (bukan janji):",
            "Estimated JHT balance (not a promise):"
        ),
        r.start,
        r.end
    );
    for y in &r.years {
        let _ = writeln!(
            out,
            "  {} {:>2} ({})  {} {}  {} {}  {} {}",
            lang.pick("Tahun", "Year"),
            y.year,
            y.through,
            lang.pick("iuran", "contributions"),
            rupiah(y.contributions),
            lang.pick("hasil", "returns"),
            rupiah(y.returns),
            lang.pick("saldo", "balance"),
            rupiah(y.balance)
        );
    }
    let _ = writeln!(
        out,
        "{} {}  {} {}  {} {}",
        lang.pick("Jumlah iuran:", "Contributions:"),
        rupiah(r.contributions),
        lang.pick("hasil pengembangan:", "returns:"),
        rupiah(r.returns),
        lang.pick("saldo akhir:", "final balance:"),
        rupiah(r.balance)
    );
    for w in &r.warnings {
        let _ = writeln!(out, "! {}: {}", w.code, w.message);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_formats() {
        assert_eq!(rupiah(10_547_400), "Rp10.547.400");
        assert_eq!(rupiah(0), "Rp0");
        assert_eq!(percent("0.0089", Lang::Id), "0,89%");
        assert_eq!(percent("0.0089", Lang::En), "0.89%");
        assert_eq!(percent("0.00445", Lang::Id), "0,445%");
        assert_eq!(percent("0.037", Lang::En), "3.7%");
        assert_eq!(percent("0.02", Lang::En), "2%");
        assert_eq!(percent("1", Lang::En), "100%");
        assert_eq!(percent("0.000089", Lang::En), "0.0089%");
    }
}
