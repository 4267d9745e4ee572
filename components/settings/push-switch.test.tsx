import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { BLOCKED_MESSAGE, UNSUPPORTED_MESSAGE } from '@/lib/push/client/client';

import { PushSwitch, pushSwitchView } from './push-switch';

describe('PushSwitch', () => {
  it('renders a disabled "Push notifications" switch until the browser has been checked', () => {
    const html = renderToStaticMarkup(<PushSwitch />);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*role="switch"/);
    expect(html).toMatch(/<input[^>]*disabled=""/);
    expect(html).toMatch(/aria-checked="false"/);
    expect(html).toContain('Push notifications');
    expect(html).toContain('Checking this browser');
  });

  it.each([
    ['unsupported', false, true, UNSUPPORTED_MESSAGE],
    ['blocked', false, true, BLOCKED_MESSAGE],
    ['saving', false, true, 'Saving…'],
    ['off', false, false, 'Get a notification'],
    ['on', true, false, 'This browser shows a notification'],
  ] as const)(
    'shows %s as checked=%s disabled=%s with its explanation',
    (status, checked, disabled, hint) => {
      const view = pushSwitchView(status);
      expect(view).toMatchObject({ checked, disabled });
      expect(view.hint).toContain(hint);
    },
  );
});
