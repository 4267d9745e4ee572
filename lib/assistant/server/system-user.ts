import 'server-only';

import type { UsersPort } from '@/lib/db/store';
import { isStoreConflict } from '@/lib/db/types';
import { log } from '@/lib/log';

import { ASSISTANT_EMAIL, ASSISTANT_ID, ASSISTANT_NAME } from '../identity';

/**
 * Makes sure the assistant exists as a person record, so people find it in "New message" and can
 * message it. Idempotent. Never throws for a taken email (an account made before the assistant
 * existed holds it): chat works without the assistant, and the clash is logged.
 */
export async function ensureAssistantUser(
  store: Pick<UsersPort, 'ensureSystemUser'>,
): Promise<void> {
  try {
    await store.ensureSystemUser({
      id: ASSISTANT_ID,
      email: ASSISTANT_EMAIL,
      name: ASSISTANT_NAME,
    });
  } catch (error) {
    if (!isStoreConflict(error)) throw error;
    log.error({ email: ASSISTANT_EMAIL }, 'the assistant cannot be created: its email is taken');
  }
}
