export const PERIODS = ["MONTH", "QUARTER", "YEAR"] as const;
export type Period = (typeof PERIODS)[number];

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}

export interface DeadlineFigures {
  readonly total: number;
  readonly inTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly pending: number;
  readonly withdrawn: number;
  readonly answeredInTime: Ratio;
}

export interface UnitEvaluation {
  readonly unit: string;
  readonly from: string | null;
  readonly to: string;
  readonly asOf: string;
  readonly catalogVersion: number | null;
  readonly shareRatio: Ratio;
  readonly catalogCompleteness: Ratio;
  readonly resourcesWithFrequency: Ratio;
  readonly freshnessMeasured: boolean;
  readonly applications: DeadlineFigures;
  readonly dataIssues: DeadlineFigures;
  readonly catalogChanges: DeadlineFigures;
  readonly misuse: {
    readonly measured: boolean;
    readonly denied: Ratio;
    readonly purposeSpread: readonly { readonly coordinate: string; readonly purposes: readonly string[]; readonly records: number }[];
  };
}

export interface PeriodEvaluation {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly units: readonly UnitEvaluation[];
}

const RATIO = "{ numerator denominator value }";
const DEADLINES = `{ total inTime late overdue pending withdrawn answeredInTime ${RATIO} }`;

export const EVALUATIONS = `query Evaluations($from: Date!, $to: Date, $period: EvaluationPeriod!, $unit: String) {
  evaluationsByPeriod(from: $from, to: $to, period: $period, unit: $unit) {
    period from to
    units {
      unit from to asOf catalogVersion
      shareRatio ${RATIO}
      catalogCompleteness ${RATIO}
      resourcesWithFrequency ${RATIO}
      freshnessMeasured
      applications ${DEADLINES}
      dataIssues ${DEADLINES}
      catalogChanges ${DEADLINES}
      misuse { measured denied ${RATIO} purposeSpread { coordinate purposes records } }
    }
  }
}`;

/** The units evaluated at all (the unit picker's choices): the same field, its unit names only. */
export const EVALUATED_UNITS = `query EvaluatedUnits($from: Date!, $to: Date, $period: EvaluationPeriod!) {
  evaluationsByPeriod(from: $from, to: $to, period: $period) { units { unit } }
}`;
