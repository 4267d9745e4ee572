/**
 * The look of an `@Name` mention in a message, shared by the Markdown renderer (hast class lists)
 * and the plain-text one (message-body.tsx), so a message looks the same whichever renders it.
 */
export const MENTION_CLASSES = {
  mine: ['rounded', 'px-0.5', 'font-semibold', 'bg-accent', 'text-accent-fg'],
  other: ['rounded', 'px-0.5', 'font-medium', 'bg-accent/15', 'text-accent'],
} as const;

/** What a screen reader hears for a mention of the reader. */
export const MENTION_OF_YOU = 'mention of you';

/** The classes around a message's text (Markdown blocks or one plain paragraph). */
export const BODY_CLASS = 'space-y-2 text-sm leading-relaxed [overflow-wrap:anywhere]';
