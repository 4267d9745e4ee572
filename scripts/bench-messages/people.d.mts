// Types for people.mjs, so its test (TypeScript, allowJs off) can import it.
export type SeededPerson = {
  id: string;
  sid: string;
  index: number;
  name: string;
  email: string;
  cookie: string;
};
export function seedPeople(
  server: { dataDir: string },
  count: number,
  runId: string,
): Promise<SeededPerson[]>;
