//! A readable breakdown of a result for people, in Bahasa Indonesia or English,
//! with rupiah written the Indonesian way (`Rp10.547.400`).

use std::fmt::Write as _;

use jamsos_contribution::{Assessed, Component, Line, Part, Participant, Warning};
use jamsos_core::{Billed, Payer, Period, Program, Rate, Rupiah};
use jamsos_eligibility::{Reason, Status, Statuses};
use jamsos_worker::Category;

use crate::{BenefitResult, FineResult, ProjectionResult};

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

/// A rate as people read it: `0,89%` in Indonesian, `0.89%` in English.
fn percent(rate: Rate, lang: Lang) -> String {
    rate.percent(lang.pick(",", ".").chars().next().unwrap_or('.'))
        .to_string()
}

fn program_name(program: Billed, lang: Lang) -> &'static str {
    match program {
        Billed::Program(Program::Jkk) => {
            lang.pick("JKK (Jaminan Kecelakaan Kerja)", "JKK (work accident)")
        }
        Billed::Program(Program::Jkm) => lang.pick("JKM (Jaminan Kematian)", "JKM (death)"),
        Billed::Program(Program::Jht) => {
            lang.pick("JHT (Jaminan Hari Tua)", "JHT (old-age savings)")
        }
        Billed::Program(Program::Jp) => lang.pick("JP (Jaminan Pensiun)", "JP (pension)"),
        Billed::Program(Program::Jkp) => {
            lang.pick("JKP (Jaminan Kehilangan Pekerjaan)", "JKP (job loss)")
        }
        Billed::JkkJkm => lang.pick("JKK + JKM (paket)", "JKK + JKM (package)"),
    }
}

fn status_name(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Mandatory => lang.pick("wajib", "mandatory"),
        Status::Optional => lang.pick("sukarela", "optional"),
        Status::NotEligible => lang.pick("tidak berhak", "not eligible"),
    }
}

fn payer_name(payer: Payer, lang: Lang) -> &'static str {
    match payer {
        Payer::Employer => lang.pick("pemberi kerja", "employer"),
        Payer::Worker => lang.pick("pekerja", "worker"),
        Payer::Participant => lang.pick("peserta", "participant"),
        Payer::Government => lang.pick("pemerintah", "government"),
    }
}

fn write_programs(out: &mut String, statuses: &Statuses, lang: Lang) {
    let _ = writeln!(out, "{}", lang.pick("Program:", "Programs:"));
    for p in &statuses.programs {
        let reasons: Vec<&str> = p.reasons.iter().map(Reason::code).collect();
        let why = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        let _ = writeln!(
            out,
            "  {:<36} {}{why}",
            program_name(p.program.into(), lang),
            status_name(p.status, lang)
        );
    }
}

fn category_name(category: Category, lang: Lang) -> &'static str {
    match category {
        Category::Pu => lang.pick("PU (penerima upah)", "PU (wage earner)"),
        Category::Bpu => lang.pick("BPU (bukan penerima upah)", "BPU (informal worker)"),
        Category::Jakon => lang.pick("Jakon (jasa konstruksi)", "Jakon (construction project)"),
        Category::Pmi => lang.pick("PMI (pekerja migran Indonesia)", "PMI (migrant worker)"),
    }
}

/// A component's name for people.
fn component_name(part: &Part, lang: Lang) -> String {
    match part {
        Part::Tier { number, .. } => format!("{} {number}", lang.pick("lapis", "tier")),
        Part::BeforeWork => lang
            .pick("sebelum bekerja (lewat P3MI)", "before work (via agency)")
            .to_owned(),
        Part::Package { .. } => lang
            .pick("selama dan setelah bekerja", "during and after work")
            .to_owned(),
        Part::Extension { .. } => lang
            .pick("bulan di luar masa kontrak", "months beyond the contract")
            .to_owned(),
        _ => String::new(),
    }
}

