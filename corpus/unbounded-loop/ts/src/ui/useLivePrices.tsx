// React hook and widget that keep a price table fresh.
import { useEffect, useState } from "react";
import { fetchTick } from "../api/prices";

export function useLivePrices(symbols: string[]): Record<string, number> {
  const [prices, setPrices] = useState<Record<string, number>>({});

  useEffect(() => {
    let cancelled = false;
    (async () => {
      while (!cancelled) { // ok: unbounded-loop
        for (const symbol of symbols) {
          const tick = await fetchTick(symbol);
          setPrices((prev) => ({ ...prev, [symbol]: tick.price }));
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [symbols]);

  return prices;
}

export function useTicker(symbol: string): number | undefined {
  const [price, setPrice] = useState<number>();

  useEffect(() => {
    (async () => {
      while (true) { // expect: unbounded-loop
        const tick = await fetchTick(symbol);
        setPrice((prev) => {
          if (prev === tick.price) return prev; // returns from the updater only
          return tick.price;
        });
      }
    })();
  }, [symbol]);

  return price;
}

export function useTickerWithAbort(symbol: string): number | undefined {
  const [price, setPrice] = useState<number>();

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      for (;;) { // ok: unbounded-loop
        const res = await fetch(`/api/prices/${encodeURIComponent(symbol)}`, {
          signal: controller.signal,
        });
        setPrice((await res.json()).price);
      }
    })().catch(() => undefined);
    return () => controller.abort();
  }, [symbol]);

  return price;
}

export function PriceTable({ symbols }: { symbols: string[] }) {
  const prices = useLivePrices(symbols);
  return (
    <table>
      <tbody>
        {symbols.map((s) => (
          <tr key={s}>
            <td>{s}</td>
            <td>{prices[s]?.toFixed(2) ?? "…"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
