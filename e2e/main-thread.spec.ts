import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  conversationId,
  messageRow,
  openConversation,
  personInBrowser,
  seedMessages,
  send,
  startDirect,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);
// Playwright's trace takes DOM snapshots on the page's own main thread: they would be long tasks.
test.use({ trace: 'off' });

type Task = { start: number; duration: number };

/** Starts recording the page's long tasks (main-thread work of 50 ms or more, Chromium). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: Task[] = [];
    (window as unknown as { __longTasks: Task[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The long tasks that started between `from` and `to` (the page's clock). */
async function longTasksBetween(page: Page, from: number, to: number): Promise<Task[]> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: Task[] }).__longTasks,
  );
  return tasks.filter((t) => t.start >= from && t.start <= to);
}

const describeTasks = (tasks: Task[]) =>
  tasks.length === 0
    ? 'none (no task of 50 ms or more)'
    : `${tasks.length}, longest ${Math.round(Math.max(...tasks.map((t) => t.duration)))} ms`;

/**
 * #18's goal is no long task at all (nothing blocks the main thread for 50 ms). On a quiet 2-core
 * machine (2026-12-06) it is met since rows keep their items and Intl formatters are made once:
 * opening and receiving, no task of 50 ms (before: opening 56–73 ms, receiving up to 59 ms). A
 * machine busy with other work (CI runs other suites beside this one) stretches tasks, so the
 * test prints the figures and fails only past LIMIT_MS, which a regression (say, every row
 * rendered, or Markdown parsed for all 80 at once) would cross.
 */
const LIMIT_MS = 200;

test("opening a conversation of 80 messages and receiving one: the main thread's long tasks, printed and bounded", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ana = await personInBrowser(browser, 'Ana Longtask');
  const ben = await personInBrowser(browser, 'Ben Longtask');
  await startDirect(ben.page, ana.person.name);
  const id = await conversationId(ben.page, ana.person.name);
  // History with the usual mix: Markdown, a link, code, emoji.
  await seedMessages([ben.page, ana.page], id, 80, (i) =>
    i % 4 === 0
      ? `**Point ${i}**: see https://example.com/${i} and \`code ${i}\` 🎉`
      : `Message number ${i} about the launch plan`,
  );
  // Ana is elsewhere (another conversation, loaded and settled) when she opens Ben's.
  await startGroup(ana.page, 'Longtask elsewhere', [ben.person.name]);
  // Ben's sends are limited to 20 per 10 s, and the seed used his: the live message below must
  // not wait for the limit.
  await ana.page.waitForTimeout(10_000);
  await recordLongTasks(ana.page);

  const beforeOpen = await pageNow(ana.page);
  await openConversation(ana.page, ben.person.name);
  await expect(messageRow(ana.page, 'Message number 79 about the launch plan')).toBeVisible();
  await ana.page.waitForTimeout(500); // whatever the open set off (read marks, effects) runs
  const opened = await pageNow(ana.page);

  await send(ben.page, 'A new message arrives');
  await expect(messageRow(ana.page, 'A new message arrives')).toBeVisible();
  await ana.page.waitForTimeout(500);
  const received = await pageNow(ana.page);

  const opening = await longTasksBetween(ana.page, beforeOpen, opened);
  const receiving = await longTasksBetween(ana.page, opened, received);
  console.log(
    `main thread: opening the conversation: long tasks ${describeTasks(opening)}; receiving a message: ${describeTasks(receiving)}`,
  );
  const longest = (tasks: Task[]) => Math.max(0, ...tasks.map((t) => t.duration));
  expect(longest(opening)).toBeLessThan(LIMIT_MS);
  expect(longest(receiving)).toBeLessThan(LIMIT_MS);
});
