"""The comparison peer of benches/python/assess.py: the April 2026 assessment
written the way a data analyst would write it in pandas, vectorised with
numpy, from the regulations' tables (each constant cites its rule).

It takes the roster as a pandas DataFrame with typed columns (integers as
Int64, booleans as boolean, dates as datetime64, text as object), checks the
fields a row needs (the same error codes as jamsos where it checks the same
thing) and computes the 18 amount columns in integer rupiah with one
half-up rounding per line (D-2), and the five program statuses. It covers one
period (2026-04) and the cases the sample roster holds; assess.py reports on
how many rows it agrees with jamsos cell for cell, so the speed ratio is
between two programs that do (nearly) the same work. It is not part of jamsos
and is never used for a result.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PERIOD = pd.Timestamp("2026-04-01")

# PP 44/2015 Lampiran I: JKK by risk group 1..5 (0.24% … 1.74%), per 10,000.
JKK_PU = np.array([0, 24, 54, 89, 127, 174], dtype=np.int64)
JKM_PU = 30            # 0.30%, per 10,000 (PP 44/2015 Pasal 18)
JHT_EMPLOYER = 370     # 3.7% (PP 46/2015)
JHT_WORKER = 200       # 2%
JP_EMPLOYER = 200      # 2% (PP 45/2015 Pasal 28)
JP_WORKER = 100        # 1%
JP_CEILING = 11_086_300  # from 2026-03 (D-12)
PENSION_AGE = 59       # 2025-2027 (PP 45/2015 Pasal 15, D-10)
JKP_GOVERNMENT = 22    # 0.22% of the wage up to 5,000,000 (PP 6/2025)
JKP_CAP = 5_000_000
JKP_FROM_JKK = 14
JKP_FROM_JKM = 10
# PP 44/2015 Lampiran II: the 33-row BPU income table (D-17).
BPU_FROM = np.array([0, 1_100_000, 1_300_000, 1_500_000, 1_700_000, 1_900_000, 2_100_000,
                     2_300_000, 2_500_000, 2_700_000, 3_200_000, 3_700_000, 4_200_000,
                     4_700_000, 5_200_000, 5_700_000, 6_200_000, 6_700_000, 7_200_000,
                     7_700_000, 8_200_000, 9_200_000, 10_200_000, 11_200_000, 12_200_000,
                     13_200_000, 14_200_000, 15_200_000, 16_200_000, 17_200_000,
                     18_200_000, 19_200_000, 20_200_000], dtype=np.int64)
BPU_NOMINAL = np.array([1_000_000, 1_200_000, 1_400_000, 1_600_000, 1_800_000, 2_000_000,
                        2_200_000, 2_400_000, 2_600_000, 2_950_000, 3_450_000, 3_950_000,
                        4_450_000, 4_950_000, 5_450_000, 5_950_000, 6_450_000, 6_950_000,
                        7_450_000, 7_950_000, 8_700_000, 9_700_000, 10_700_000, 11_700_000,
                        12_700_000, 13_700_000, 14_700_000, 15_700_000, 16_700_000,
                        17_700_000, 18_700_000, 19_700_000, 20_700_000], dtype=np.int64)
JKK_BPU = 100          # 1% of the nominal
JKM_BPU = 6_800        # flat
JHT_BPU = 200          # 2% of the nominal
# PP 50/2025: half of JKK and JKM for every unsubsidised BPU in 2026-04.
# Jakon (PP 44/2015 Lampiran I): by wage 1.74% / 0.30%; by contract value in
# marginal tiers, per 10,000.
JAKON_TIERS = [(100_000_000, 21, 3), (500_000_000, 17, 2), (1_000_000_000, 13, 2),
               (5_000_000_000, 11, 1), (None, 9, 1)]
# Permenaker 4/2023: PMI packages by contract months, before-work fee via an
# agency, extension months.
PMI_PACKAGE = {6: 108_000, 12: 189_000, 24: 332_500}
PMI_BEFORE_WORK_AGENCY = 37_500
PMI_EXTENSION = 13_500
PMI_JHT = {0, 50_000, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000}

AMOUNTS = ["jkk_employer", "jkk_participant", "jkk_government", "jkm_employer",
           "jkm_participant", "jkm_government", "jht_employer", "jht_worker",
           "jht_participant", "jp_employer", "jp_worker", "jp_deferred", "jkp_government",
           "jkk_jkm_participant", "total_employer", "total_worker", "total_participant",
           "total_government"]


def per10k(base: np.ndarray, rate: np.ndarray | int) -> np.ndarray:
    """base × rate / 10,000, rounded half up once (D-2)."""
    return (base * rate + 5_000) // 10_000


def assess_pandas(df: pd.DataFrame) -> pd.DataFrame:
    n = len(df)
    code = np.full(n, None, dtype=object)

    def fail(mask, c):
        m = np.asarray(mask, dtype=bool) & pd.isna(code)
        code[m] = c

    cat = df["category"].to_numpy(dtype=object)
    pu, bpu, jakon, pmi = (cat == "pu"), (cat == "bpu"), (cat == "jakon"), (cat == "pmi")
    fail(pd.isna(df["category"]), "missing_field")
    fail(~(pu | bpu | jakon | pmi), "unsupported_category")

    def ints(name):
        return df[name].fillna(0).to_numpy(dtype=np.int64)

    def present(name):
        return df[name].notna().to_numpy()

    wage, risk, income = ints("wage"), ints("risk_class"), ints("income")
    value, months, ext, jht_m = (ints("contract_value"), ints("contract_months"),
                                 ints("extension_months"), ints("jht_monthly"))
    scale = df["scale"].to_numpy(dtype=object)
    nationality = df["nationality"].fillna("wni").to_numpy(dtype=object)
    opt = df["opt_in"].fillna("").to_numpy(dtype=str)
    opt_jht = np.char.find(opt, "jht") >= 0
    opt_jp = np.char.find(opt, "jp") >= 0

    # Fields that do not apply to the category (CONTRACT.md §1's table).
    pu_only = ["risk_class", "scale", "registered_on", "jkn_member", "industry",
               "active_workers", "paid_jkk_through_2025_01"]
    for name in pu_only:
        fail(~pu & present(name), "field_not_applicable")
    for name in ["income", "sector", "subsidised"]:
        fail(~bpu & present(name), "field_not_applicable")
    for name in ["method", "contract_value"]:
        fail(~jakon & present(name), "field_not_applicable")
    for name in ["channel", "contract_months", "extension_months", "jht_monthly"]:
        fail(~pmi & present(name), "field_not_applicable")
    fail(~(pu | jakon) & present("wage"), "field_not_applicable")
    # Required fields.
    fail(pu & ~present("birth_date"), "missing_field")
    fail(pu & ~present("wage"), "missing_field")
    fail(pu & ~present("risk_class"), "missing_field")
    fail(pu & ~present("scale"), "missing_field")
    fail(bpu & ~present("income"), "missing_field")
    fail(jakon & ~present("method"), "missing_field")
    fail(pmi & ~present("channel"), "missing_field")
    fail(pmi & ~present("contract_months"), "missing_field")
    # Values.
    fail(pu & ~np.isin(scale, ["micro", "small", "medium", "large"]), "invalid_value")
    fail(~np.isin(nationality, ["wni", "wna"]), "invalid_value")
    fail(pu & (wage < 1), "invalid_amount")
    fail(pu & ((risk < 1) | (risk > 5)), "invalid_risk_class")
    fail(bpu & (income < 1), "invalid_amount")
    method = df["method"].to_numpy(dtype=object)
    fail(jakon & (method == "wage") & ~present("wage"), "missing_field")
    fail(jakon & (method == "contract") & ~present("contract_value"), "missing_field")
    fail(jakon & (method == "wage") & (wage < 1), "invalid_amount")
    fail(jakon & (method == "contract") & (value < 1), "invalid_amount")
    fail(pmi & ~np.isin(months, [6, 12, 24]), "invalid_contract_months")
    fail(pmi & ~np.isin(jht_m, list(PMI_JHT)), "invalid_jht_monthly")
    ok = pd.isna(code)

    out = {c: np.zeros(n, dtype=np.int64) for c in AMOUNTS}
    status = {p: np.full(n, "not_eligible", dtype=object) for p in ["jkk", "jkm", "jht", "jp", "jkp"]}

    # PU (PP 44/2015, PP 45/2015, PP 46/2015, PP 37/2021 and PP 6/2025).
    birth = pd.to_datetime(df["birth_date"])
    pension_on = birth + pd.DateOffset(years=PENSION_AGE)
    pension = (pension_on < PERIOD).to_numpy()
    wna = nationality == "wna"
    large = np.isin(scale, ["medium", "large"])
    jht_billed = pu & (~(scale == "micro") | opt_jht)
    jp_mandatory = pu & large & ~wna & ~pension
    jp_billed = jp_mandatory | (pu & ~large & opt_jp & ~wna & ~pension)
    registered = pd.to_datetime(df["registered_on"])
    age_at_registration = ((registered - birth).dt.days / 365.25).to_numpy()
    jkp = (pu & present("registered_on") & df["jkn_member"].fillna(False).to_numpy(dtype=bool)
           & ~wna & (age_at_registration < 54) & ~pension)
    out["jkk_employer"] = np.where(pu, per10k(wage, JKK_PU[np.clip(risk, 0, 5)]), 0)
    out["jkm_employer"] = np.where(pu, per10k(wage, JKM_PU), 0)
    out["jht_employer"] = np.where(jht_billed, per10k(wage, JHT_EMPLOYER), 0)
    out["jht_worker"] = np.where(jht_billed, per10k(wage, JHT_WORKER), 0)
    jp_base = np.minimum(wage, JP_CEILING)
    out["jp_employer"] = np.where(jp_billed, per10k(jp_base, JP_EMPLOYER), 0)
    out["jp_worker"] = np.where(jp_billed, per10k(jp_base, JP_WORKER), 0)
    out["jkp_government"] = np.where(jkp, per10k(np.minimum(wage, JKP_CAP), JKP_GOVERNMENT), 0)
    status["jkk"][pu] = "mandatory"
    status["jkm"][pu] = "mandatory"
    status["jht"][pu] = np.where(scale[pu] == "micro", "optional", "mandatory")
    status["jp"][pu] = np.where(large[pu], "mandatory", "optional")
    status["jp"][pu & (wna | pension)] = "not_eligible"
    status["jkp"][jkp] = "mandatory"

    # BPU (D-17 … D-21): the income table's nominal, PP 50/2025's half.
    nominal = BPU_NOMINAL[np.clip(np.searchsorted(BPU_FROM, income, side="right") - 1, 0, 32)]
    subsidised = df["subsidised"].fillna(False).to_numpy(dtype=bool)
    jkk_b = per10k(nominal, JKK_BPU)
    jkk_half = per10k(nominal, JKK_BPU // 2)
    payer_self = bpu & ~subsidised
    payer_state = bpu & subsidised
    out["jkk_participant"] = np.where(payer_self, jkk_half, 0)
    out["jkm_participant"] = np.where(payer_self, JKM_BPU // 2, 0)
    out["jkk_government"] = np.where(payer_state, jkk_b, 0)
    out["jkm_government"] = np.where(payer_state, JKM_BPU, 0)
    out["jht_participant"] = np.where(bpu & opt_jht, per10k(nominal, JHT_BPU), 0)
    status["jkk"][bpu] = "mandatory"
    status["jkm"][bpu] = "mandatory"
    status["jht"][bpu] = "optional"

    # Jakon (PP 44/2015 Lampiran I).
    by_wage = jakon & (method == "wage")
    by_value = jakon & (method == "contract")
    jkk_j = np.where(by_wage, per10k(wage, 174), 0)
    jkm_j = np.where(by_wage, per10k(wage, 30), 0)
    lower = 0
    jkk_c = np.zeros(n, dtype=np.int64)
    jkm_c = np.zeros(n, dtype=np.int64)
    for up_to, jkk_rate, jkm_rate in JAKON_TIERS:
        top = value if up_to is None else np.minimum(value, up_to)
        part = np.clip(top - lower, 0, None)
        jkk_c += per10k(part, jkk_rate)
        jkm_c += per10k(part, jkm_rate)
        lower = up_to if up_to is not None else lower
    out["jkk_employer"] += jkk_j + np.where(by_value, jkk_c, 0)
    out["jkm_employer"] += jkm_j + np.where(by_value, jkm_c, 0)
    status["jkk"][jakon] = "mandatory"
    status["jkm"][jakon] = "mandatory"

    # PMI (Permenaker 4/2023).
    package = pd.Series(months).map(PMI_PACKAGE).fillna(0).to_numpy(dtype=np.int64)
    agency = df["channel"].to_numpy(dtype=object) == "agency"
    out["jkk_jkm_participant"] = np.where(
        pmi, package + np.where(agency, PMI_BEFORE_WORK_AGENCY, 0) + ext * PMI_EXTENSION, 0)
    out["jht_participant"] += np.where(pmi, jht_m, 0)
    status["jkk"][pmi] = "mandatory"
    status["jkm"][pmi] = "mandatory"
    status["jht"][pmi] = "optional"

    out["total_employer"] = out["jkk_employer"] + out["jkm_employer"] + out["jht_employer"] + out["jp_employer"]
    out["total_worker"] = out["jht_worker"] + out["jp_worker"]
    out["total_participant"] = (out["jkk_participant"] + out["jkm_participant"]
                                + out["jht_participant"] + out["jkk_jkm_participant"])
    out["total_government"] = out["jkk_government"] + out["jkm_government"] + out["jkp_government"]

    result = pd.DataFrame({"id": df["id"].to_numpy(dtype=object),
                           "status": np.where(ok, "ok", "error"),
                           "error_code": code})
    for c in AMOUNTS:
        result[c] = pd.arrays.IntegerArray(out[c], ~ok)
    for p, s in status.items():
        result[p] = np.where(ok, s, None)
    return result
