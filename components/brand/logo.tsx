/**
 * Parley's mark: two speech bubbles in conversation, on the accent square. The same drawing is
 * app/icon.svg (favicon) and the PNG app icons in public/icons; keep them in step.
 */
export function LogoMark({ size = 28, className }: { size?: number; className?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden
      className={className}
      focusable="false"
    >
      <rect width="64" height="64" rx="16" fill="#4f46e5" />
      <path
        d="M33 28h13a7 7 0 0 1 7 7v5a7 7 0 0 1-7 7v6l-7-6h-6a7 7 0 0 1-7-7v-5a7 7 0 0 1 7-7z"
        fill="#a5b4fc"
      />
      <path
        d="M18 11h19a7 7 0 0 1 7 7v9a7 7 0 0 1-7 7H25l-7 6.5v-6.8A7 7 0 0 1 11 27v-9a7 7 0 0 1 7-7z"
        fill="#ffffff"
      />
      <circle cx="20.5" cy="22.5" r="2.5" fill="#4f46e5" />
      <circle cx="27.5" cy="22.5" r="2.5" fill="#4f46e5" />
      <circle cx="34.5" cy="22.5" r="2.5" fill="#4f46e5" />
    </svg>
  );
}

/** The mark and the word, as the header's home link shows them. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <LogoMark size={size} />
      <span className="text-lg font-semibold tracking-tight">Parley</span>
    </span>
  );
}
