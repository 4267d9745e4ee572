'use client';

import { useRouter } from 'next/navigation';

import { FormAlert } from '@/components/auth/form-alert';
import { useForm } from '@/components/auth/use-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { callEndpoint } from '@/lib/api/client';
import { updateMeSchema } from '@/lib/auth/schemas';
import { toast } from '@/lib/ui/client/toast-store';
import { updateMeEndpoint } from '@/lib/users/endpoints';

export function ProfileForm({ name, statusText }: { name: string; statusText: string | null }) {
  const router = useRouter();
  const form = useForm(updateMeSchema, async (values) => {
    await callEndpoint(updateMeEndpoint, { body: values });
    toast({ title: 'Profile saved', variant: 'success' });
    router.refresh();
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label="Profile">
      <FormAlert message={form.message} />
      <Input
        label="Name"
        name="name"
        defaultValue={name}
        autoComplete="name"
        error={form.errors.name}
      />
      <Input
        label="Status"
        name="statusText"
        defaultValue={statusText ?? ''}
        placeholder="What are you up to?"
        maxLength={140}
        error={form.errors.statusText}
      />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}
