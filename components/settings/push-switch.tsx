'use client';

import { useEffect, useId, useState } from 'react';

import { ApiClientError } from '@/lib/api/client';
import {
  BLOCKED_MESSAGE,
  disablePush,
  enablePush,
  isPushEnabled,
  PushSetupError,
  pushSupport,
  UNSUPPORTED_MESSAGE,
} from '@/lib/push/client/client';

export type PushStatus = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on' | 'saving';

/** What the switch shows for a status: pure, so each case is tested without a browser. */
export function pushSwitchView(status: PushStatus): {
  checked: boolean;
  disabled: boolean;
  hint: string;
} {
  switch (status) {
    case 'checking':
      return { checked: false, disabled: true, hint: 'Checking this browser…' };
    case 'unsupported':
      return { checked: false, disabled: true, hint: UNSUPPORTED_MESSAGE };
    case 'blocked':
      return { checked: false, disabled: true, hint: BLOCKED_MESSAGE };
    case 'saving':
      return { checked: false, disabled: true, hint: 'Saving…' };
    case 'on':
      return {
        checked: true,
        disabled: false,
        hint: 'This browser shows a notification for new mentions and direct messages while Parley is closed.',
      };
    case 'off':
      return {
        checked: false,
        disabled: false,
        hint: 'Get a notification on this device for new mentions and direct messages, even while Parley is closed.',
      };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof PushSetupError || error instanceof ApiClientError) return error.message;
  return 'Could not change push notifications. Try again.';
}

/** The switch's state from the browser (and the server, for whether it has the subscription). */
async function readPushStatus(): Promise<{ status: PushStatus; error: string | null }> {
  const support = pushSupport();
  if (support !== 'supported') return { status: support, error: null };
  try {
    return { status: (await isPushEnabled()) ? 'on' : 'off', error: null };
  } catch (err) {
    return { status: 'off', error: messageOf(err) };
  }
}

/**
 * The "Push notifications" switch for this browser. Reflects the real state: on only when the
 * browser holds a subscription the server has saved for this person. No props.
 */
export function PushSwitch() {
  const id = useId();
  const [status, setStatus] = useState<PushStatus>('checking');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readPushStatus().then((next) => {
      if (!live) return;
      setStatus(next.status);
      setError(next.error);
    });
    return () => {
      live = false;
    };
  }, []);

  async function toggle(on: boolean) {
    setStatus('saving');
    setError(null);
    let failure: string | null = null;
    try {
      await (on ? enablePush() : disablePush());
    } catch (err) {
      // Blocked just now: the switch's own hint says so, once.
      if (!(err instanceof PushSetupError && err.message === BLOCKED_MESSAGE))
        failure = messageOf(err);
    }
    const next = await readPushStatus();
    setStatus(next.status);
    setError(failure ?? next.error);
  }

  const view = pushSwitchView(status);
  return (
    <div className="flex flex-col gap-2">
      <label className="flex cursor-pointer items-start gap-2 has-[:disabled]:cursor-not-allowed">
        <input
          type="checkbox"
          role="switch"
          checked={view.checked}
          aria-checked={view.checked}
          disabled={view.disabled}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void toggle(e.target.checked)}
          className="mt-1"
        />
        <span>
          <span className="block text-sm">Push notifications</span>
          <span id={`${id}-hint`} className="block text-xs text-muted">
            {view.hint}
          </span>
        </span>
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
