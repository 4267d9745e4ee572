import type { JobHandlers } from '@/lib/jobs/define';
import { registryFrom } from '@/lib/jobs/registry';

import { assistantReply } from './assistant-reply';
import { dailyBackup } from './backup';
import { emailDigest } from './email-digest';
import { gameAiMove } from './game-ai-move';
import { gameChallengeExpiry } from './game-challenge-expiry';
import { gameTimeout } from './game-timeout';
import { messageCreated } from './message-created';
import { notifyCall } from './notify-call';
import { notifyGame } from './notify-game';
import { notifyMessage } from './notify-message';
import { pruneNotifications } from './prune-notifications';

/**
 * Every job's handler, by catalog name (lib/jobs/catalog.ts holds names, payload schemas,
 * attempts and timeouts). Only the dispatcher's start-up (instrumentation.ts) and
 * /api/jobs/[name] import this: handlers import the features that queue jobs, so anything else
 * importing it would close an import cycle.
 */
export const handlers: JobHandlers = {
  'assistant-reply': assistantReply,
  'daily-backup': dailyBackup,
  'email-digest': emailDigest,
  'game-ai-move': gameAiMove,
  'game-challenge-expiry': gameChallengeExpiry,
  'game-timeout': gameTimeout,
  'message-created': messageCreated,
  'notify-call': notifyCall,
  'notify-game': notifyGame,
  'notify-message': notifyMessage,
  'prune-notifications': pruneNotifications,
};

/** The catalog joined with the handlers: what the dispatcher and the job route run. */
export const jobRegistry = registryFrom(handlers);
