// The contract's input documents (docs/CONTRACT.md §1, §3, §4, §5), written
// from the contract's field tables; test/types.test.mjs checks every valid
// golden case of testdata/ against them with the TypeScript compiler. `null`
// means absent, as in the contract. An integer may be a `bigint` or a
// `number` that is a safe integer (an unsafe one is refused before the
// module sees it); money is whole rupiah.

/** A JSON integer: whole rupiah, months, a risk class. */
export type Integer = bigint | number;
/** `YYYY-MM`. */
export type PeriodText = string;
/** `YYYY-MM-DD`. */
export type DateText = string;

export type Scale = "micro" | "small" | "medium" | "large";
export type Nationality = "wni" | "wna";
export type OptInProgram = "jkk" | "jkm" | "jht" | "jp" | "jkp";
export type Industry =
  | "food_beverage_tobacco"
  | "textile_apparel"
  | "leather"
  | "footwear"
  | "toys"
  | "furniture"
  | "other";

/** A wage earner (Penerima Upah). */
export interface PuParticipant {
  category: "pu";
  birth_date: DateText;
  nationality?: Nationality | null;
  wage: Integer;
  risk_class: Integer;
  scale: Scale;
  registered_on?: DateText | null;
  jkn_member?: boolean | null;
  opt_in?: OptInProgram[] | null;
  industry?: Industry | null;
  active_workers?: Integer | null;
  paid_jkk_through_2025_01?: boolean | null;
  paid_through_2020_07?: boolean | null;
  /** The 16-digit NIK as a string (D-37); checked, never used in amounts. */
  nik?: string | null;
}

/** An informal worker (Bukan Penerima Upah). */
export interface BpuParticipant {
  category: "bpu";
  birth_date?: DateText | null;
  nationality?: Nationality | null;
  income: Integer;
  sector?: "transport" | "other" | null;
  subsidised?: boolean | null;
  opt_in?: OptInProgram[] | null;
  paid_through_2020_07?: boolean | null;
  /** The 16-digit NIK as a string (D-37); checked, never used in amounts. */
  nik?: string | null;
}

/** A construction project (Jasa Konstruksi). */
export interface JakonParticipant {
  category: "jakon";
  birth_date?: DateText | null;
  nationality?: Nationality | null;
  method: "wage" | "contract";
  wage?: Integer | null;
  contract_value?: Integer | null;
  paid_through_2020_07?: boolean | null;
  /** The 16-digit NIK as a string (D-37); checked, never used in amounts. */
  nik?: string | null;
}

/** A migrant worker (Pekerja Migran Indonesia). */
export interface PmiParticipant {
  category: "pmi";
  birth_date?: DateText | null;
  channel: "agency" | "individual";
  contract_months: Integer;
  extension_months?: Integer | null;
  jht_monthly?: Integer | null;
  /** The 16-digit NIK as a string (D-37); checked, never used in amounts. */
  nik?: string | null;
}

export type Participant = PuParticipant | BpuParticipant | JakonParticipant | PmiParticipant;

/** `jamsos contribution` and `jamsos eligibility` (CONTRACT.md §1, §3). */
export interface ContributionCase {
  period: PeriodText;
  participant: Participant;
  options?: {
    jp_for_foreigners?: boolean | null;
    months?: Integer | null;
    holidays?: DateText[] | null;
  } | null;
}

/** `jamsos eligibility` reads the same case (`options.months` is ignored). */
export type EligibilityCase = ContributionCase;

/** `jamsos benefit` (CONTRACT.md §4): one claim. */
export type BenefitClaim =
  | {
      benefit: "jht";
      claim_date: DateText;
      trigger:
        | "pension_age"
        | "resignation"
        | "dismissal"
        | "contract_end"
        | "leaving_indonesia"
        | "total_disability"
        | "death"
        | "partial";
      event_date?: DateText | null;
      membership_start: DateText;
      balance?: Integer | null;
      purpose?: "housing" | "retirement_preparation" | null;
      previous_partial?: boolean | null;
      birth_date?: DateText | null;
    }
  | {
      benefit: "jp";
      claim_date: DateText;
      birth_date: DateText;
      contribution_months: Integer;
      average_wage: Integer;
      lump_sum?: Integer | null;
    }
  | {
      benefit: "jkp";
      claim_date: DateText;
      dismissal_date: DateText;
      reason:
        | "dismissal"
        | "resignation"
        | "retirement"
        | "death"
        | "total_disability"
        | "contract_end_at_term";
      wage: Integer;
      months_paid_last_24: Integer;
      consecutive_months_before_dismissal: Integer;
    }
  | {
      benefit: "jkm";
      claim_date: DateText;
      death_date: DateText;
      contribution_months: Integer;
      children: Integer;
    }
  | {
      benefit: "jkk";
      claim_date: DateText;
      event: "death" | "total_disability" | "temporary_inability";
      event_date: DateText;
      wage: Integer;
      months?: Integer | null;
    };

/** `jamsos fine` (CONTRACT.md §5): one late payment. */
export interface LatePayment {
  category: "pu" | "bpu" | "jakon" | "pmi";
  period: PeriodText;
  amount: Integer;
  paid_on: DateText;
  holidays?: DateText[] | null;
}
