'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { PinPolicySetting } from '@/components/pins/pin-policy-setting';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { ApiClientError } from '@/lib/api/client';
import { chatApi } from '@/lib/chat/client/api-client';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { groupApi } from '@/lib/chat/client/group-api';
import { groupNameSchema } from '@/lib/chat/schemas';
import type { ConversationWire, MemberWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

import { DetailsButton } from './details-button';
import { MuteButton } from './mute-button';
import { PersonCard } from './person-card';
import { SharedImages } from './shared-images';
import { usePeopleSearch } from './use-people-search';

const ROLE = { owner: 'Owner', admin: 'Admin', member: null } as const;

/** Runs a change, puts the answer in the conversations store, and says what went wrong if not. */
async function change(what: string, run: () => Promise<ConversationWire | void>) {
  try {
    const updated = await run();
    if (updated) useConversationsStore.getState().upsert(updated);
    return true;
  } catch (err) {
    toast({
      title: `Could not ${what}`,
      description: err instanceof ApiClientError ? err.message : 'Try again.',
      variant: 'error',
    });
    return false;
  }
}

/**
 * The conversation details panel: members and their roles, and for a group Rename, Add people,
 * Remove and Make admin (owners and admins), who can pin messages (chosen by owners and admins),
 * Leave group; mute; the images shared in it.
 */
export function ConversationDetails({
  conversation,
  meId,
  defaultOpen = false,
}: {
  conversation: ConversationWire;
  meId: string;
  /** Open at once: the header mounts the panel on the first press of its stand-in. */
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const group = conversation.kind === 'group';
  const me = conversation.members.find((m) => m.id === meId);
  const canManage = group && (me?.role === 'owner' || me?.role === 'admin');
  const router = useRouter();

  async function leave() {
    const ok = await change('leave the group', () =>
      groupApi.removeMember(conversation.id, meId).then(() => undefined),
    );
    if (!ok) return;
    setOpen(false);
    useConversationsStore.getState().remove(conversation.id);
    router.push('/chats');
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={group ? `${conversation.name}: details` : 'Conversation details'}
      trigger={<DetailsButton />}
    >
      <div className="flex max-h-[70dvh] flex-col gap-4 overflow-y-auto">
        {canManage ? <RenameForm conversation={conversation} /> : null}
        <section aria-labelledby="details-members">
          <h2 id="details-members" className="mb-1 text-sm font-semibold">
            Members ({conversation.members.length})
          </h2>
          <ul aria-label="Members" className="flex flex-col">
            {conversation.members.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                conversationId={conversation.id}
                isMe={m.id === meId}
                canManage={canManage && m.role !== 'owner' && m.id !== meId}
              />
            ))}
          </ul>
        </section>
        {group ? <AddPeople conversation={conversation} /> : null}
        {group ? <PinPolicySetting conversation={conversation} canManage={canManage} /> : null}
        <div className="flex items-center gap-2 text-sm">
          <MuteButton conversation={conversation} />
          {conversation.muted ? 'Muted: no notifications from here' : 'Notifications on'}
        </div>
        <SharedImages conversationId={conversation.id} />
        {group ? (
          <Button variant="danger" onClick={() => void leave()}>
            Leave group
          </Button>
        ) : null}
      </div>
    </Dialog>
  );
}

function RenameForm({ conversation }: { conversation: ConversationWire }) {
  const [name, setName] = useState(conversation.name);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = groupNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Invalid name');
    setError(null);
    if (await change('rename the group', () => groupApi.rename(conversation.id, parsed.data)))
      toast({ title: 'Group renamed', variant: 'success' });
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="flex items-end gap-2">
      <div className="flex-1">
        <Input label="Group name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary">
        Rename
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function MemberRow({
  member,
  conversationId,
  isMe,
  canManage,
}: {
  member: MemberWire;
  conversationId: string;
  isMe: boolean;
  canManage: boolean;
}) {
  const role = ROLE[member.role];
  const admin = member.role === 'admin';
  const [showCard, setShowCard] = useState(false);
  const cardId = `person-card-${member.id}`;
  return (
    <li className="flex flex-col">
      <div className="flex items-center gap-3 py-1.5">
        <Avatar name={member.name} src={member.image} size={28} />
        <span className="min-w-0 flex-1">
          <button
            type="button"
            aria-label={`Profile of ${member.name}`}
            aria-expanded={showCard}
            aria-controls={showCard ? cardId : undefined}
            onClick={() => setShowCard((v) => !v)}
            className="block max-w-full truncate text-left text-sm hover:underline"
          >
            {member.name}
            {isMe ? <span className="text-muted"> (you)</span> : null}
          </button>
          {role || member.statusText ? (
            <span className="block truncate text-xs text-muted">
              {[role, member.statusText].filter(Boolean).join(' · ')}
            </span>
          ) : null}
        </span>
        {canManage ? (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-label={admin ? `Remove ${member.name} as admin` : `Make ${member.name} an admin`}
              onClick={() =>
                void change('change the role', () =>
                  groupApi.setRole(conversationId, member.id, admin ? 'member' : 'admin'),
                )
              }
            >
              {admin ? 'Remove admin' : 'Make admin'}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove ${member.name}`}
              onClick={() =>
                void change('remove them', async () => {
                  await groupApi.removeMember(conversationId, member.id);
                  return chatApi.getConversation(conversationId);
                })
              }
            >
              Remove
            </Button>
          </>
        ) : null}
      </div>
      {showCard ? (
        <div id={cardId}>
          <PersonCard member={member} isMe={isMe} />
        </div>
      ) : null}
    </li>
  );
}

function AddPeople({ conversation }: { conversation: ConversationWire }) {
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(query, query.trim().length > 0);
  const memberIds = new Set(conversation.members.map((m) => m.id));
  const candidates = query.trim() ? search.results.filter((p) => !memberIds.has(p.id)) : [];
  return (
    <section aria-labelledby="details-add" className="flex flex-col gap-1">
      <h2 id="details-add" className="text-sm font-semibold">
        Add people
      </h2>
      <Input label="Find people to add" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul aria-label="People to add">
        {candidates.map((p) => (
          <li key={p.id} className="flex items-center gap-3 py-1">
            <Avatar name={p.name} src={p.image} size={24} />
            <span className="flex-1 truncate text-sm">{p.name}</span>
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Add ${p.name}`}
              onClick={() =>
                void change('add them', () => groupApi.addMembers(conversation.id, [p.id])).then(
                  (ok) => ok && setQuery(''),
                )
              }
            >
              Add
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
