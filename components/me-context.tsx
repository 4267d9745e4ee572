'use client';

import { createContext, useContext, type ReactNode } from 'react';

import type { PersonView } from '@/lib/users/client/people-store';

const MeContext = createContext<PersonView | null>(null);

/** The signed-in person, for client components (set once by the app layout). */
export function MeProvider({ me, children }: { me: PersonView; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): PersonView {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}
