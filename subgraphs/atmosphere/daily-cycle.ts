// Typical diurnal shapes of urban air in China, by Asia/Shanghai hour (0–23):
// primary pollutants (PM, NO2, CO) peak in the morning rush hour and again at night when
// the boundary layer collapses, and are lowest mid-afternoon when mixing is deepest;
// O3 is photochemical, so it peaks at 14–16 h and is titrated by NO at night.

function bump(hour: number, centre: number, width: number): number {
  const d = Math.min(Math.abs(hour - centre), 24 - Math.abs(hour - centre));
  return Math.exp(-(d * d) / (2 * width * width));
}

function cycle(shape: (hour: number) => number): readonly number[] {
  return Array.from({ length: 24 }, (_, hour) => shape(hour));
}

export const PARTICLE_CYCLE = cycle((h) => 1 + 0.15 * bump(h, 8, 1.5) + 0.3 * bump(h, 22, 3) - 0.22 * bump(h, 15, 2.5));
export const NO2_CYCLE = cycle((h) => 1 + 0.4 * bump(h, 8, 1.5) + 0.4 * bump(h, 20, 2.5) - 0.4 * bump(h, 14, 3));
export const CO_CYCLE = cycle((h) => 1 + 0.25 * bump(h, 8, 1.5) + 0.3 * bump(h, 21, 3) - 0.2 * bump(h, 15, 3));
// Elevated stack plumes mix down once the morning inversion breaks (fumigation).
export const SO2_CYCLE = cycle((h) => 1 + 0.2 * bump(h, 11, 3));
export const OZONE_CYCLE = cycle((h) => 0.22 + 0.95 * bump(h, 15, 2.6));
