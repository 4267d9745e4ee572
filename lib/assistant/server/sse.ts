import 'server-only';

/**
 * A server-sent events reader for text that arrives in arbitrary pieces (network chunks cut
 * lines anywhere; bytes are decoded before they get here). Only the `data` field matters to
 * chat-completion streams: each event's data lines, joined by "\n", go to `onData`. Comments
 * (`: keep-alive`), other fields (`event`, `id`, `retry`) and empty events are skipped.
 * Lines end in "\n" or "\r\n" (bare "\r" endings, which no chat provider sends, are not split).
 */
export function createSseReader(onData: (data: string) => void) {
  let buffer = '';
  let data: string[] = [];

  function dispatch() {
    if (data.length > 0) onData(data.join('\n'));
    data = [];
  }

  function line(text: string) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    if (field !== 'data') return;
    // One optional space after the colon belongs to the syntax, not the value.
    const value = colon === -1 ? '' : text.slice(colon + 1);
    data.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  return {
    push(text: string) {
      buffer += text;
      let end = buffer.indexOf('\n');
      while (end !== -1) {
        line(buffer.slice(0, end).replace(/\r$/, ''));
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
      }
    },
    /** The stream ended: a last event without its blank line still counts. */
    end() {
      if (buffer !== '') line(buffer.replace(/\r$/, ''));
      buffer = '';
      dispatch();
    },
  };
}