/// A warning in the reader's language (the library's message is English).
fn warning_text(w: Warning, lang: Lang) -> &'static str {
    let id = match w {
        Warning::JpCeilingStale => {
            "JP dihitung dengan batas upah terbaru yang sudah setahun atau lebih; batas baru seharusnya sudah terbit (D-6)"
        }
        Warning::WageBelowMinimum => {
            "upah di bawah UMP terendah; perlu persetujuan BPJS (SE BPJS B/12/012023; D-8)"
        }
        Warning::Under18 => {
            "peserta belum berusia 18 tahun pada awal bulan iuran; tidak ada batas usia yang diterapkan (D-22)"
        }
        Warning::ExtensionNotCharged => {
            "bulan di luar masa kontrak tidak dikenai iuran menurut Permenaker 18/2018 (D-25)"
        }
        Warning::ProvisionalTable => {
            "JKK dan JHT dihitung dari nilai dasar baris penghasilan yang dilaporkan dalam tabel penghasilan BPU bawaan: tabel BPJS tahun 2015 untuk PP 44/2015 Lampiran II, tiga baris terakhir direkonstruksi, lampiran aslinya belum diverifikasi; tabel resmi dapat diberikan sebagai gantinya (D-17)"
        }
        _ => w.message(),
    };
    lang.pick(id, w.message())
}

fn write_lines<'a>(
    out: &mut String,
    title: &str,
    lines: impl Iterator<Item = &'a Line>,
    components: &[Component],
    period: Period,
    lang: Lang,
) {
    let lines: Vec<&Line> = lines.collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}");
    // A BPU prepayment bills several months: show each line's month.
    let several_months = lines.iter().any(|l| l.period != period);
    for l in lines {
        let how = match (l.base, l.rate) {
            (Some(base), Some(rate)) => format!("{} × {}", percent(rate, lang), rupiah(base.get())),
            (Some(base), None) => format!(
                "{} {}",
                lang.pick(
                    "tarif bertingkat atas nilai kontrak",
                    "marginal tiers on the contract value"
                ),
                rupiah(base.get())
            ),
            _ if l.program == Billed::JkkJkm => lang.pick("paket", "package").to_owned(),
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
            l.program.code().to_uppercase(),
            payer_name(l.payer, lang),
            rupiah(l.amount.get()),
            l.citation()
        );
        for c in components.iter().filter(|c| c.program == l.program) {
            let _ = writeln!(
                out,
                "      · {:<30} {:>16}",
                component_name(&c.part, lang),
                rupiah(c.amount.get())
            );
        }
    }
}

