import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { POST as createGame } from '@/app/api/v1/conversations/[id]/games/route';
import { GET as listSessions } from '@/app/api/v1/me/sessions/route';
import {
  apiUrl,
  BASE_URL,
  createApiToken,
  getRequest,
  jsonRequest,
  sendText,
  signUpUsers,
  startDirect,
  startGroup,
  uploadImage,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import { startCall } from '@/test/calls';

/**
 * The authorization matrix: every operation of the OpenAPI document that names someone's object
 * in its path (a conversation, message, upload, call, token, session, job), pointed at objects
 * that belong to Ana and Ben, called by Cy (signed in with a cookie, and with an API token; a
 * member of nothing of theirs) and by nobody. Each cell must be refused (401, 403 or 404), with
 * a valid body so that the refusal is the authorization and not the input check, and afterwards
 * Ana's and Ben's objects are unchanged. The count it prints is the "authorization cells" figure
 * in docs/SECURITY.md.
 */
type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const documentSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({ parameters: z.array(z.object({ name: z.string(), in: z.string() })).optional() }),
    ),
  ),
});

/**
 * Readable to anyone signed in by design: a person's avatar (shown beside their name) and their
 * game record (shown in their profile card).
 */
const PUBLIC = new Set(['GET /users/{id}/avatar', 'GET /users/{id}/game-stats']);

let ana: TestAccount;
let ben: TestAccount;
let cy: TestAccount;
let cyToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [ana, ben, cy] = await signUpUsers(3);
  cyToken = (await createApiToken(cy.cookie)).token;
  const group = await startGroup(ana, [ben], 'Ana and Ben');
  const direct = await startDirect(ana, ben);
  const { call } = await startCall(ana, direct.id, 'audio');
  const image = await uploadImage(ana);
  const message = await sendText(ana, group.id, 'for members only');
  const token = await createApiToken(ana.cookie);
  const challenge = await createGame(
    jsonRequest(
      'POST',
      `/conversations/${group.id}/games`,
      { kind: 'tictactoe', opponentId: ben.user.id },
      withCookie(ana.cookie),
    ),
    withParams({ id: group.id }),
  );
  const game = z.object({ game: z.object({ id: z.string() }) }).parse(await challenge.json()).game;
  const sessions = z
    .object({ sessions: z.array(z.object({ id: z.string() })) })
    .parse(await (await listSessions(getRequest('/me/sessions', withCookie(ana.cookie)))).json());
  Object.assign(ids, {
    conversation: group.id,
    message: message.id,
    upload: image.id,
    token: token.id,
    session: sessions.sessions[0]!.id,
    user: ben.user.id,
    call: call.id,
    game: game.id,
  });
});

/** The object a path's `{id}` names, by the collection it follows. */
function idFor(p: string): string {
  if (p.startsWith('/conversations/')) return ids.conversation!;
  if (p.startsWith('/messages/')) return ids.message!;
  if (p.startsWith('/uploads/')) return ids.upload!;
  if (p.startsWith('/tokens/')) return ids.token!;
  if (p.startsWith('/me/sessions/')) return ids.session!;
  if (p.startsWith('/users/')) return ids.user!;
  if (p.startsWith('/calls/')) return ids.call!;
  if (p.startsWith('/games/')) return ids.game!;
  // An admin job: Cy is no admin, whichever job it names.
  return 'job_000000000000000000';
}

/** A valid body per operation, so a refusal comes from authorization, not validation. */
function bodyFor(method: string, p: string): unknown {
  const key = `${method} ${p}`;
  const bodies: Record<string, unknown> = {
    'PATCH /conversations/{id}': { name: 'Taken over' },
    'POST /conversations/{id}/members': { userIds: [cy.user.id] },
    'PATCH /conversations/{id}/membership': { muted: true },
    'POST /conversations/{id}/messages': { body: 'let me in', clientId: crypto.randomUUID() },
    'POST /conversations/{id}/read': { seq: 1 },
    'POST /conversations/{id}/calls': { kind: 'audio' },
    'POST /calls/{id}': { action: 'hangup' },
    'PATCH /messages/{id}': { body: 'edited by Cy' },
    'POST /conversations/{id}/games': { kind: 'tictactoe' },
    'POST /games/{id}': { action: 'join' },
    'POST /games/{id}/moves': { move: '4', expectedVersion: 1 },
    'POST /messages/{id}/thread/read': { seq: 1 },
    'PUT /conversations/{id}/pin-policy': { policy: 'everyone' },
    'PATCH /conversations/{id}/members/{userId}': { role: 'admin' },
    'POST /conversations/{id}/unread': { seq: 1 },
  };
  return bodies[key] ?? {};
}

