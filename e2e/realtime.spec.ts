import { expect, test } from '@playwright/test';

import { newPerson, openSettings, signUp } from './fixtures/people';

test("a profile change shows live in the person's other tab, through PartyKit", async ({
  context,
}) => {
  const first = await context.newPage();
  await signUp(first, newPerson('Ivy Tabs'));
  await openSettings(first);
  const second = await context.newPage();
  await second.goto('/settings');
  const badge = second.getByLabel('Signed-in person');
  await expect(badge).toContainText('Ivy Tabs');
  await expect(second.locator('[data-realtime="open"]')).toBeAttached();

  const profile = first.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Name').fill('Ivy Renamed');
  await profile.getByRole('button', { name: 'Save profile' }).click();

  await expect(badge).toContainText('Ivy Renamed');
});

test('a page brings its inbox token: loading the app connects live without asking for one', async ({
  context,
}) => {
  const page = await context.newPage();
  await signUp(page, newPerson('Ivy Token'));
  const tokenRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/realtime/token')) tokenRequests.push(r.postData() ?? '');
  });
  await page.goto('/chats');
  await expect(page.locator('[data-realtime="open"]')).toBeAttached();
  expect(tokenRequests.filter((body) => body.includes('"inbox"'))).toEqual([]);
});
