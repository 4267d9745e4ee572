import { describe, expect, it } from 'vitest';

import { plainPreview } from './plain-text';

const of = (body: string, attachments: unknown[] = []) => plainPreview({ body, attachments });

describe('plainPreview', () => {
  it('drops Markdown marks and keeps link text', () => {
    expect(of('Lunch at **noon**? See [the menu](https://x.example/m)')).toBe(
      'Lunch at noon? See the menu',
    );
    expect(of('> quoted\n\n`code` and\n```\nblock\n```')).toBe('quoted code and [code]');
  });

  it('says 📷 Image for pictures alone, and nothing for nothing', () => {
    expect(of('', [{}])).toBe('📷 Image');
    expect(of('   ')).toBe('');
  });

  it('cuts long text at a word with an ellipsis', () => {
    const out = of(`${'word '.repeat(60)}end`);
    expect(out.length).toBeLessThanOrEqual(141);
    expect(out.endsWith('word…')).toBe(true);
  });
});
