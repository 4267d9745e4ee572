import { z } from 'zod';

/** Path parameters of `[id]` routes: ids we minted (`u_…`, `tok_…`), bounded so junk is a 400. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
