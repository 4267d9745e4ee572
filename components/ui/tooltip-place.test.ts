import { describe, expect, it } from 'vitest';

import { placeTooltip } from './tooltip-place';

const view = { width: 400, height: 300 };
const tip = { left: 0, top: 0, width: 100, height: 20 };
const box = (left: number, top: number) => ({ left, top, width: 40, height: 30 });

describe('placeTooltip', () => {
  it('centres the tip on the asked side, 6 px from the control', () => {
    expect(placeTooltip(box(180, 150), tip, view, 'top')).toEqual({ left: 150, top: 124 });
    expect(placeTooltip(box(180, 150), tip, view, 'bottom')).toEqual({ left: 150, top: 186 });
    expect(placeTooltip(box(180, 150), tip, view, 'right')).toEqual({ left: 226, top: 155 });
    expect(placeTooltip(box(180, 150), tip, view, 'left')).toEqual({ left: 74, top: 155 });
  });

  it('flips to the other side when the asked one runs off the screen', () => {
    expect(placeTooltip(box(180, 5), tip, view, 'top')).toEqual({ left: 150, top: 41 });
    expect(placeTooltip(box(355, 150), tip, view, 'right').left).toBe(249);
  });

  it('slides along the edge rather than leave the screen', () => {
    expect(placeTooltip(box(0, 150), tip, view, 'top')).toEqual({ left: 4, top: 124 });
    expect(placeTooltip(box(380, 150), tip, view, 'bottom')).toEqual({ left: 296, top: 186 });
  });

  it('keeps the asked side when neither side fits', () => {
    const tall = { ...tip, height: 290 };
    expect(placeTooltip(box(180, 150), tall, view, 'top')).toEqual({ left: 150, top: 4 });
  });
});
