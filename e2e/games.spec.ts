import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  conversationId,
  log,
  openConversation,
  personInBrowser,
  startDirect,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);

const card = (page: Page, game = 'Connect Four') =>
  log(page).getByRole('region', { name: `${game} game` });

/** Installs a watcher in `page` that records when an element with this accessible label appears. */
async function watchFor(page: Page, label: string) {
  await page.evaluate((l) => {
    const w = window as unknown as { __seenAt?: Promise<number> };
    w.__seenAt = new Promise<number>((resolve) => {
      const found = () => document.querySelector(`[aria-label="${l}"]`) !== null;
      if (found()) return resolve(Date.now());
      const observer = new MutationObserver(() => {
        if (!found()) return;
        observer.disconnect();
        resolve(Date.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, label);
}
const seenAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { __seenAt: Promise<number> }).__seenAt);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

test('Connect Four in a group: challenge, accept, play to a win with a live spectator, reload mid-game, keyboard moves; the move round trip is measured', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ana = await personInBrowser(browser, 'Ana Games');
  const ben = await personInBrowser(browser, 'Ben Games');
  const cy = await personInBrowser(browser, 'Cy Games');
  await startGroup(ana.page, 'Game Night', [ben.person.name, cy.person.name]);
  await openConversation(ben.page, 'Game Night');
  await openConversation(cy.page, 'Game Night');

  // Ana challenges Ben from the Games dialog.
  await ana.page.getByRole('button', { name: 'Games' }).click();
  const dialog = ana.page.getByRole('dialog', { name: 'Start a game' });
  await dialog.getByRole('radio', { name: /Connect Four/ }).check();
  await dialog.getByLabel('Opponent').selectOption({ label: ben.person.name });
  await dialog.getByRole('button', { name: 'Challenge' }).click();
  await expect(dialog).toBeHidden();

  // The card speaks from each viewer's side.
  await expect(card(ben.page)).toContainText('Ana Games challenged You to Connect Four');
  await expect(card(cy.page)).toContainText('Ana Games challenged Ben Games to Connect Four');
  await expect(card(cy.page).getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await card(ben.page).getByRole('button', { name: 'Accept' }).click();
  await expect(card(ana.page).getByTestId('game-status')).toContainText('Your turn');
  await expect(card(ben.page).getByTestId('game-status')).toContainText('Ana Games’s turn');

  // Ana stacks column 4, Ben column 5; each drop is timed until the other's board shows it.
  const samples: number[] = [];
  const plays: [typeof ana, typeof ben, number, number, string][] = [
    [ana, ben, 4, 6, 'red'],
    [ben, ana, 5, 6, 'yellow'],
    [ana, ben, 4, 5, 'red'],
    [ben, ana, 5, 5, 'yellow'],
    [ana, ben, 4, 4, 'red'],
    [ben, ana, 5, 4, 'yellow'],
    [ana, ben, 4, 3, 'red'],
  ];
  for (const [i, [mover, other, column, row, colour]] of plays.entries()) {
    const cell = `Row ${row}, column ${column}, ${colour}`;
    await expect(card(mover.page).getByTestId('game-status')).toContainText('Your turn');
    await watchFor(other.page, cell);
    const drop = card(mover.page).getByRole('button', { name: `Drop in column ${column}` });
    const started = Date.now();
    if (i % 2 === 1) {
      // Ben plays by keyboard only: focus the column's button and press Enter.
      await drop.focus();
      await mover.page.keyboard.press('Enter');
    } else await drop.click();
    samples.push((await seenAt(other.page)) - started);
    // The spectator's board moves live too.
    await expect(card(cy.page).getByRole('img', { name: cell })).toBeVisible();

    if (i === 2) {
      // Ben reloads mid-game: the board comes back from the stored game.
      await ben.page.reload();
      await expect(card(ben.page).getByRole('img', { name: cell })).toBeVisible();
      await expect(card(ben.page).getByTestId('game-status')).toContainText('Your turn');
    }
  }

  await expect(card(ana.page).getByTestId('game-status')).toHaveText('You won');
  await expect(card(ben.page).getByTestId('game-status')).toHaveText('Ana Games won');
  await expect(card(cy.page).getByTestId('game-status')).toHaveText('Ana Games won');
  await expect(
    log(ana.page).getByText(/^You won Connect Four against Ben Games in 7 moves/),
  ).toBeVisible();
  await expect(
    log(ben.page).getByText(/^Ana Games won Connect Four against You in 7 moves/),
  ).toBeVisible();
  await expect(card(ben.page).getByRole('button', { name: 'Rematch' })).toBeVisible();
  await expect(card(cy.page).getByRole('button', { name: 'Rematch' })).toHaveCount(0);

  // Stats: Ana's record and the group's leaderboard in the Games dialog.
  await ana.page.getByRole('button', { name: 'Games' }).click();
  const games = ana.page.getByRole('dialog', { name: 'Start a game' });
  await expect(games.getByRole('region', { name: 'Your record' })).toContainText(
    'Connect Four1216 · 1W 0L 0D',
  );
  const board = games.getByRole('region', { name: 'Leaderboard' }).getByRole('listitem');
  await expect(board).toHaveText(['Ana Games1216 · 1W 0L 0D', 'Ben Games1184 · 0W 1L 0D']);
  await ana.page.keyboard.press('Escape');
  // …and in her profile card, which Ben opens from the member list.
  await ben.page.getByRole('button', { name: 'Conversation details' }).click();
  const details = ben.page.getByRole('dialog', { name: 'Game Night: details' });
  await details.getByRole('button', { name: 'Profile of Ana Games' }).click();
  await expect(
    details
      .getByRole('region', { name: 'Profile of Ana Games' })
      .getByRole('region', { name: 'Game record' }),
  ).toContainText('Connect Four1216 · 1W 0L 0D');
  await ben.page.keyboard.press('Escape');

  const median = p50(samples);
  console.log(
    `game move round trip (click → other player's board): p50 ${median} ms, samples ${samples.join(', ')}`,
  );
  test.info().annotations.push({ type: 'move round trip p50 (ms)', description: String(median) });
});

test('a turn timer that runs out ends the game: the player who did not move loses', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Timer');
  const ben = await personInBrowser(browser, 'Ben Timer');
  await startDirect(ana.page, ben.person.name);
  const id = await conversationId(ana.page, ben.person.name);
  // A 3-second turn, through the API (the dialog offers the default minute).
  const status = await ana.page.evaluate(async (conversation) => {
    const res = await fetch(`/api/v1/conversations/${conversation}/games`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'tictactoe', turnSeconds: 3 }),
    });
    return res.status;
  }, id);
  expect(status).toBe(201);
  await openConversation(ben.page, ana.person.name);
  await card(ben.page, 'Tic-tac-toe').getByRole('button', { name: 'Accept' }).click();
  await expect(card(ana.page, 'Tic-tac-toe').getByTestId('game-status')).toContainText('Your turn');
  await expect(card(ben.page, 'Tic-tac-toe').getByTestId('game-status')).toHaveText(
    'You won on time',
    { timeout: 20_000 },
  );
  await expect(card(ana.page, 'Tic-tac-toe').getByTestId('game-status')).toHaveText(
    'Ben Timer won on time',
  );
});

