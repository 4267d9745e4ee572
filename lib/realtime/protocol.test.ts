import { describe, expect, it } from 'vitest';

import { clientFrameSchema, encodeFrame, parseFrame, serverFrameSchema } from './protocol';

describe('parseFrame', () => {
  it('parses a valid client frame', () => {
    expect(parseFrame(clientFrameSchema, encodeFrame({ type: 'ping', at: 1 }))).toEqual({
      ok: true,
      frame: { type: 'ping', at: 1 },
    });
  });

  it('rejects non-text, non-JSON, unknown types and wrong field types', () => {
    expect(parseFrame(clientFrameSchema, new ArrayBuffer(4))).toMatchObject({ ok: false });
    expect(parseFrame(clientFrameSchema, '{oops')).toEqual({
      ok: false,
      message: 'frame is not valid JSON',
    });
    expect(parseFrame(clientFrameSchema, '{"type":"nope"}')).toMatchObject({ ok: false });
    expect(parseFrame(clientFrameSchema, '{"type":"ping","at":"soon"}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('at'),
    });
  });

  it('parses server frames the client receives', () => {
    const frame = { type: 'error', code: 'bad_frame', message: 'x' } as const;
    expect(parseFrame(serverFrameSchema, JSON.stringify(frame))).toEqual({ ok: true, frame });
  });
});
