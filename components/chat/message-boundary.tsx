'use client';

import { Component, type ReactNode } from 'react';

type Props = { body: string; children: ReactNode };

/**
 * Keeps one message from taking down the conversation: if rendering it throws (a renderer bug, a
 * body nobody foresaw), that message alone shows a notice and its text as plain text, and the
 * rest of the list goes on rendering.
 */
export class MessageBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A message could not be displayed', error);
  }

  override componentDidUpdate(previous: Props): void {
    // An edit may have fixed it: try the new text.
    if (this.state.failed && previous.body !== this.props.body) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="article" className="px-4 py-1 pl-16">
        <p className="text-xs italic text-muted">{"This message can't be displayed"}</p>
        <p className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{this.props.body}</p>
      </div>
    );
  }
}
