import { expect, test } from '@playwright/test';
import { personInBrowser, send, startDirect } from './fixtures/chat';
test('shot', async ({ browser }) => {
  const ana = await personInBrowser(browser, 'Ana Shot');
  await startDirect(ana.page, 'Parley AI');
  for (let i = 0; i < 12; i++) await send(ana.page, `filler message ${i}`);
  await ana.page.waitForTimeout(6000);
  await send(ana.page, 'hello there');
  const draft = ana.page.getByRole('status', { name: 'Parley AI is replying' });
  await expect(draft).toContainText('You said');
  await ana.page.screenshot({ path: '/tmp/x/draft.png' });
  await expect(draft).toHaveCount(0, { timeout: 15000 });
  await ana.page.waitForTimeout(500);
  await ana.page.screenshot({ path: '/tmp/x/final.png' });
  await ana.page.getByRole('button', { name: 'New message' }).click();
  await ana.page.getByRole('dialog', { name: 'New message' }).getByLabel('Find a person').fill('Parl');
  await ana.page.waitForTimeout(800);
  await ana.page.screenshot({ path: '/tmp/x/dialog.png' });
});
