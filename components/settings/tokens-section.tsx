'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { useForm } from '@/components/auth/use-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { createTokenEndpoint, revokeTokenEndpoint } from '@/lib/auth/endpoints';
import { tokenNameSchema } from '@/lib/auth/schemas';
import { toast } from '@/lib/ui/client/toast-store';

export type TokenView = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function TokensSection({ tokens }: { tokens: TokenView[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const form = useForm(tokenNameSchema, async (values) => {
    const res = await callEndpoint(createTokenEndpoint, { body: values });
    setCreated(res.token);
    router.refresh();
  });

  async function revoke(token: TokenView) {
    setRevokeError(null);
    try {
      await callEndpoint(revokeTokenEndpoint, { params: { id: token.id } });
      toast({ title: `Revoked “${token.name}”`, variant: 'success' });
      router.refresh();
    } catch (error) {
      setRevokeError(
        error instanceof ApiClientError ? error.message : 'Could not revoke the token. Try again.',
      );
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={form.onSubmit}
        noValidate
        className="flex items-end gap-2"
        aria-label="New API token"
      >
        <div className="flex-1">
          <Input
            label="Token name"
            name="name"
            placeholder="e.g. deploy bot"
            error={form.errors.name}
          />
        </div>
        <Button type="submit" disabled={form.pending}>
          Create token
        </Button>
      </form>
      <FormAlert message={form.message ?? revokeError} />
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-accent p-3">
          <p className="text-sm">Copy your new token now. You will not be able to see it again.</p>
          <Input
            label="New token"
            readOnly
            value={created}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-xs"
          />
          <div>
            <Button size="sm" variant="secondary" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">
          No API tokens yet. Scripts and bots use them instead of your password.
        </p>
      ) : (
        <ul
          aria-label="API tokens"
          className="divide-y divide-border rounded-md border border-border"
        >
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <div>
                <p className="font-medium">{t.name}</p>
                <p className="text-sm text-muted">
                  Created {day(t.createdAt)} ·{' '}
                  {t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : 'never used'}
                </p>
              </div>
              <Button
                variant="danger"
                size="sm"
                onClick={() => void revoke(t)}
                aria-label={`Revoke ${t.name}`}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
