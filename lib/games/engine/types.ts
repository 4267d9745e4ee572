export const aiLevels = ['easy', 'medium', 'hard'] as const;
export type AiLevel = (typeof aiLevels)[number];

/** How long an engine may think: it returns the best move of the deepest search it finished. */
export type Budget = { deadline: number; now: () => number };

export class OutOfTime extends Error {}

export function checkTime(budget: Budget): void {
  if (budget.now() > budget.deadline) throw new OutOfTime();
}
