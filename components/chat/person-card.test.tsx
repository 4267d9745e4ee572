import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { GameStatsList } from '@/components/games/game-record';

import { PersonCard } from './person-card';

const member = {
  id: 'u_ben',
  name: 'Ben',
  image: null,
  role: 'admin' as const,
  lastReadSeq: 0,
  statusText: 'On holiday',
};

describe('a person’s card', () => {
  it('is a region named after the person, with their role and status here', () => {
    const html = renderToStaticMarkup(<PersonCard member={member} isMe={false} />);
    expect(html).toContain('aria-label="Profile of Ben"');
    expect(html).toContain('Admin · On holiday');
    expect(html).not.toContain('(you)');
    expect(renderToStaticMarkup(<PersonCard member={member} isMe />)).toContain('(you)');
  });

  it('shows wins, losses, draws and the Elo rating per game', () => {
    const html = renderToStaticMarkup(
      <GameStatsList
        label="Game record"
        stats={[
          { userId: 'u_ben', kind: 'connect4', wins: 3, losses: 1, draws: 0, rating: 1216 },
          { userId: 'u_ben', kind: 'chess', wins: 0, losses: 2, draws: 1, rating: 1171 },
        ]}
      />,
    );
    expect(html).toContain('aria-label="Game record"');
    expect(html).toMatch(/Connect Four<\/span><span[^>]*>1216 · 3W 1L 0D</);
    expect(html).toMatch(/Chess<\/span><span[^>]*>1171 · 0W 2L 1D</);
    expect(html).toContain('title="Rating 1216: 3 won, 1 lost, 0 drawn"');
  });

  it('says so when the person has finished no game', () => {
    const html = renderToStaticMarkup(<GameStatsList label="Game record" stats={[]} />);
    expect(html).toContain('No games finished yet.');
  });
});