async function handlerFor(openApiPath: string, method: string): Promise<Handler> {
  const folder = openApiPath.replace(/\{(\w+)\}/g, '[$1]');
  const mod: Record<string, unknown> = await import(path.resolve(`app${folder}/route.ts`));
  return mod[method] as Handler;
}

describe('the authorization matrix', () => {
  it("refuses Cy and nobody every operation on Ana's and Ben's objects, and changes nothing", async () => {
    const document = documentSchema.parse(
      await (await openApiRoute(new Request(apiUrl('/openapi.json')))).json(),
    );
    const callers: { name: string; headers: Record<string, string> }[] = [
      { name: 'Cy (cookie)', headers: { cookie: cy.cookie, origin: BASE_URL } },
      { name: 'Cy (API token)', headers: { authorization: `Bearer ${cyToken}` } },
      { name: 'nobody', headers: { origin: BASE_URL } },
    ];
    const failures: string[] = [];
    let cells = 0;
    for (const [full, methods] of Object.entries(document.paths)) {
      if (!full.includes('{')) continue;
      const p = full.replace(/^\/api\/v1/, '');
      for (const [lower, op] of Object.entries(methods)) {
        const method = lower.toUpperCase();
        const label = `${method} ${p}`;
        if (PUBLIC.has(label)) continue;
        const handler = await handlerFor(full, method);
        const params = Object.fromEntries(
          (op.parameters ?? [])
            .filter((x) => x.in === 'path')
            .map((x) => [
              x.name,
              x.name === 'userId' ? ben.user.id : x.name === 'emoji' ? '👍' : idFor(p),
            ]),
        );
        const url = `${BASE_URL}${full.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!))}`;
        for (const caller of callers) {
          cells++;
          const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
          const res = await handler(
            new Request(url, {
              method,
              headers: {
                ...caller.headers,
                ...(hasBody ? { 'content-type': 'application/json' } : {}),
              },
              body: hasBody ? JSON.stringify(bodyFor(method, p)) : undefined,
            }),
            { params: Promise.resolve(params) },
          );
          if (![401, 403, 404].includes(res.status))
            failures.push(
              `${label} as ${caller.name}: ${res.status} ${(await res.text()).slice(0, 120)}`,
            );
        }
      }
    }

    // Nothing of theirs changed: the group, its members, the message, Ana's token and session.
    const { GET: getConversation } = await import('@/app/api/v1/conversations/[id]/route');
    const conversation = z
      .object({
        conversation: z.object({
          name: z.string().nullable(),
          members: z.array(z.object({ id: z.string() })),
        }),
      })
      .parse(
        await (
          await getConversation(
            getRequest(`/conversations/${ids.conversation}`, withCookie(ana.cookie)),
            {
              params: Promise.resolve({ id: ids.conversation! }),
            },
          )
        ).json(),
      ).conversation;
    expect(conversation.name).toBe('Ana and Ben');
    expect(conversation.members.map((m) => m.id).sort()).toEqual([ana.user.id, ben.user.id].sort());
    const { GET: getMessages } = await import('@/app/api/v1/conversations/[id]/messages/route');
    const messages = z
      .object({ messages: z.array(z.object({ id: z.string(), body: z.string().nullable() })) })
      .parse(
        await (
          await getMessages(
            getRequest(`/conversations/${ids.conversation}/messages`, withCookie(ana.cookie)),
            {
              params: Promise.resolve({ id: ids.conversation! }),
            },
          )
        ).json(),
      ).messages;
    expect(messages.find((m) => m.id === ids.message)?.body).toBe('for members only');
    expect(messages.filter((m) => m.body === 'let me in')).toEqual([]);
    const still = await listSessions(getRequest('/me/sessions', withCookie(ana.cookie)));
    expect(still.status).toBe(200);

    console.log(`authorization matrix: ${cells} cells checked, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(50);
  }, 120_000);
});
