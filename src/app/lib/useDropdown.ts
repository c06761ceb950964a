import { useEffect, useRef, type RefObject } from 'react';

/**
 * A `<details>` drop-down that closes when the user clicks outside it (the element itself only
 * closes on its own summary). Returns the ref to put on the `<details>` and a `close` for its items
 * and the Escape key.
 */
export function useDropdown(): { ref: RefObject<HTMLDetailsElement | null>; close: () => void } {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute('open');
  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) ref.current.removeAttribute('open');
    };
    document.addEventListener('click', onDoc);
    return () => document.removeEventListener('click', onDoc);
  }, []);
  return { ref, close };
}
