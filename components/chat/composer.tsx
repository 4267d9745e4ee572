'use client';

import { Paperclip, SendHorizontal } from 'lucide-react';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FilePicker } from '@/components/ui/file-picker';
import { chatApi } from '@/lib/chat/client/api-client';
import { applyMention, mentionQuery } from '@/lib/chat/mentions';
import { plainPreview } from '@/lib/chat/plain-text';
import { MESSAGE_MAX_LENGTH } from '@/lib/chat/schemas';
import { sendNew } from '@/lib/chat/client/send';
import { createTypingThrottle, type TypingState, type TypingThrottle } from '@/lib/chat/typing';
import type { ConversationWire } from '@/lib/chat/wire';
import { useComposerDrafts } from '@/lib/chat/client/composer-drafts';
import { useComposerStore } from '@/lib/chat/client/composer-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { sendReply } from '@/lib/threads/client/sync';
import { toast } from '@/lib/ui/client/toast-store';

import { AttachmentTray } from './attachment-tray';
import { MentionList } from './mention-list';
import { useAttachments } from './use-attachments';

/**
 * The composer: Enter sends, Shift+Enter adds a line, Up edits my last message, Esc cancels a
 * reply or an edit. Typing is announced (throttled) to the conversation room.
 */
export function Composer({
  conversation,
  meId,
  sendTyping,
  threadRootId,
}: {
  conversation: ConversationWire;
  meId: string;
  sendTyping: (state: TypingState) => void;
  /** A thread's composer: replies go to this root, and its draft is kept while closed. */
  threadRootId?: string;
}) {
  // Replying, editing and the draft are kept per composer: the conversation's, or a thread's.
  const id = threadRootId ?? conversation.id;
  // What is typed is this composer's draft (localStorage, per person, in the drafts store): it
  // survives switching conversations, closing a thread and reloading. An edit is not a draft.
  const draftText = useComposerDrafts((s) => (s.userId === meId ? (s.texts[id] ?? '') : ''));
  const [editText, setEditText] = useState('');
  useEffect(() => useComposerDrafts.getState().load(meId), [meId]);
  const [alsoSend, setAlsoSend] = useState(false);
  const [caret, setCaret] = useState(0);
  const [mentionIndex, setMentionIndex] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const replyTo = useComposerStore((s) => s.replyTo[id]);
  const editing = useComposerStore((s) => s.editing[id]);
  const text = editing ? editText : draftText;
  const setText = (next: string) => {
    if (editing) setEditText(next);
    else useComposerDrafts.getState().set(id, next);
  };
  const attachments = useAttachments();
  const throttle = useRef<TypingThrottle | null>(null);
  useEffect(() => {
    const t = createTypingThrottle({ send: sendTyping });
    throttle.current = t;
    return () => t.dispose();
  }, [sendTyping]);

  // Starting an edit puts the message in the composer (state adjusted while rendering, as React
  // recommends over an effect); a reply or an edit focuses it.
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  if (editing?.id !== editingId) {
    setEditingId(editing?.id);
    if (editing) setEditText(editing.body);
  }
  useEffect(() => {
    if (editing || replyTo) area.current?.focus();
  }, [editing, replyTo]);
  // Opening a conversation puts the cursor in its composer, where a keyboard user starts. Not
  // on touch screens: focusing would raise the on-screen keyboard over the messages.
  useEffect(() => {
    if (window.matchMedia('(hover: hover)').matches) area.current?.focus({ preventScroll: true });
  }, [id]);

  const query = mentionQuery(text, caret);
  const suggestions = query
    ? conversation.members
        .filter((m) => m.id !== meId && m.name.toLowerCase().startsWith(query.query.toLowerCase()))
        .slice(0, 6)
    : [];

  function pickMention(name: string) {
    const next = applyMention(text, caret, name);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
  }

  function cancel() {
    const store = useComposerStore.getState();
    // Back from an edit, the draft that was there before shows again (it was never replaced).
    store.setEditing(id, undefined);
    store.setReplyTo(id, undefined);
  }

  async function submit() {
    const body = text.trim();
    if (body.length > MESSAGE_MAX_LENGTH) {
      toast({ title: `Messages are at most ${MESSAGE_MAX_LENGTH} characters`, variant: 'error' });
      return;
    }
    if (editing) {
      if (!body) return;
      const target = editing;
      cancel();
      try {
        await chatApi.editMessage(target.id, body);
      } catch (e) {
        toast({ title: 'Edit not saved', description: (e as Error).message, variant: 'error' });
      }
      return;
    }
    if (attachments.uploading) {
      toast({ title: 'Wait for the images to finish uploading', variant: 'info' });
      return;
    }
    if (!body && attachments.ready.length === 0) return;
    throttle.current?.stop();
    const ready = attachments.ready;
    setText('');
    attachments.clear();
    useComposerStore.getState().setReplyTo(id, undefined);
    if (threadRootId) {
      await sendReply({
        conversationId: conversation.id,
        rootId: threadRootId,
        meId,
        body,
        // A reply to one message of the thread quotes it, as in the main timeline.
        replyToId: replyTo?.id ?? null,
        alsoSendToConversation: alsoSend,
        attachments: ready,
      });
      return;
    }
    await sendNew({
      conversationId: id,
      meId,
      body,
      replyToId: replyTo?.id ?? null,
      attachments: ready,
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.nativeEvent.isComposing) return;
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setMentionIndex((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pickMention(suggestions[Math.min(mentionIndex, suggestions.length - 1)]!.name);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && (editing || replyTo)) {
      e.preventDefault();
      cancel();
    } else if (e.key === 'ArrowUp' && text === '' && !editing) {
      const mine = useTimelineStore
        .getState()
        .conversations[id]?.messages.findLast(
          (m) => m.authorId === meId && !m.deletedAt && m.kind === 'user',
        );
      if (mine) {
        e.preventDefault();
        useComposerStore.getState().setEditing(id, mine);
      }
    }
  }

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...e.clipboardData.files].filter((f) => f.type.startsWith('image/'));
    if (files.length) {
      e.preventDefault();
      attachments.add(files);
    }
  }

  const nameOf = (uid: string | null) =>
    conversation.members.find((m) => m.id === uid)?.name ?? 'someone';
  return (
    <div
      // Above the home indicator on phones; the on-screen keyboard resizes the layout
      // (viewport interactive-widget=resizes-content, h-dvh), so it never covers the composer.
      className="border-t border-border p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        attachments.add([...e.dataTransfer.files]);
      }}
    >
      {replyTo || editing ? (
        <div className="mb-2 flex items-center justify-between gap-2 rounded bg-surface-2 px-3 py-1 text-xs">
          <span className="truncate">
            {editing
              ? 'Editing message'
              : `Replying to ${nameOf(replyTo?.authorId ?? null)}: ${replyTo ? plainPreview(replyTo) : ''}`}
          </span>
          <button type="button" onClick={cancel} className="shrink-0 underline">
            Cancel (Esc)
          </button>
        </div>
      ) : null}
      <AttachmentTray items={attachments.items} onRemove={attachments.remove} />
      <div className="relative flex items-end gap-2">
        {suggestions.length > 0 ? (
          <MentionList
            members={suggestions}
            active={Math.min(mentionIndex, suggestions.length - 1)}
            onPick={(name) => {
              pickMention(name);
              area.current?.focus();
            }}
          />
        ) : null}
        <FilePicker
          label="Attach image"
          showLabel={false}
          accept="image/png,image/jpeg,image/webp,image/gif"
          multiple
          onFiles={attachments.add}
          className="h-10 w-10 shrink-0 justify-center text-muted hover:text-fg"
        >
          <Paperclip aria-hidden size={18} />
        </FilePicker>
        <label htmlFor={`composer-${id}`} className="sr-only">
          {threadRootId ? 'Thread reply' : 'Message'}
        </label>
        <textarea
          id={`composer-${id}`}
          data-composer
          ref={area}
          rows={1}
          value={text}
          placeholder={threadRootId ? 'Reply…' : `Message ${conversation.name}`}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setMentionIndex(0);
            if (e.target.value) throttle.current?.keystroke();
            else throttle.current?.stop();
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          className="max-h-48 min-h-10 flex-1 resize-none rounded-md border border-border bg-bg px-3 py-2 text-sm [field-sizing:content] focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        />
        <Button
          onClick={() => void submit()}
          aria-label={editing ? 'Save edit' : 'Send'}
          className="shrink-0 px-3"
        >
          {editing ? 'Save' : <SendHorizontal aria-hidden size={18} />}
        </Button>
      </div>
      {threadRootId ? (
        <label className="mt-2 flex items-center gap-2 text-xs text-muted">
          <input
            type="checkbox"
            checked={alsoSend}
            onChange={(e) => setAlsoSend(e.target.checked)}
          />
          Also send to the conversation
        </label>
      ) : null}
    </div>
  );
}
