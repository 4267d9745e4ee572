/** Elo with K = 32: the expected score from the rating gap, moved towards the actual score. */
export const ELO_K = 32;

export function expectedScore(rating: number, opponent: number): number {
  return 1 / (1 + 10 ** ((opponent - rating) / 400));
}

/** New ratings after a game; `score` is the first player's: 1 win, 0.5 draw, 0 loss. */
export function nextRatings(a: number, b: number, score: 0 | 0.5 | 1): [number, number] {
  const change = ELO_K * (score - expectedScore(a, b));
  return [Math.round(a + change), Math.round(b - change)];
}
