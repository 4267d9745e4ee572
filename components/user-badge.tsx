'use client';

import { Avatar } from '@/components/ui/avatar';
import { usePerson, type PersonView } from '@/lib/users/client/people-store';

/** The signed-in person in the header; follows live profile changes from other tabs. */
export function UserBadge({ me }: { me: PersonView }) {
  const person = usePerson(me);
  return (
    <span className="flex items-center gap-2 text-sm" aria-label="Signed-in person">
      <Avatar name={person.name} src={person.image} size={28} />
      <span className="flex flex-col leading-tight">
        <span>{person.name}</span>
        {person.statusText ? (
          <span className="max-w-40 truncate text-xs text-muted" data-testid="my-status">
            {person.statusText}
          </span>
        ) : null}
      </span>
    </span>
  );
}
