'use client';

import { Briefcase, LogOut, Menu as MenuIcon, MessageSquare, Settings } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { signOutHere } from '@/components/sign-out-button';
import {
  THEME_LABELS,
  ThemeIcon,
  applyTheme,
  currentTheme,
  nextTheme,
} from '@/components/theme-toggle';
import { Avatar } from '@/components/ui/avatar';
import { Menu, MenuItem, MenuLabel, MenuSeparator } from '@/components/ui/menu';
import { usePerson, type PersonView } from '@/lib/users/client/people-store';
import type { Theme } from '@/lib/theme';

/** The header at phone width: the app's pages, the theme and signing out, in one menu. */
export function AppMenu({ me, admin }: { me: PersonView; admin: boolean }) {
  const router = useRouter();
  const person = usePerson(me);
  const [theme, setTheme] = useState<Theme | null>(null);
  const shown = theme ?? 'system';
  return (
    <Menu
      label="App menu"
      onOpenChange={(open) => {
        if (open) setTheme(currentTheme());
      }}
      trigger={
        <button
          type="button"
          aria-label="Menu"
          className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2"
        >
          <MenuIcon aria-hidden size={20} />
        </button>
      }
    >
      <MenuLabel>
        <span className="flex items-center gap-2 text-sm text-fg">
          <Avatar name={person.name} src={person.image} size={24} />
          {person.name}
        </span>
      </MenuLabel>
      <MenuSeparator />
      <MenuItem icon={<MessageSquare size={16} />} onSelect={() => router.push('/chats')}>
        Chats
      </MenuItem>
      <MenuItem icon={<Settings size={16} />} onSelect={() => router.push('/settings')}>
        Settings
      </MenuItem>
      {admin ? (
        <MenuItem icon={<Briefcase size={16} />} onSelect={() => router.push('/admin/jobs')}>
          Jobs
        </MenuItem>
      ) : null}
      <MenuSeparator />
      <MenuItem
        icon={<ThemeIcon theme={shown} />}
        aria-label={`Theme: ${THEME_LABELS[shown]}. Change theme`}
        onSelect={(event) => {
          // Stays open: the person sees the theme change and can pick again.
          event.preventDefault();
          const value = nextTheme(currentTheme());
          applyTheme(value);
          setTheme(value);
        }}
      >
        {THEME_LABELS[shown]}
      </MenuItem>
      <MenuItem icon={<LogOut size={16} />} onSelect={() => void signOutHere()}>
        Sign out
      </MenuItem>
    </Menu>
  );
}
