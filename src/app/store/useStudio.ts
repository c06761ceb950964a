import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { studioStore, type StudioState } from './studioStore.ts';

/** Subscribes a component to the smallest piece of studio state it needs. */
export function useStudio<T>(selector: (s: StudioState) => T): T {
  return useStore(studioStore, selector);
}

/** Like {@link useStudio} for selectors that build arrays or objects (shallow-compared). */
export function useStudioShallow<T>(selector: (s: StudioState) => T): T {
  return useStore(studioStore, useShallow(selector));
}
