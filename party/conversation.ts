import type * as Party from 'partykit/server';

import { conversationRoom } from '../lib/rooms/conversation';
import { partyServer } from './server';

/** One room per conversation (typing, viewers, forwarding): lib/rooms/conversation.ts on PartyKit. */
export default class ConversationServer extends partyServer('conversation', conversationRoom) {}

ConversationServer satisfies Party.Worker;
