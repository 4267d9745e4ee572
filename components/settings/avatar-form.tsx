'use client';

import { ImageUp } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FilePicker } from '@/components/ui/file-picker';
import { ApiClientError, callEndpoint, uploadToEndpoint } from '@/lib/api/client';
import { toast } from '@/lib/ui/client/toast-store';
import { deleteAvatarEndpoint, uploadAvatarEndpoint } from '@/lib/users/endpoints';

const MAX_BYTES = 2 * 1024 * 1024;

export function AvatarForm({ name, image }: { name: string; image: string | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setPending(true);
    setMessage(null);
    try {
      await action();
      toast({ title: done, variant: 'success' });
      router.refresh();
    } catch (error) {
      setMessage(
        error instanceof ApiClientError ? error.message : 'Something went wrong. Try again.',
      );
    } finally {
      setPending(false);
    }
  }

  function upload(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage('That image is larger than 2 MB. Choose a smaller one.');
      return;
    }
    const body = new FormData();
    body.set('file', file);
    void run(() => uploadToEndpoint(uploadAvatarEndpoint, body), 'Avatar updated');
  }

  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={message} />
      <div className="flex items-center gap-4">
        <Avatar name={name} src={image} size={72} />
        <div className="flex flex-col gap-2">
          <p aria-hidden className="text-sm font-medium">
            Avatar
          </p>
          <FilePicker
            label="Avatar"
            showLabel={false}
            accept="image/png,image/jpeg,image/webp,image/gif"
            disabled={pending}
            onFiles={(files) => upload(files[0])}
            className="h-9 self-start border border-border px-3"
          >
            <ImageUp aria-hidden size={16} />
            Choose an image
          </FilePicker>
          <p className="text-sm text-muted">PNG, JPEG, WebP or GIF, up to 2 MB.</p>
        </div>
      </div>
      {image ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => void run(() => callEndpoint(deleteAvatarEndpoint), 'Avatar removed')}
          >
            Remove avatar
          </Button>
        </div>
      ) : null}
    </div>
  );
}
