import type { EndpointSpec } from '@/lib/api/endpoint';
import * as auth from '@/lib/auth/endpoints';
import * as security from '@/lib/auth/security-endpoints';
import * as calls from '@/lib/calls/endpoints';
import * as conversations from '@/lib/chat/conversation-endpoints';
import * as messages from '@/lib/chat/message-endpoints';
import * as games from '@/lib/games/endpoints';
import * as jobs from '@/lib/jobs/endpoints';
import * as operations from '@/lib/operations/endpoints';
import * as notifications from '@/lib/notifications/endpoints';
import * as pins from '@/lib/pins/endpoints';
import * as push from '@/lib/push/endpoints';
import * as realtime from '@/lib/realtime/endpoints';
import * as search from '@/lib/search/endpoints';
import * as threads from '@/lib/threads/endpoints';
import * as users from '@/lib/users/endpoints';

import * as meta from './endpoints';

function isEndpoint(value: unknown): value is EndpointSpec {
  return (
    typeof value === 'object' &&
    value !== null &&
    'operationId' in value &&
    'method' in value &&
    'path' in value
  );
}

/**
 * Every documented endpoint: each descriptor module exported by a feature, in document order.
 * A new descriptor in one of these modules is documented without further listing; a new module
 * is added here (the route-walk test fails until it is).
 */
export const documentedEndpoints: EndpointSpec[] = [
  auth,
  security,
  users,
  realtime,
  conversations,
  messages,
  search,
  threads,
  pins,
  calls,
  games,
  jobs,
  operations,
  notifications,
  push,
  meta,
].flatMap((module) => Object.values(module).filter(isEndpoint));
