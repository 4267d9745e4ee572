'use client';

import { useEffect, useId, useState } from 'react';

import { ApiClientError } from '@/lib/api/client';
import type { ConversationWire } from '@/lib/chat/wire';
import { loadPins, setPinPolicy, usePinsStore } from '@/lib/pins/client/pins-store';
import type { PinPolicyWire } from '@/lib/pins/schemas';
import { toast } from '@/lib/ui/client/toast-store';

const CHOICES: { value: PinPolicyWire; label: string }[] = [
  { value: 'admins_and_author', label: 'Admins and the message’s author' },
  { value: 'everyone', label: 'Everyone' },
];

/**
 * "Who can pin messages" in a group's details: the owner and admins choose (the route refuses
 * anyone else with 403); members see the choice, unchangeable.
 */
export function PinPolicySetting({
  conversation,
  canManage,
}: {
  conversation: ConversationWire;
  canManage: boolean;
}) {
  const name = useId();
  const policy = usePinsStore((s) => s.byConversation[conversation.id]?.policy);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!usePinsStore.getState().byConversation[conversation.id])
      void loadPins(conversation.id).catch(() => undefined);
  }, [conversation.id]);
  if (conversation.kind !== 'group' || !policy) return null;

  async function choose(next: PinPolicyWire) {
    setSaving(true);
    try {
      await setPinPolicy(conversation.id, next);
    } catch (err) {
      toast({
        title: 'Could not change who can pin',
        description: err instanceof ApiClientError ? err.message : 'Try again.',
        variant: 'error',
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <fieldset className="flex flex-col gap-1 text-sm" disabled={!canManage || saving}>
      <legend className="mb-1 font-semibold">Who can pin messages</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={policy === choice.value}
            onChange={() => void choose(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {canManage ? null : (
        <p className="text-xs text-muted">Only the group’s owner and admins can change this.</p>
      )}
    </fieldset>
  );
}
