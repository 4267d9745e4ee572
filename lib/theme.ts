import { z } from 'zod';

export const THEME_COOKIE = 'parley-theme';
export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export function parseTheme(value: string | undefined): Theme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : 'system';
}

/** The class for <html>: none for `system`, so the prefers-color-scheme media query decides. */
export function themeClass(theme: Theme): string | undefined {
  return theme === 'system' ? undefined : theme;
}