test('chess against Parley AI: three moves, three replies', async ({ browser }) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Chess');
  const ben = await personInBrowser(browser, 'Ben Chess');
  await startDirect(ana.page, ben.person.name);
  await ana.page.getByRole('button', { name: 'Games' }).click();
  const dialog = ana.page.getByRole('dialog', { name: 'Start a game' });
  await dialog.getByRole('radio', { name: /Chess/ }).check();
  await dialog.getByLabel('Opponent').selectOption({ label: 'Parley AI' });
  await dialog.getByLabel('Difficulty').selectOption('easy');
  await dialog.getByRole('button', { name: 'Challenge' }).click();

  const chess = card(ana.page, 'Chess');
  await expect(chess.getByTestId('game-status')).toContainText('Your turn');
  const gameId = await chess.getAttribute('data-game-id');
  const moveCount = () =>
    ana.page.evaluate(async (g) => {
      const res = await fetch(`/api/v1/games/${g}`);
      return ((await res.json()) as { game: { moves: string[] } }).game.moves.length;
    }, gameId);

  const moves: [string, string][] = [
    ['e2, white pawn', 'e4'],
    ['g1, white knight', 'f3'],
    ['b1, white knight', 'c3'],
  ];
  for (const [i, [from, to]] of moves.entries()) {
    await chess.getByRole('button', { name: from }).click();
    await chess.getByRole('button', { name: new RegExp(`^${to}`) }).click();
    // Parley AI replies within a second or so (through its job).
    await expect.poll(moveCount, { timeout: 10_000 }).toBe(2 * (i + 1));
    await expect(chess.getByTestId('game-status')).toContainText('Your turn');
  }
});
