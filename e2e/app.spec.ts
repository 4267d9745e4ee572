import { expect, test } from '@playwright/test';

test('the landing page opens with a way to sign up and sign in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Conversations that keep up with you/,
  );
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
    'href',
    '/sign-up',
  );
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  if (process.env.UPDATE_SCREENSHOTS)
    await page.screenshot({ path: 'docs/screenshot-landing.png' });
});

test('every page carries the security headers', async ({ page }) => {
  const res = await page.goto('/');
  const headers = res?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=(self)');
  expect(headers['permissions-policy']).toContain('microphone=(self)');
});

test('the theme toggle switches light and dark and the choice survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  const html = page.locator('html');
  await page.getByRole('button', { name: /change theme/i }).click();
  await expect(html).toHaveClass(/light/);
  await page.getByRole('button', { name: /change theme/i }).click();
  await expect(html).toHaveClass(/dark/);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await page.getByRole('button', { name: /change theme/i }).click();
  await expect(html).not.toHaveClass(/dark|light/);
});

test('the health endpoint sees the store and PartyKit of the running app', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({
    status: 'ok',
    checks: { store: { status: 'up' }, realtime: { status: 'up' } },
  });
});

test('the API documentation page renders the OpenAPI document', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'API documentation' }).click();
  await expect(page.getByRole('heading', { name: 'Parley API' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'POST /api/v1/auth/signup' })).toContainText(
    'Create an account',
  );
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe('3.1.0');
});
