'use client';

import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { updatePrivacyEndpoint } from '@/lib/users/endpoints';

/** Settings → Privacy: whether people who type your full email address find you. */
export function PrivacySection({ initial }: { initial: { findableByEmail: boolean } }) {
  const [findable, setFindable] = useState(initial.findableByEmail);
  const [message, setMessage] = useState<string | null>(null);

  async function save(next: boolean) {
    setMessage(null);
    setFindable(next);
    try {
      const res = await callEndpoint(updatePrivacyEndpoint, { body: { findableByEmail: next } });
      setFindable(res.findableByEmail);
    } catch (error) {
      setFindable(!next);
      setMessage(error instanceof ApiClientError ? error.message : 'Could not save. Try again.');
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={message} />
      <label className="flex cursor-pointer items-start gap-2">
        <input
          type="checkbox"
          role="switch"
          checked={findable}
          aria-checked={findable}
          onChange={(e) => void save(e.target.checked)}
          className="mt-1"
        />
        <span>
          <span className="block text-sm">Let people find me by email</span>
          <span className="block text-xs text-muted">
            Off: only people who already share a conversation with you can find you by your email
            address. Anyone can find you by name.
          </span>
        </span>
      </label>
    </div>
  );
}
