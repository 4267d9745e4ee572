import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { guardNextAuth } from '@/lib/api/nextauth-guard';
import { authOptions } from '@/lib/auth/server/options';

export const runtime = 'nodejs';

const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: unknown) => Promise<Response>;
// Bad input (invalid JSON, non-string fields, control characters in callbackUrl) is a JSON 400.
const handler = guardNextAuth(nextAuth);

export { handler as GET, handler as POST };
