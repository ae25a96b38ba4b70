// Splash screen hook: waits for the backend before rendering the app.
import { useEffect, useState } from "react";

const MAX_POLLS = 30;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function useBackendReady(url: string): boolean {
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const waitForever = async () => {
      while (!cancelled) { // expect: uncapped-retry
        try {
          const res = await fetch(url);
          if (res.ok) {
            setReady(true);
            return;
          }
        } catch (err) {
          console.debug("backend not up yet", err);
        }
        await sleep(1000);
      }
    };
    void waitForever();
    return () => {
      cancelled = true;
    };
  }, [url]);

  return ready;
}

export function useBackendReadyCapped(url: string): boolean {
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const waitCapped = async () => {
      let polls = 0;
      while (!cancelled) { // ok: uncapped-retry
        try {
          const res = await fetch(url);
          if (res.ok) {
            setReady(true);
            return;
          }
        } catch (err) {
          console.debug("backend not up yet", err);
        }
        if (++polls > MAX_POLLS) {
          return;
        }
        await sleep(1000);
      }
    };
    void waitCapped();
    return () => {
      cancelled = true;
    };
  }, [url]);

  return ready;
}
