'use client';

import { Briefcase, LogOut, MessageSquare, Settings } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { AppMenuButton } from '@/components/app-menu-button';
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

/**
 * The header's menu at phone width: the app's pages, the theme and signing out. app-menu.tsx
 * mounts it, open, on the first press of its Menu button.
 */
export function AppMenuContent({ me, admin }: { me: PersonView; admin: boolean }) {
  const router = useRouter();
  const person = usePerson(me);
  const [open, setOpen] = useState(true);
  const [theme, setTheme] = useState<Theme>(currentTheme);
  return (
    <Menu
      label="App menu"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setTheme(currentTheme());
      }}
      trigger={<AppMenuButton />}
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
        icon={<ThemeIcon theme={theme} />}
        aria-label={`Theme: ${THEME_LABELS[theme]}. Change theme`}
        onSelect={(event) => {
          // Stays open: the person sees the theme change and can pick again.
          event.preventDefault();
          const value = nextTheme(currentTheme());
          applyTheme(value);
          setTheme(value);
        }}
      >
        {THEME_LABELS[theme]}
      </MenuItem>
      <MenuItem icon={<LogOut size={16} />} onSelect={() => void signOutHere()}>
        Sign out
      </MenuItem>
    </Menu>
  );
}
