export type TooltipSide = 'top' | 'bottom' | 'left' | 'right';

type Box = { left: number; top: number; width: number; height: number };

const GAP = 6;
const MARGIN = 4;
const OPPOSITE: Record<TooltipSide, TooltipSide> = {
  top: 'bottom',
  bottom: 'top',
  left: 'right',
  right: 'left',
};

function at(anchor: Box, tip: Box, side: TooltipSide): { left: number; top: number } {
  const centreX = anchor.left + anchor.width / 2 - tip.width / 2;
  const centreY = anchor.top + anchor.height / 2 - tip.height / 2;
  switch (side) {
    case 'top':
      return { left: centreX, top: anchor.top - GAP - tip.height };
    case 'bottom':
      return { left: centreX, top: anchor.top + anchor.height + GAP };
    case 'left':
      return { left: anchor.left - GAP - tip.width, top: centreY };
    case 'right':
      return { left: anchor.left + anchor.width + GAP, top: centreY };
  }
}

function fits(p: { left: number; top: number }, tip: Box, view: { width: number; height: number }) {
  return (
    p.left >= MARGIN &&
    p.top >= MARGIN &&
    p.left + tip.width <= view.width - MARGIN &&
    p.top + tip.height <= view.height - MARGIN
  );
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Where a tooltip goes (viewport coordinates, for `position: fixed`): on `side` of its control,
 * on the opposite side when it does not fit there, and moved along so it stays on screen.
 */
export function placeTooltip(
  anchor: Box,
  tip: Box,
  view: { width: number; height: number },
  side: TooltipSide,
): { left: number; top: number } {
  const wanted = at(anchor, tip, side);
  const flipped = at(anchor, tip, OPPOSITE[side]);
  const p = fits(wanted, tip, view) || !fits(flipped, tip, view) ? wanted : flipped;
  return {
    left: clamp(p.left, MARGIN, Math.max(MARGIN, view.width - MARGIN - tip.width)),
    top: clamp(p.top, MARGIN, Math.max(MARGIN, view.height - MARGIN - tip.height)),
  };
}
