'use client';

import { useEffect, useState } from 'react';

/** Seconds left for the player to move, ticking once a second. */
export function TurnClock({ deadline }: { deadline: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (!deadline) return null;
  const left = Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
  const text =
    left >= 60 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : `${left} s`;
  return <span className="ml-2 text-xs font-normal text-muted">({text} left)</span>;
}
