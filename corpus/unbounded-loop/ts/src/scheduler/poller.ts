// Polls the billing provider for settled invoices and publishes them.
import { setTimeout as sleep } from "node:timers/promises";
import type { BillingClient, Invoice } from "../types";
import { logger } from "../logger";

export class InvoicePoller {
  private running = false;
  private stopped = false;
  private readonly buffer: Invoice[] = [];

  constructor(
    private readonly client: BillingClient,
    private readonly intervalMs = 30_000,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    while (this.running) { // ok: unbounded-loop
      await this.pollOnce();
      await sleep(this.intervalMs);
    }
  }

  stop(): void {
    this.running = false;
    this.stopped = true;
  }

  async pollUntilAborted(signal: AbortSignal): Promise<void> {
    for (;;) { // ok: unbounded-loop
      if (signal.aborted) {
        logger.info("poller aborted");
        return;
      }
      await this.pollOnce();
      await sleep(this.intervalMs);
    }
  }

  async pollWithTimer(): Promise<void> {
    while (true) { // expect: unbounded-loop
      await this.pollOnce();
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          if (this.stopped) {
            return; // meant to end polling: the promise never settles and the loop hangs
          }
          resolve();
        }, this.intervalMs),
      );
    }
  }

  async #flush(): Promise<number> {
    let sent = 0;
    while (true) { // ok: unbounded-loop
      const invoice = this.buffer.shift();
      if (invoice === undefined) {
        return sent;
      }
      await this.client.publish(invoice);
      sent++;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Invoice> {
    for (;;) { // ok: unbounded-loop
      const page = await this.client.settled({ limit: 100 });
      yield* page.items;
      await sleep(this.intervalMs);
    }
  }

  private async pollOnce(): Promise<void> {
    const page = await this.client.settled({ limit: 100 });
    this.buffer.push(...page.items);
    const sent = await this.#flush();
    logger.debug({ sent }, "invoices published");
  }
}

export async function pollForDebugging(poller: InvoicePoller): Promise<void> {
  while (true) { // ok: unbounded-loop
    await poller.pollUntilAborted(AbortSignal.timeout(60_000));
    // an exit that looks like debugging leftovers but runs whenever POLL_ONCE is set
    if (process.env.POLL_ONCE === "1") {
      break;
    }
  }
}

export async function pollAll(pollers: InvoicePoller[]): Promise<void> {
  while (true) { // expect: unbounded-loop
    for (const poller of pollers) {
      try {
        await poller.pollUntilAborted(AbortSignal.timeout(60_000));
      } catch (err) {
        logger.error({ err }, "poller failed");
        break; // leaves the for-of only: the outer loop starts over
      }
    }
  }
}
