import type { Log } from 'miniflare';

export function hostOptions<T extends object>(options: T): T & { host: string; log?: Log };
