/**
 * public/sw.js run in a VM context with a stand-in `self`: what the browser would show for a
 * push, and where a click on it goes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

import { describe, expect, it } from 'vitest';

const source = readFileSync(path.join(process.cwd(), 'public/sw.js'), 'utf8');
const ORIGIN = 'https://parley.test';

type Listener = (event: Record<string, unknown>) => void;
type FakeClient = {
  url: string;
  focused: boolean;
  focus: () => Promise<FakeClient>;
  navigate: (url: string) => Promise<FakeClient>;
  navigatedTo: string[];
};

function fakeClient(url: string, focused = false): FakeClient {
  const client: FakeClient = {
    url,
    focused,
    navigatedTo: [],
    focus: async () => {
      client.focused = true;
      return client;
    },
    navigate: async (to) => {
      client.navigatedTo.push(to);
      client.url = to;
      return client;
    },
  };
  return client;
}

function loadWorker(windows: FakeClient[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => {},
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => {
        shown.push({ title, options });
      },
    },
    clients: {
      claim: async () => {},
      matchAll: async () => windows,
      openWindow: async (url: string) => {
        opened.push(url);
        return null;
      },
    },
  };
  vm.runInNewContext(source, { self, URL });

  async function dispatch(type: string, event: Record<string, unknown>) {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (pending = p) });
    await pending;
  }

  return {
    shown,
    opened,
    push: (data: { json: () => unknown } | null) => dispatch('push', { data }),
    click: (url: unknown) => {
      const notification = {
        data: { url },
        closed: false,
        close: () => (notification.closed = true),
      };
      return dispatch('notificationclick', { notification }).then(() => notification);
    },
  };
}

const payload = (value: unknown) => ({ json: () => value });
/** What `PushMessageData.json()` does with a payload that is not JSON: it throws. */
const malformed = {
  json: () => {
    throw new SyntaxError('Unexpected token n in JSON at position 1');
  },
};

describe('service worker: push', () => {
  it('shows the title, preview and tag, keeping the link for the click', async () => {
    const worker = loadWorker();
    await worker.push(
      payload({
        title: 'Ana in Design',
        body: 'Look at this',
        url: '/chats/c1?message=m1',
        tag: 'c1',
      }),
    );
    expect(worker.shown).toEqual([
      {
        title: 'Ana in Design',
        options: {
          body: 'Look at this',
          tag: 'c1',
          renotify: true,
          data: { url: `${ORIGIN}/chats/c1?message=m1` },
        },
      },
    ]);
  });

  it.each([
    ['malformed JSON', malformed],
    ['no data', null],
    ['a JSON array', payload([1, 2])],
    ['fields of the wrong type', payload({ title: 42, body: {}, url: 7 })],
  ])('still shows a generic notification for %s', async (_, data) => {
    const worker = loadWorker();
    await worker.push(data);
    expect(worker.shown).toEqual([
      { title: 'New activity in Parley', options: { body: '', data: { url: `${ORIGIN}/chats` } } },
    ]);
  });

  it('never links off-site', async () => {
    const worker = loadWorker();
    await worker.push(payload({ title: 'x', body: 'y', url: 'https://evil.test/phish' }));
    expect(worker.shown[0]!.options.data).toEqual({ url: `${ORIGIN}/chats` });
  });
});

describe('service worker: notification click', () => {
  it('focuses an open Parley tab and navigates it to the message', async () => {
    const other = fakeClient('https://elsewhere.test/');
    const tab = fakeClient(`${ORIGIN}/settings`);
    const worker = loadWorker([other, tab]);
    const notification = await worker.click(`${ORIGIN}/chats/c1?message=m1`);
    expect(notification.closed).toBe(true);
    expect(tab.focused).toBe(true);
    expect(tab.navigatedTo).toEqual([`${ORIGIN}/chats/c1?message=m1`]);
    expect(other.navigatedTo).toEqual([]);
    expect(worker.opened).toEqual([]);
  });

  it('only focuses a tab already showing that message', async () => {
    const url = `${ORIGIN}/chats/c1?message=m1`;
    const busy = fakeClient(`${ORIGIN}/chats/c2`, true);
    const there = fakeClient(url);
    const worker = loadWorker([busy, there]);
    await worker.click(url);
    expect(there.focused).toBe(true);
    expect(there.navigatedTo).toEqual([]);
    expect(busy.navigatedTo).toEqual([]);
  });

  it('opens a window when no Parley tab is open', async () => {
    const worker = loadWorker([fakeClient('https://elsewhere.test/')]);
    await worker.click(`${ORIGIN}/chats/c1`);
    expect(worker.opened).toEqual([`${ORIGIN}/chats/c1`]);
  });

  it('opens a window when navigating the tab fails', async () => {
    const tab = fakeClient(`${ORIGIN}/settings`);
    tab.navigate = () => Promise.reject(new TypeError('not controlled'));
    const worker = loadWorker([tab]);
    await worker.click(`${ORIGIN}/chats/c1`);
    expect(worker.opened).toEqual([`${ORIGIN}/chats/c1`]);
  });
});
