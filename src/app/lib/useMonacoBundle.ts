import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoBundle } from './monaco.ts';

/**
 * Monaco for a component, loaded lazily on first use (one shared load for every editor): the bundle
 * once ready, or the load error to show instead of a spinner that never ends.
 */
export function useMonacoBundle(): { bundle: MonacoBundle | null; error: string | null } {
  const [bundle, setBundle] = useState<MonacoBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    loadMonaco()
      .then((b) => alive && setBundle(b))
      .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
    };
  }, []);
  return { bundle, error };
}
