import { expect, test, type Page } from '@playwright/test';

import { closePeople, personInBrowser } from './fixtures/chat';
import { openSettings } from './fixtures/people';

test.afterEach(closePeople);

/**
 * Chromium here cannot reach a real push service (no internet), so the browser's subscribe()
 * is replaced by one that returns a subscription for an unreachable endpoint. Everything else is
 * real: the service worker, the permission, the API calls, and the worker's `push` handler,
 * which gets a push through the DevTools protocol exactly as a push service would deliver it.
 */
async function fakePushService(page: Page) {
  await page.addInitScript(() => {
    const KEY = 'parley-e2e-push-subscription';
    const make = (endpoint: string, key: ArrayBuffer | null) => ({
      endpoint,
      expirationTime: null,
      options: { applicationServerKey: key, userVisibleOnly: true },
      toJSON: () => ({
        endpoint,
        expirationTime: null,
        // A real P-256 point and 16-byte secret, base64url (what browsers send).
        keys: {
          p256dh:
            'BBqwk3igDUJYbkdoSpVa3lPcOouaN5g_roT1RworpwXAS1tA5eplC9caAB-fSYT_8UqM_blNd31FNRchN1nbjOM',
          auth: 'e7o-eoaMwnV_yRzs63y38A',
        },
      }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    const saved = () => {
      const endpoint = localStorage.getItem(KEY);
      return endpoint ? make(endpoint, null) : null;
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const endpoint = `https://push.parley-e2e.invalid/send/${crypto.randomUUID()}`;
      localStorage.setItem(KEY, endpoint);
      const key = options?.applicationServerKey;
      return make(endpoint, key instanceof ArrayBuffer ? key : null) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => saved() as unknown as PushSubscription;
  });
}

const pushSwitch = (page: Page) =>
  page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('switch', { name: /Push notifications/ });

const savedEndpoints = async (page: Page) => {
  const res = await page.request.get('/api/v1/push/subscriptions');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { subscriptions: { endpoint: string }[] };
  return body.subscriptions.map((s) => s.endpoint);
};

test('the push switch subscribes and unsubscribes; the service worker shows a push', async ({
  browser,
}) => {
  const kim = await personInBrowser(browser, 'Kim Push');
  const { page } = kim;
  await page.context().grantPermissions(['notifications']);
  await fakePushService(page);
  await openSettings(page);
  await page.reload();

  await expect(pushSwitch(page)).not.toBeChecked();
  // A controlled switch: it turns on once the subscription is saved.
  await pushSwitch(page).click();
  await expect(pushSwitch(page)).toBeChecked();
  const [endpoint] = await savedEndpoints(page);
  expect(endpoint).toMatch(/^https:\/\/push\.parley-e2e\.invalid\/send\//);
  await page.reload();
  await expect(pushSwitch(page)).toBeChecked();

  // A push as the push service delivers it: the worker shows it with its title and body.
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.endsWith('/') && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(page.url()).origin,
    registrationId: await registrationId,
    data: JSON.stringify({
      title: 'Lee Push sent you a message',
      body: 'Are you coming?',
      url: '/chats',
      tag: 'c_test',
    }),
  });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => `${n.title}: ${n.body}`);
      }),
    )
    .toContain('Lee Push sent you a message: Are you coming?');

  await pushSwitch(page).click();
  await expect(pushSwitch(page)).not.toBeChecked();
  await expect.poll(() => savedEndpoints(page)).toEqual([]);
});
