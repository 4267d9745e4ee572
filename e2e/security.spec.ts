import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';

import { newPerson, openSettings, signIn, signUp, type Person } from './fixtures/people';

/**
 * Security of accounts, as a person (and an attacker) would meet it in the browser: redirects
 * after sign-in stay on Parley, two-factor sign-in from set-up to turning it off, and signing
 * one device out from another.
 */

async function signOutHere(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** The form's own alert (Next.js keeps an empty route announcer with role alert too). */
const codeAlert = (page: Page) =>
  page.getByRole('form', { name: 'Two-factor code' }).getByRole('alert');

test.describe('open redirect (issue #17, finding 2)', () => {
  const hostile = '/%09/evil.test/phish';

  test('signing in through the form never leaves Parley', async ({ page }) => {
    const ana = newPerson('Ana Redirect');
    await signUp(page, ana);
    await signOutHere(page);
    await page.goto(`/sign-in?callbackUrl=${hostile}`);
    await signIn(page, ana, { navigate: false });
    await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

    // Already signed in: the page redirects at once, and stays home too.
    await page.goto(`/sign-in?callbackUrl=${hostile}`);
    await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });

  test('callback values that once made a 500 are answered without one', async ({ page }) => {
    for (const value of [
      '%0a',
      '%0d',
      '%E3%80%82',
      '/%0a/evil.test',
      '/\\evil.test',
      '//evil.test',
    ]) {
      const res = await page.request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
      expect(res.status(), value).toBeLessThan(500);
      const location = res.headers()['location'];
      if (location) expect(new URL(location, 'http://parley.test').host, value).toBe('parley.test');
    }
  });
});

test('two-factor sign-in: set up, sign in with a code, recovery codes once each, turn off', async ({
  page,
}) => {
  const bo: Person = newPerson('Bo Twofactor');
  await signUp(page, bo);
  await openSettings(page);
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  // The test is the authenticator app: it reads the setup key the page shows.
  const secret = (await page.getByLabel('Setup key').textContent())!.trim();
  await page.getByLabel('Code from your app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  // allTextContents() does not wait: first wait for the list the confirmation answers with.
  const codeItems = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allTextContents();
  await page.getByRole('button', { name: 'I saved my recovery codes' }).click();
  await expect(page.getByText('10 recovery codes left')).toBeVisible();

  // Password, then a code: a wrong one is refused and no session is given.
  await signOutHere(page);
  await signIn(page, bo);
  await enterCode(page, '000000');
  await expect(codeAlert(page)).toContainText('That code is not right');
  await page.goto('/chats');
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await signIn(page, bo, { navigate: false });
  // The code that turned it on was this 30-second step's: the app's next one is accepted
  // (one step of clock drift) and has not been used yet.
  await enterCode(page, await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  // A recovery code signs in once.
  await signOutHere(page);
  await signIn(page, bo);
  await enterCode(page, codes[0]!);
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await signOutHere(page);
  await signIn(page, bo);
  await enterCode(page, codes[0]!);
  await expect(codeAlert(page)).toContainText('That code is not right');
  await enterCode(page, codes[1]!);
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  // Turning it off needs a code too.
  await openSettings(page);
  await page.getByLabel('Code to turn off').fill('aaaaa-aaaaa');
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(
    page.getByRole('form', { name: 'Turn off two-factor sign-in' }).getByRole('alert'),
  ).toContainText('That code is not right');
  await page.getByLabel('Code to turn off').fill(codes[2]!);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible();
  await signOutHere(page);
  await signIn(page, bo);
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
});

test('signing one device out from another', async ({ browser }) => {
  const cy = newPerson('Cy Devices');
  const laptop = await (await browser.newContext()).newPage();
  await signUp(laptop, cy);
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, cy);
  await expect(phone.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  await openSettings(laptop);
  const devices = laptop.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'this device' })).toHaveCount(1);
  await devices
    .filter({ hasNotText: 'this device' })
    .getByRole('button', { name: /^Sign out / })
    .click();
  await expect(devices).toHaveCount(1);

  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await laptop.reload();
  await expect(laptop.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