/// The breakdown of a participant's contributions, from the assessment
/// itself. For a BPU participant it also says which base of the income
/// table (PP 44/2015 Lampiran II) the declared income pays on (D-17).
#[must_use]
pub fn contribution(participant: &Participant, a: &Assessed, lang: Lang) -> String {
    let mut out = String::new();
    let first = a.period();
    let last = a.lines().map(|l| l.period).max().unwrap_or(first);
    let months = if last == first {
        first.to_string()
    } else {
        format!("{first} {} {last}", lang.pick("s.d.", "to"))
    };
    let _ = writeln!(
        out,
        "{} {months} — {}",
        lang.pick(
            "Iuran BPJS Ketenagakerjaan, bulan",
            "BPJS Ketenagakerjaan contributions, period"
        ),
        category_name(a.category(), lang)
    );
    write_programs(&mut out, a.statuses(), lang);
    // D-17: JKK (and JHT) are rated on the row's nominal base, not on the
    // declared income; say so, since the two differ for most incomes.
    let base = a
        .lines()
        .find(|l| l.program == Program::Jkk && l.rate.is_some())
        .and_then(|l| l.base);
    if let (Participant::Bpu(worker), Some(base)) = (participant, base) {
        let _ = writeln!(
            out,
            "{} {} → {} {} ({})",
            lang.pick("Penghasilan dilaporkan", "Declared income"),
            rupiah(worker.income.rupiah().get()),
            lang.pick("dasar iuran", "contribution base"),
            rupiah(base.get()),
            lang.pick(
                "tabel penghasilan PP 44/2015 Lampiran II",
                "income table of PP 44/2015 Lampiran II"
            ),
        );
    }
    let components: Vec<Component> = a.components().copied().collect();
    write_lines(
        &mut out,
        lang.pick("Rincian iuran:", "Contribution lines:"),
        a.lines(),
        &components,
        first,
        lang,
    );
    write_lines(
        &mut out,
        lang.pick("Ditangguhkan (PP 49/2020):", "Deferred (PP 49/2020):"),
        a.deferred(),
        &[],
        first,
        lang,
    );
    let allocations: Vec<_> = a.allocations().collect();
    if !allocations.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Rekomposisi ke JKP (bukan tagihan tambahan):",
                "Moved to JKP inside BPJS (not billed on top):"
            )
        );
        for al in allocations {
            let _ = writeln!(
                out,
                "  {} → {} {:>16}  {} × {}",
                al.from.code().to_uppercase(),
                al.to.code().to_uppercase(),
                rupiah(al.amount.get()),
                percent(al.rate, lang),
                rupiah(al.base.get())
            );
        }
    }
    let _ = writeln!(out, "{}", lang.pick("Jumlah:", "Totals:"));
    let totals = a.totals();
    for payer in Payer::ALL {
        let amount = totals.get(payer);
        if amount > Rupiah::ZERO {
            let _ = writeln!(
                out,
                "  {:<20} {:>16}",
                payer_name(payer, lang),
                rupiah(amount.get())
            );
        }
    }
    match a.due_date() {
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
    for w in a.warnings().iter() {
        let _ = writeln!(
            out,
            "{} {}: {}",
            lang.pick("Perhatian —", "Warning —"),
            w.code(),
            warning_text(w, lang)
        );
    }
    out
}

/// The breakdown of a participant's programs, from the assessment itself
/// (CONTRACT.md §3: a case is checked as for the contributions); for a wage
/// earner also the pension-age dates and JKP participation.
#[must_use]
pub fn eligibility(a: &Assessed, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {}",
        lang.pick("Kepesertaan, bulan", "Eligibility, period"),
        a.period(),
        category_name(a.category(), lang)
    );
    write_programs(&mut out, a.statuses(), lang);
    let Assessed::Pu(pu) = a else {
        return out;
    };
    let e = &pu.eligibility;
    if let Some(d) = e.pension_age_reached_on {
        let _ = writeln!(
            out,
            "{} {d}",
            lang.pick("Mencapai usia pensiun pada:", "Reaches pension age on:")
        );
    }
    if let Some(p) = e.last_jp_period {
        let _ = writeln!(
            out,
            "{} {p}",
            lang.pick("Bulan iuran JP terakhir:", "Last JP period:")
        );
    }
    if let Some(j) = e.jkp_participant {
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
        // The contract's benefit names are the program codes (CONTRACT.md §4).
        Program::from_code(&r.benefit).map_or(r.benefit.as_str(), |p| program_name(p.into(), lang))
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

    fn rate(text: &str) -> Rate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn indonesian_formats() {
        assert_eq!(rupiah(10_547_400), "Rp10.547.400");
        assert_eq!(rupiah(0), "Rp0");
        assert_eq!(percent(rate("0.0089"), Lang::Id), "0,89%");
        assert_eq!(percent(rate("0.0089"), Lang::En), "0.89%");
        assert_eq!(percent(rate("0.00445"), Lang::Id), "0,445%");
        assert_eq!(percent(rate("0.037"), Lang::En), "3.7%");
        assert_eq!(percent(rate("0.02"), Lang::En), "2%");
        assert_eq!(percent(rate("1"), Lang::En), "100%");
        assert_eq!(percent(rate("0.000089"), Lang::En), "0.0089%");
    }
}
