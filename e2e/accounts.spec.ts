import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import { newPerson, openSettings, signIn, signUp } from './fixtures/people';

test('sign up, sign out, and sign in again', async ({ page }) => {
  const ana = newPerson('Ana Lopez');
  await signUp(page, ana);
  await openSettings(page);
  await expect(page.getByText(`Signed in as ${ana.email}`)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);

  await signIn(page, ana);
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await expect(page).toHaveURL(/\/chats$/);
});

test('a wrong password gets a clear message, and the same one as an unknown email', async ({
  page,
}) => {
  const ben = newPerson('Ben Wrong');
  await signUp(page, ben);
  await openSettings(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();

  await signIn(page, { email: ben.email, password: 'not-the-password' });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }),
  ).toBeVisible();
  await signIn(page, { email: 'nobody-here@example.com', password: 'whatever-it-is' });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }),
  ).toBeVisible();
});

test('sign-up shows what is wrong next to each field, and a taken email', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();

  const cy = newPerson('Cy Taken');
  await signUp(page, cy);
  await openSettings(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Cy Again');
  await page.getByLabel('Email').fill(cy.email.toUpperCase());
  await page.getByLabel('Password').fill('another-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'An account with this email already exists' }),
  ).toBeVisible();
});

test('a signed-out person is sent to sign-in and back to the page they asked for', async ({
  page,
}) => {
  const dee = newPerson('Dee Return');
  await signUp(page, dee);
  await openSettings(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await page.goto('/settings?tab=tokens');
  await expect(page).toHaveURL(/callbackUrl=%2Fsettings%3Ftab%3Dtokens/);
  await signIn(page, dee, { navigate: false });
  await expect(page).toHaveURL(/\/settings\?tab=tokens$/);
});

test('a profile change and a new avatar persist after reload', async ({ page }) => {
  await signUp(page, newPerson('Eve Profile'));
  await openSettings(page);
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Name').fill('Eve Renamed');
  await profile.getByLabel('Status').fill('Reviewing pull requests');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved').first()).toBeVisible();

  const png = await sharp({
    create: { width: 400, height: 300, channels: 3, background: '#3366cc' },
  })
    .png()
    .toBuffer();
  await page
    .getByLabel('Avatar')
    .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('Avatar updated').first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole('form', { name: 'Profile' }).getByLabel('Name')).toHaveValue(
    'Eve Renamed',
  );
  await expect(page.getByLabel('Status')).toHaveValue('Reviewing pull requests');
  const avatar = page.getByRole('img', { name: 'Eve Renamed' }).first();
  await expect(avatar).toHaveAttribute('src', /\/api\/v1\/users\/u_[a-z0-9]+\/avatar\?v=/);
  // The image really loads (decoded by the browser), at the size the server made.
  await expect
    .poll(() => avatar.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBe(256);
  if (process.env.UPDATE_SCREENSHOTS)
    await page.screenshot({ path: 'docs/screenshot-settings.png', fullPage: true });
});

test('an avatar that is not an image is refused with a clear message', async ({ page }) => {
  await signUp(page, newPerson('Fay Upload'));
  await openSettings(page);
  await page.getByLabel('Avatar').setInputFiles({
    name: 'evil.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Upload a PNG, JPEG, WebP or GIF image.' }),
  ).toBeVisible();
});

test('an API token works until it is revoked', async ({ page, playwright }) => {
  await signUp(page, newPerson('Gus Tokens'));
  await openSettings(page);
  await page.getByLabel('Token name').fill('deploy bot');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('New token').inputValue();
  expect(token).toMatch(/^plk_/);
  await expect(page.getByRole('list', { name: 'API tokens' })).toContainText('deploy bot');

  // A script with no cookies, only the token.
  const api = await playwright.request.newContext({ baseURL: page.url() });
  const me = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.name).toBe('Gus Tokens');

  await page.getByRole('button', { name: 'Revoke deploy bot' }).click();
  await expect(page.getByText('No API tokens yet')).toBeVisible();
  const after = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('unauthorized');
  await api.dispose();
});

test('signing out of all devices ends other sessions too', async ({ browser }) => {
  const hal = newPerson('Hal Everywhere');
  const laptop = await browser.newPage();
  await signUp(laptop, hal);
  await openSettings(laptop);
  const phone = await browser.newPage();
  await signIn(phone, hal);
  await expect(phone.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  await laptop.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(laptop.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Sign in to Parley' })).toBeVisible();
});
