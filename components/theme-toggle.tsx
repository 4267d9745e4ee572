'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { THEME_COOKIE, themeClass, type Theme } from '@/lib/theme';

const order: Theme[] = ['system', 'light', 'dark'];
const labels: Record<Theme, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};

/** Cycles system → light → dark; the cookie makes the choice stick across reloads and tabs. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function next() {
    const value = order[(order.indexOf(theme) + 1) % order.length] ?? 'system';
    setTheme(value);
    document.cookie = `${THEME_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
    const root = document.documentElement;
    root.classList.remove('light', 'dark');
    const cls = themeClass(value);
    if (cls) root.classList.add(cls);
    root.dataset.theme = value;
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={next}
      aria-label={`Theme: ${labels[theme]}. Change theme`}
    >
      <span aria-hidden>{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      <span className="text-sm">{labels[theme]}</span>
    </Button>
  );
}
