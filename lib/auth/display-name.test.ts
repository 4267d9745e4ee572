import { describe, expect, it } from 'vitest';

import { isReservedName, nameSkeleton, normaliseDisplayName } from './display-name';
import { nameSchema, signUpSchema, updateMeSchema } from './schemas';

describe('normaliseDisplayName', () => {
  it.each([
    ['CR/LF become one space', 'Ana\r\nLópez', 'Ana López'],
    ['a NUL is dropped', 'Ana\u0000López', 'AnaLópez'],
    ['a right-to-left override is dropped', 'Ana \u202Egnp.exe', 'Ana gnp.exe'],
    ['bidi isolates and embeddings are dropped', '\u2066Ana\u2069 \u202ALópez\u202C', 'Ana López'],
    ['zero-width spaces and the BOM are dropped', 'A\u200Bn\uFEFFa', 'Ana'],
    ['runs of spaces, tabs and no-break spaces collapse', '  Ana \t\u00A0 López  ', 'Ana López'],
    ['decomposed accents are composed (NFC)', 'Lo\u0301pez', 'López'],
    ['emoji sequences keep their joiner', 'Ana 👩\u200D💻', 'Ana 👩\u200D💻'],
    ['a line separator becomes a space', 'Ana\u2028López', 'Ana López'],
  ])('%s', (_, raw, expected) => {
    expect(normaliseDisplayName(raw)).toBe(expected);
  });
});

describe('the assistant’s name is reserved', () => {
  it.each([
    'Parley AI',
    'parley ai',
    'PARLEY  AI',
    'ParleyAI',
    'Parley-AI',
    'Parley A.I.',
    'Parley Al',
    'Parley A1',
    'Раrlеy АI', // Cyrillic Р, а, е, А
    'Ｐａｒｌｅｙ ＡＩ', // full-width
    'Parley\u202E AI',
    'Parley\u200B AI',
  ])('refuses %j', (name) => {
    expect(nameSchema.safeParse(name).success).toBe(false);
    expect(isReservedName(normaliseDisplayName(name))).toBe(true);
  });

  it('allows names that only start alike', () => {
    expect(nameSchema.parse('Parley fan')).toBe('Parley fan');
    expect(nameSchema.parse('Ailey Parks')).toBe('Ailey Parks');
    expect(nameSkeleton('Parley fan')).not.toBe(nameSkeleton('Parley AI'));
  });
});

describe('nameSchema everywhere a name comes in', () => {
  it('cleans names on sign-up and profile changes alike', () => {
    const signUp = signUpSchema.parse({
      email: 'a@example.com',
      password: 'long enough',
      name: 'Ana\u0000\r\n\u202ELópez',
    });
    expect(signUp.name).toBe('Ana López');
    expect(updateMeSchema.parse({ name: ' Ana\tLópez ' }).name).toBe('Ana López');
  });

  it('refuses a name that is empty once cleaned', () => {
    for (const name of ['\u202E', '\u0000\r\n', '   ', '\u200B'])
      expect(nameSchema.safeParse(name).success).toBe(false);
  });

  it('refuses the assistant’s name on a profile change', () => {
    const result = updateMeSchema.safeParse({ name: 'parley ai' });
    expect(result.success).toBe(false);
  });
});
