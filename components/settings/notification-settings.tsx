'use client';

import { useState, type ReactNode } from 'react';

import { ApiClientError } from '@/lib/api/client';
import { saveNotificationSettings } from '@/lib/notifications/client/api-client';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';
import type { NotificationSettingsWire } from '@/lib/notifications/wire';
import { toast } from '@/lib/ui/client/toast-store';

const LEVELS: { value: NotificationSettingsWire['level']; label: string; hint: string }[] = [
  { value: 'all', label: 'All messages', hint: 'Every new message in your conversations.' },
  {
    value: 'mentions',
    label: 'Mentions and direct messages',
    hint: 'Direct messages, @mentions, replies to you and missed calls.',
  },
  { value: 'nothing', label: 'Nothing', hint: 'No notifications, pushes or emails.' },
];

/**
 * The email digest switch as the person should read it. The server sends no digest while the
 * level is "Nothing" (lib/email/server/digest.ts) whatever the switch says, so the switch then
 * shows off and cannot be turned on: a checked switch there would promise emails that never come.
 */
export function digestSwitchView(settings: NotificationSettingsWire): {
  checked: boolean;
  disabled: boolean;
  hint: string;
} {
  if (settings.level === 'nothing')
    return {
      checked: false,
      disabled: true,
      hint: 'Off while "Notify me about" is Nothing. Choose another level to get digests again.',
    };
  return {
    checked: settings.emailDigest,
    disabled: false,
    hint: "One email with the mentions and direct messages you haven't read after a few minutes away.",
  };
}

/**
 * What the person is notified about: the level (applies in the app, to pushes and to email) and
 * email digests. Saved on change; a failed save puts the previous choice back and says why.
 */
export function NotificationSettingsForm({
  initial,
  push,
}: {
  initial: NotificationSettingsWire;
  /** The web push switch, which needs the browser (lib/push/client/client.ts). */
  push?: ReactNode;
}) {
  const [settings, setSettings] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function save(change: Partial<NotificationSettingsWire>) {
    const before = settings;
    setSettings({ ...settings, ...change });
    try {
      const saved = await saveNotificationSettings(change);
      setSettings(saved);
      // This tab's sounds follow at once (other tabs at their next connect).
      useNotificationsStore.getState().setDoNotDisturb(saved.doNotDisturb);
      setError(null);
      toast({ title: 'Notification settings saved', variant: 'success' });
    } catch (err) {
      setSettings(before);
      setError(
        err instanceof ApiClientError ? err.message : 'Could not save. Check your connection.',
      );
    }
  }

  const digest = digestSwitchView(settings);
  return (
    <div className="flex flex-col gap-5">
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Notify me about</legend>
        {LEVELS.map((level) => (
          <label key={level.value} className="flex cursor-pointer items-start gap-2">
            <input
              type="radio"
              name="level"
              value={level.value}
              checked={settings.level === level.value}
              onChange={() => void save({ level: level.value })}
              className="mt-1"
            />
            <span>
              <span className="block text-sm">{level.label}</span>
              <span className="block text-xs text-muted">{level.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="flex cursor-pointer items-start gap-2">
        <input
          type="checkbox"
          role="switch"
          checked={settings.doNotDisturb}
          aria-checked={settings.doNotDisturb}
          onChange={(e) => void save({ doNotDisturb: e.target.checked })}
          className="mt-1"
        />
        <span>
          <span className="block text-sm">Do not disturb</span>
          <span className="block text-xs text-muted">
            No pushes and no sounds. Notifications still collect in the bell and the unread counts.
          </span>
        </span>
      </label>
      <label className="flex cursor-pointer items-start gap-2">
        <input
          type="checkbox"
          role="switch"
          checked={digest.checked}
          aria-checked={digest.checked}
          disabled={digest.disabled}
          onChange={(e) => void save({ emailDigest: e.target.checked })}
          className="mt-1"
        />
        <span>
          <span className="block text-sm">Email digests</span>
          <span className="block text-xs text-muted">{digest.hint}</span>
        </span>
      </label>
      {push}
    </div>
  );
}
