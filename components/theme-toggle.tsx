'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { THEME_COOKIE, parseTheme, themeClass, type Theme } from '@/lib/theme';

const order: Theme[] = ['system', 'light', 'dark'];
export const THEME_LABELS: Record<Theme, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};

/** The theme after `theme` in the cycle system → light → dark. */
export function nextTheme(theme: Theme): Theme {
  return order[(order.indexOf(theme) + 1) % order.length] ?? 'system';
}

/** Applies a theme now and keeps it in a cookie, so it sticks across reloads and tabs. */
export function applyTheme(value: Theme) {
  document.cookie = `${THEME_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
  const root = document.documentElement;
  root.classList.remove('light', 'dark');
  const cls = themeClass(value);
  if (cls) root.classList.add(cls);
  root.dataset.theme = value;
}

/** The theme on the page now (the server renders it into <html data-theme>). */
export function currentTheme(): Theme {
  return parseTheme(document.documentElement.dataset.theme);
}

export function ThemeIcon({ theme }: { theme: Theme }) {
  if (theme === 'dark') return <Moon aria-hidden size={16} />;
  if (theme === 'light') return <Sun aria-hidden size={16} />;
  return <Monitor aria-hidden size={16} />;
}

/** Cycles system → light → dark. The visible word hides at phone width (the icon stays). */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function next() {
    const value = nextTheme(theme);
    setTheme(value);
    applyTheme(value);
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={next}
      aria-label={`Theme: ${THEME_LABELS[theme]}. Change theme`}
    >
      <ThemeIcon theme={theme} />
      <span className="hidden text-sm sm:inline">{THEME_LABELS[theme]}</span>
    </Button>
  );
}
