import * as RadixAvatar from '@radix-ui/react-avatar';

import { AVATAR_TEXT, avatarColor } from './avatar-color';
import { cn } from './cn';

/** Up to two initials from a display name: "Ana María López" → "AM". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.slice(0, 2).map((p) => Array.from(p)[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function Avatar({
  name,
  src,
  size = 36,
  className,
}: {
  name: string;
  src?: string | null;
  size?: number;
  className?: string;
}) {
  return (
    <RadixAvatar.Root
      className={cn(
        'inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full',
        className,
      )}
      style={{ width: size, height: size, background: avatarColor(name) }}
    >
      {src ? (
        <RadixAvatar.Image src={src} alt={name} className="h-full w-full object-cover" />
      ) : null}
      <RadixAvatar.Fallback
        delayMs={src ? 300 : 0}
        className="font-semibold"
        style={{ fontSize: Math.round(size * 0.4), color: AVATAR_TEXT }}
        aria-label={name}
        role="img"
      >
        {initials(name)}
      </RadixAvatar.Fallback>
    </RadixAvatar.Root>
  );
}
