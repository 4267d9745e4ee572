import 'client-only';

import { create } from 'zustand';

/** The app-wide dialogs opened by shortcuts and by their buttons. */
type DialogsState = {
  switcher: boolean;
  shortcuts: boolean;
  setSwitcher: (open: boolean) => void;
  setShortcuts: (open: boolean) => void;
};

export const useDialogsStore = create<DialogsState>((set) => ({
  switcher: false,
  shortcuts: false,
  setSwitcher: (switcher) => set({ switcher }),
  setShortcuts: (shortcuts) => set({ shortcuts }),
}));
