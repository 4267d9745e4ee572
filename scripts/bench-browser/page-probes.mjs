// What the browser bench puts into each page (page.addInitScript): timestamps on one clock for
// every page of the machine (performance.timeOrigin + performance.now(), microseconds apart at
// most). Plain browser JavaScript; `window.__bench` holds what was seen.
//   enters[text]  when Enter went down in the composer holding `text` (capture phase, so before
//                 the app's own handler runs)
//   frames[token] when a socket frame naming the token arrived (before the app parses it)
//   shown[token]  when the token first appeared in the message log (MutationObserver)
//   longTasks     main-thread tasks of 50 ms or more (start, duration)
export function pageProbes() {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { enters: {}, frames: {}, shown: {}, want: [], longTasks: [] };
  window.__bench = bench;
  const pending = (text) => bench.want.filter((t) => !(t in bench.shown) && text.includes(t));

  window.addEventListener(
    'keydown',
    (event) => {
      const target = event.target;
      if (event.key === 'Enter' && target && 'value' in target) bench.enters[target.value] = now();
    },
    true,
  );

  const RealSocket = window.WebSocket;
  window.WebSocket = class extends RealSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        for (const token of bench.want)
          if (!(token in bench.frames) && event.data.includes(token)) bench.frames[token] = now();
      });
    }
  };

  // The whole document is watched (the log may be rendered again); only text inside the message
  // log counts, not the sidebar's preview of the last message.
  const inLog = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element?.closest('[role="log"]'));
  };
  new MutationObserver((mutations) => {
    if (bench.want.length === 0) return;
    const at = now();
    for (const m of mutations) {
      const nodes = m.type === 'characterData' ? [m.target] : [...m.addedNodes];
      for (const node of nodes)
        if (inLog(node))
          for (const token of pending(node.textContent ?? '')) bench.shown[token] = at;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // not Chromium: no long tasks recorded
  }
}
