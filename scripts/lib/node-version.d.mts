// Types for node-version.mjs, so its test (TypeScript, allowJs off) can import it.
export function unsupportedNode(version: string): string | null;
export function exitOnUnsupportedNode(): void;
