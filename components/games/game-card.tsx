'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ASSISTANT_NAME, isAssistant } from '@/lib/assistant/identity';
import type { ConversationWire } from '@/lib/chat/wire';
import { gamesApi } from '@/lib/games/client/api';
import { useGame } from '@/lib/games/client/use-game';
import { gameNames } from '@/lib/games/describe';
import type { GameAction } from '@/lib/games/schemas';
import type { GameWire } from '@/lib/games/wire';
import { toast } from '@/lib/ui/client/toast-store';

import { GameBoard } from './game-board';
import { statusLine } from './game-status';
import { TurnClock } from './turn-clock';

const fail = (title: string) => (e: Error) =>
  toast({ title, description: e.message, variant: 'error' });

/** The game card in the message list: the challenge, then the live board, then the result. */
export function GameCard({
  gameId,
  conversation,
  meId,
}: {
  gameId: string;
  conversation: ConversationWire;
  meId: string;
}) {
  const game = useGame(gameId);
  const [open, setOpen] = useState(false);
  const nameOf = (id: string) =>
    id === meId
      ? 'You'
      : isAssistant(id)
        ? ASSISTANT_NAME
        : (conversation.members.find((m) => m.id === id)?.name ?? 'Former member');
  if (!game) return <p className="px-4 py-1 text-center text-xs text-muted">Loading game…</p>;
  const title = `${gameNames[game.kind]}: ${game.players.map(nameOf).join(' vs ')}`;
  return (
    <section
      aria-label={`${gameNames[game.kind]} game`}
      data-game-id={game.id}
      className="mx-4 my-2 max-w-md rounded-lg border border-border bg-surface p-3"
    >
      <GameView game={game} meId={meId} nameOf={nameOf} />
      {game.status === 'active' || game.status === 'ended' ? (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={title}
          trigger={
            <Button size="sm" variant="ghost" className="mt-2">
              Open
            </Button>
          }
        >
          <GameView game={game} meId={meId} nameOf={nameOf} />
        </Dialog>
      ) : null}
    </section>
  );
}

function GameView({
  game,
  meId,
  nameOf,
}: {
  game: GameWire;
  meId: string;
  nameOf: (id: string) => string;
}) {
  const act = (action: GameAction) => () =>
    void gamesApi.act(game.id, action).catch(fail('That did not work'));
  const move = (m: string) => void gamesApi.move(game, m).catch(fail('Move not made'));
  const playing = game.players.includes(meId);
  const opponentOffered = game.drawOfferedBy !== null && game.drawOfferedBy !== meId;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm font-medium" data-testid="game-status">
        {statusLine(game, meId, nameOf)}
        {game.status === 'active' ? <TurnClock deadline={game.deadline} /> : null}
      </p>
      {game.status === 'active' || game.status === 'ended' ? (
        <>
          <p className="text-xs text-muted">{game.players.map(nameOf).join(' vs ')}</p>
          <GameBoard game={game} meId={meId} onMove={move} />
        </>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {game.status === 'pending' && game.invitedId === meId ? (
          <>
            <Button size="sm" onClick={act('accept')}>
              Accept
            </Button>
            <Button size="sm" variant="secondary" onClick={act('decline')}>
              Decline
            </Button>
          </>
        ) : null}
        {game.status === 'pending' && game.invitedId === null && game.createdBy !== meId ? (
          <Button size="sm" onClick={act('join')}>
            Join
          </Button>
        ) : null}
        {game.status === 'pending' && game.createdBy === meId ? (
          <Button size="sm" variant="secondary" onClick={act('decline')}>
            Withdraw
          </Button>
        ) : null}
        {game.status === 'active' && playing ? (
          <>
            <Button size="sm" variant="secondary" onClick={act('resign')}>
              Resign
            </Button>
            {opponentOffered ? (
              <Button size="sm" onClick={act('accept-draw')}>
                Accept draw
              </Button>
            ) : game.kind === 'chess' && game.drawOfferedBy === null ? (
              <Button size="sm" variant="secondary" onClick={act('offer-draw')}>
                Offer draw
              </Button>
            ) : null}
          </>
        ) : null}
        {game.status === 'ended' && playing ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void gamesApi.rematch(game.id).catch(fail('No rematch'))}
          >
            Rematch
          </Button>
        ) : null}
      </div>
    </div>
  );
}
