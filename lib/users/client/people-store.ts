import 'client-only';

import { create } from 'zustand';

export type PersonView = {
  id: string;
  name: string;
  image: string | null;
  statusText: string | null;
};

type PeopleState = {
  people: Record<string, PersonView>;
  upsert: (person: PersonView) => void;
};

/** What we know live about people (from `user.updated` events); server props are the fallback. */
export const usePeopleStore = create<PeopleState>((set) => ({
  people: {},
  upsert: (person) => set((s) => ({ people: { ...s.people, [person.id]: person } })),
}));

export function usePerson(fallback: PersonView): PersonView {
  return usePeopleStore((s) => s.people[fallback.id]) ?? fallback;
}
