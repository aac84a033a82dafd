/**
 * The dashboard's GraphQL, exactly as "view query" shows it and the explorer opens it: a
 * dashboard author copies these, so they are written to be read.
 */

export const AIR_QUERY = `# Each station's latest hourly reading, with its province
query AirQualityByProvince {
  airStations {
    id
    division { code name }
    readings(last: 1) { at aqi }
  }
}`;

export interface AirData {
  readonly airStations: readonly {
    readonly id: string;
    readonly division: { readonly code: string; readonly name: string } | null;
    readonly readings: readonly { readonly at: string; readonly aqi: number | null }[];
  }[];
}

export const WATER_QUERY = `# Each monitoring section's latest reading and its GB 3838-2002 class
query WaterClassDistribution {
  waterSections {
    id
    readings(last: 1) { at qualityClass }
  }
}`;

export interface WaterData {
  readonly waterSections: readonly {
    readonly id: string;
    readonly readings: readonly { readonly at: string; readonly qualityClass: string | null }[];
  }[];
}

export const PENALTIES_QUERY = `# The newest penalty decisions
query RecentPenalties($first: Int!) {
  penalties(first: $first) {
    totalCount
    nodes { id decisionNumber decidedOn amountYuan violation status }
  }
}`;

export const PENALTIES_SHOWN = 10;

export interface PenaltiesData {
  readonly penalties: {
    readonly totalCount: number;
    readonly nodes: readonly {
      readonly id: string;
      readonly decisionNumber: string | null;
      readonly decidedOn: string | null;
      readonly amountYuan: number | null;
      readonly violation: string | null;
      readonly status: string | null;
    }[];
  };
}

export const DIVISIONS_QUERY = `{ divisions { code name } }`;

export interface DivisionsData {
  readonly divisions: readonly { readonly code: string; readonly name: string }[];
}

/** The page maximum of `enterprises(first:)`: the largest province fits in one page. */
export const INSPECTED_ENTERPRISES = 500;

export const INSPECTIONS_QUERY = `# Inspections of one province's enterprises (Enterprise.inspections is CONDITIONAL)
query InspectionResults($divisionCode: String!, $first: Int!) {
  enterprises(divisionCode: $divisionCode, first: $first) {
    totalCount
    nodes {
      inspections { kind result }
    }
  }
}`;

export interface InspectionsData {
  readonly enterprises: {
    readonly totalCount: number;
    readonly nodes: readonly { readonly inspections: readonly { readonly kind: string | null; readonly result: string | null }[] | null }[];
  };
}
