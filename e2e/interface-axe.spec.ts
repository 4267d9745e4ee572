import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import {
  callView,
  closePeople,
  incomingCall,
  log,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';
import { signIn, type Person } from './fixtures/people';

mkdirSync('test-results', { recursive: true });

const ADMIN_FILE = 'test-results/axe-admin.json';

// Runs in both projects: desktop (chromium) and phone (390 × 844, touch).
test.afterEach(closePeople);

/** axe-core on the page as it is now, in light and in dark: no critical or serious violation. */
async function expectAccessible(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Let theme transitions settle before colours are measured.
    await page.waitForTimeout(150);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
      }));
    // Soft: one run reports every screen's problems, not just the first screen's.
    expect.soft(bad, `${where} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('axe finds no critical or serious problem on any screen, light and dark', async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  for (const [path, heading] of [
    ['/', /Conversations that keep up with you/],
    ['/sign-in', /Sign in/],
    ['/sign-up', /Create/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectAccessible(page, path);
  }

  // The first person to sign up on this server is its admin (the Jobs page).
  // Names differ per project: both projects sign people up on the same server.
  const tag = test.info().project.name;
  const ana = await personInBrowser(browser, `Ana Axe ${tag}`);
  const ben = await personInBrowser(browser, `Ben Axe ${tag}`);
  const p = ana.page;
  await expectAccessible(p, 'chats list');

  await startDirect(p, ben.person.name);
  await send(p, 'Hello **Ben**, here is the plan:');
  await send(p, '```ts\nconst plan = ["ship", "rest"];\n```');
  await send(p, '🎉');
  await expect(log(p).getByRole('button', { name: 'Copy' })).toBeVisible();
  await expectAccessible(p, 'open conversation');

  // Ben answers, so the call stays on (a ring ends after CALL_RING_TIMEOUT_MS) while axe runs.
  await p.getByRole('button', { name: 'Start voice call' }).click();
  await incomingCall(ben.page).getByRole('button', { name: 'Accept' }).click();
  await expect(callView(p)).toBeVisible();
  await expect(callView(ben.page)).toBeVisible();
  await expectAccessible(p, 'call');
  await callView(p).getByRole('button', { name: 'Hang up' }).click();
  await expect(callView(p)).toBeHidden();

  await p.goto('/settings');
  await expect(p.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(p, 'settings');

  // The Jobs page is for the server's admin: its first person to sign up. That is Ana when this
  // spec runs first on a fresh server, else the admin an earlier project's run recorded
  // (test-results/ is emptied per run). When neither, the page is the 404 and says so.
  const recorded = existsSync(ADMIN_FILE)
    ? (JSON.parse(readFileSync(ADMIN_FILE, 'utf8')) as Person)
    : null;
  if (recorded) {
    await p.context().clearCookies();
    await signIn(p, recorded);
    await expect(p.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  }
  await p.goto('/admin/jobs');
  const heading = p.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^(Jobs|Not found)$/);
  const admin = (await heading.textContent()) === 'Jobs';
  if (admin && !recorded) writeFileSync(ADMIN_FILE, JSON.stringify(ana.person));
  if (!admin)
    test.info().annotations.push({
      type: 'not checked',
      description: 'the Jobs page: someone else signed up first on this server',
    });
  await expectAccessible(p, admin ? 'admin jobs' : 'not found');
});
