'use client';

import { useEffect, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ASSISTANT_ID, ASSISTANT_NAME } from '@/lib/assistant/identity';
import type { ConversationWire } from '@/lib/chat/wire';
import { gamesApi } from '@/lib/games/client/api';
import { rulesByKind, gameKinds, type GameKind } from '@/lib/games/rules';
import type { GameStatWire } from '@/lib/games/wire';
import { toast } from '@/lib/ui/client/toast-store';

import { GameRecord } from './game-record';

const OPEN = '';
const selectClass = 'mt-1 block w-full rounded-md border border-border bg-bg px-2 py-1.5 text-sm';

/** "Games" in the conversation header: the "Start a game" dialog and the leaderboard. */
export function GamesButton({
  conversation,
  meId,
  defaultOpen = false,
}: {
  conversation: ConversationWire;
  meId: string;
  /** Open at once: the header mounts this on the first press of its stand-in (ui/on-demand). */
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const others = conversation.members.filter((m) => m.id !== meId && m.id !== ASSISTANT_ID);
  const direct = conversation.kind === 'direct';
  const [kind, setKind] = useState<GameKind>('connect4');
  const [opponent, setOpponent] = useState<string>(direct ? (others[0]?.id ?? OPEN) : OPEN);
  const [level, setLevel] = useState<'easy' | 'medium' | 'hard'>('medium');
  const [clockMinutes, setClockMinutes] = useState(5);
  const [busy, setBusy] = useState(false);

  const challenge = async () => {
    setBusy(true);
    try {
      await gamesApi.create(conversation.id, {
        kind,
        opponentId: opponent === OPEN ? null : opponent,
        ...(opponent === ASSISTANT_ID ? { aiLevel: level } : {}),
        ...(kind === 'chess' ? { clockSeconds: clockMinutes * 60 } : {}),
        clientId: crypto.randomUUID(),
      });
      setOpen(false);
    } catch (e) {
      toast({ title: 'Challenge not sent', description: (e as Error).message, variant: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Start a game"
      trigger={
        <Button variant="ghost" size="sm">
          Games
        </Button>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void challenge();
        }}
      >
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Game</legend>
          {gameKinds.map((k) => (
            <label key={k} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>
                {rulesByKind[k].name}
                <span className="block text-xs text-muted">{rulesByKind[k].description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="text-sm">
          Opponent
          <select
            className={selectClass}
            value={opponent}
            onChange={(e) => setOpponent(e.target.value)}
          >
            {!direct ? <option value={OPEN}>Anyone (open challenge)</option> : null}
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            <option value={ASSISTANT_ID}>{ASSISTANT_NAME}</option>
          </select>
        </label>
        {opponent === ASSISTANT_ID ? (
          <label className="text-sm">
            Difficulty
            <select
              className={selectClass}
              value={level}
              onChange={(e) => setLevel(e.target.value as typeof level)}
            >
              <option value="easy">Easy</option>
              <option value="medium">Medium</option>
              <option value="hard">Hard</option>
            </select>
          </label>
        ) : null}
        {kind === 'chess' ? (
          <label className="text-sm">
            Clock
            <select
              className={selectClass}
              value={clockMinutes}
              onChange={(e) => setClockMinutes(Number(e.target.value))}
            >
              {[1, 3, 5, 10, 15, 30].map((m) => (
                <option key={m} value={m}>
                  {m} minutes each
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button type="submit" disabled={busy}>
          Challenge
        </Button>
      </form>
      <Leaderboard conversation={conversation} kind={kind} open={open} />
      {open ? <GameRecord userId={meId} label="Your record" /> : null}
    </Dialog>
  );
}

function Leaderboard({
  conversation,
  kind,
  open,
}: {
  conversation: ConversationWire;
  kind: GameKind;
  open: boolean;
}) {
  const [entries, setEntries] = useState<GameStatWire[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    gamesApi
      .leaderboard(conversation.id, kind)
      .then((e) => live && setEntries(e))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [conversation.id, kind, open]);
  const nameOf = (id: string) =>
    id === ASSISTANT_ID
      ? ASSISTANT_NAME
      : (conversation.members.find((m) => m.id === id)?.name ?? 'Former member');
  return (
    <section aria-label="Leaderboard" className="mt-4 border-t border-border pt-3">
      <h3 className="text-sm font-medium">Leaderboard: {rulesByKind[kind].name}</h3>
      {entries === null ? null : entries.length === 0 ? (
        <p className="text-xs text-muted">No games finished yet.</p>
      ) : (
        <ol className="mt-1 text-sm">
          {entries.map((e) => (
            <li key={e.userId} className="flex justify-between">
              <span>{nameOf(e.userId)}</span>
              <span className="text-muted">
                {e.rating} · {e.wins}W {e.losses}L {e.draws}D
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
