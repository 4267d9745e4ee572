import 'client-only';

import { create } from 'zustand';

export type ToastVariant = 'info' | 'success' | 'error';
export type ToastItem = { id: number; title: string; description?: string; variant: ToastVariant };

type ToastState = {
  toasts: ToastItem[];
  push: (toast: Omit<ToastItem, 'id'>) => void;
  dismiss: (id: number) => void;
};

let nextId = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  push: (toast) => set((s) => ({ toasts: [...s.toasts.slice(-4), { ...toast, id: nextId++ }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows a toast from anywhere on the client: `toast({title: 'Saved', variant: 'success'})`. */
export function toast(input: { title: string; description?: string; variant?: ToastVariant }) {
  useToastStore.getState().push({ variant: 'info', ...input });
}
