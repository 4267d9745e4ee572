import { z } from 'zod';

import { getStore } from '@/lib/app-store';
import { deliverJob, deliveryResponse, retriedFrom } from '@/lib/jobs/deliver';
import { jobDestination } from '@/lib/jobs/qstash';
import { loadWorkers } from '@/lib/jobs/registry';
import { withJobSignature } from '@/lib/jobs/verify';

export const runtime = 'nodejs';
// An attempt may take a while (the assistant streams a reply); handlers have their own timeouts.
export const maxDuration = 60;

const paramsSchema = z.object({ name: z.string() });
/** What QStash delivers (lib/jobs/qstash.ts), or a manual run's payload (no jobId). */
const deliverySchema = z.object({
  jobId: z.string().min(1).max(64).optional(),
  payload: z.unknown(),
});

/** Runs one delivery of a job: QStash-signed, or with the jobs secret (lib/jobs/verify.ts). */
export const POST = withJobSignature(
  {
    params: paramsSchema,
    body: deliverySchema,
    // The URL QStash signed is the one we published to; no NEXTAUTH_URL, no QStash delivery.
    destination: ({ name }) => {
      try {
        return jobDestination(name);
      } catch {
        return null;
      }
    },
  },
  async ({ req, params, body, caller }) => {
    const result = await deliverJob({
      store: await getStore(),
      registry: await loadWorkers(),
      name: params.name,
      jobId: body.jobId,
      payload: body.payload,
      caller,
      retried: retriedFrom(req.headers),
    });
    return deliveryResponse(result, body.jobId);
  },
);
