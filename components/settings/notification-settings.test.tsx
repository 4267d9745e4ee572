import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { digestSwitchView, NotificationSettingsForm } from './notification-settings';

describe('the email digest switch', () => {
  it('follows the saved choice while notifications are on', () => {
    expect(
      digestSwitchView({ level: 'all', emailDigest: true, doNotDisturb: false }),
    ).toMatchObject({
      checked: true,
      disabled: false,
    });
    expect(
      digestSwitchView({ level: 'mentions', emailDigest: false, doNotDisturb: false }),
    ).toMatchObject({
      checked: false,
      disabled: false,
    });
  });

  it('shows off and locked, and says why, when the level is "Nothing"', () => {
    const view = digestSwitchView({ level: 'nothing', emailDigest: true, doNotDisturb: false });
    expect(view).toMatchObject({ checked: false, disabled: true });
    expect(view.hint).toContain('Nothing');
  });

  it('renders the locked switch for "Nothing"', () => {
    const html = renderToStaticMarkup(
      <NotificationSettingsForm
        initial={{ level: 'nothing', emailDigest: true, doNotDisturb: false }}
      />,
    );
    expect(html).toMatch(/<input[^>]*role="switch"[^>]*aria-checked="false"[^>]*disabled=""/);
    expect(html).toContain('Off while');
  });
});
