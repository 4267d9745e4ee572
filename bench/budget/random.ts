/** The day's seeded random draws: one sequence shared by every module of the simulation. */

/** A seeded generator, so two runs of the same size simulate the same day. */
let seed = 20261207;
export const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (lo: number, hi: number) => lo + random() * (hi - lo);
