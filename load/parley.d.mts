// Types for parley.mjs (the Artillery processor), so its test (TypeScript, allowJs off) can
// import it. Artillery calls these with its own context, events and request objects.
type Callback = (...args: never[]) => unknown;
export function joinCohort(context: unknown, events: unknown): Promise<void>;
export function stampMessage(
  req: unknown,
  context: unknown,
  events: unknown,
  next: Callback,
): unknown;
export function checkSend(
  req: unknown,
  res: unknown,
  context: unknown,
  events: unknown,
  next: Callback,
): unknown;
export function moreToSend(context: unknown, next: Callback): unknown;
export function awaitDeliveries(context: unknown, events: unknown): Promise<void>;
