'use client';

import { lazy } from 'react';

import { AppMenuButton } from '@/components/app-menu-button';
import { OnDemand } from '@/components/ui/on-demand';
import type { PersonView } from '@/lib/users/client/people-store';

// The menu (Radix Menu, the theme switch) loads on the first press of its button: the button is
// on every signed-in page, and shown only at phone width.
const loadContent = () => import('./app-menu-content');
const AppMenuContent = lazy(() => loadContent().then((m) => ({ default: m.AppMenuContent })));

/** The header at phone width: the app's pages, the theme and signing out, in one menu. */
export function AppMenu({ me, admin }: { me: PersonView; admin: boolean }) {
  return (
    <OnDemand load={loadContent} standIn={(props) => <AppMenuButton {...props} />}>
      <AppMenuContent me={me} admin={admin} />
    </OnDemand>
  );
}
