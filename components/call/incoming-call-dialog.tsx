'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useEffect } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { startRing } from '@/lib/calls/client/audio';
import { acceptCall, declineCall, type CallContext } from '@/lib/calls/client/controller';
import { useCallStore, type IncomingCall } from '@/lib/calls/client/call-store';

import { useCallConversation, useCallPerson } from './use-call-person';

/** The oldest call ringing for this person, if any (every tab of theirs shows it). */
export function IncomingCallDialog({ ctx }: { ctx: CallContext }) {
  const incoming = useCallStore((s) => {
    let first: IncomingCall | null = null;
    for (const call of Object.values(s.incoming))
      if (!first || call.ringUntil < first.ringUntil) first = call;
    return first;
  });
  if (!incoming) return null;
  return <Ringing key={incoming.callId} call={incoming} ctx={ctx} />;
}

function Ringing({ call, ctx }: { call: IncomingCall; ctx: CallContext }) {
  const caller = useCallPerson(call.conversationId, call.callerId);
  const conversation = useCallConversation(call.conversationId);

  // Rings while shown; stops on accept, decline, the call ending or the ring timing out.
  useEffect(() => startRing(), []);
  useEffect(() => {
    const dismiss = () => useCallStore.getState().dismissIncoming(call.callId);
    const timer = setTimeout(dismiss, Math.max(0, call.ringUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [call.callId, call.ringUntil]);

  const kind = call.kind === 'video' ? 'video call' : 'voice call';
  const where = conversation.direct ? '' : ` in ${conversation.name}`;
  return (
    <RadixDialog.Root
      open
      onOpenChange={(open) => {
        if (!open) useCallStore.getState().dismissIncoming(call.callId);
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content
          onPointerDownOutside={(event) => event.preventDefault()}
          className="fixed left-1/2 top-1/2 z-50 flex w-[min(22rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col items-center gap-3 rounded-xl border border-border bg-bg p-6 text-center shadow-xl"
        >
          <Avatar name={caller.name} src={caller.image} size={72} className="animate-pulse" />
          <RadixDialog.Title className="text-lg font-semibold">Incoming {kind}</RadixDialog.Title>
          <RadixDialog.Description className="text-sm text-muted">
            {caller.name} is calling{where}…
          </RadixDialog.Description>
          <div className="mt-2 flex gap-3">
            <Button variant="danger" onClick={() => void declineCall(call.callId)}>
              Decline
            </Button>
            <Button
              className="bg-success text-success-fg"
              onClick={() => void acceptCall(ctx, call.callId)}
            >
              Accept
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
