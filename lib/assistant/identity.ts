/**
 * The built-in participant "Parley AI": a person record with a fixed id that nobody can sign in
 * as (no password, no linked account). Client-safe: the browser uses the id to label its messages.
 */
export const ASSISTANT_ID = 'u_parleyai000000000000';
export const ASSISTANT_NAME = 'Parley AI';
export const ASSISTANT_EMAIL = 'assistant@parley.invalid';

export const isAssistant = (userId: string | null | undefined) => userId === ASSISTANT_ID;
