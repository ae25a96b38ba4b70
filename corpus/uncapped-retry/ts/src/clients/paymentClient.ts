// Payment gateway client: retries around got, http.request and an injected HTTP client.
import got from "got";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

import type { HttpClient } from "./httpClient";
import { logger } from "../logger";

const MAX_ATTEMPTS = 4;
const BUDGET_MS = 20_000;

interface Charge {
  id: string;
  status: "pending" | "captured" | "failed";
}

interface RetryState {
  attempts: number;
}

export class PaymentClient {
  constructor(
    private readonly client: HttpClient,
    private readonly baseUrl: string,
  ) {}

  async capture(chargeId: string): Promise<Charge> {
    while (true) { // expect: uncapped-retry
      try {
        return await got.post(`${this.baseUrl}/charges/${chargeId}/capture`).json<Charge>();
      } catch (err) {
        logger.warn({ err, chargeId }, "capture failed, retrying");
        await sleep(1500);
      }
    }
  }

  async captureCapped(chargeId: string): Promise<Charge> {
    const state: RetryState = { attempts: 0 };
    while (true) { // ok: uncapped-retry
      try {
        return await got.post(`${this.baseUrl}/charges/${chargeId}/capture`).json<Charge>();
      } catch (err) {
        state.attempts++;
        if (state.attempts >= MAX_ATTEMPTS) {
          throw err;
        }
        await sleep(200 * 2 ** state.attempts);
      }
    }
  }

  async refund(chargeId: string): Promise<void> {
    for (;;) { // expect: uncapped-retry
      try {
        await this.client.post(`/charges/${chargeId}/refund`, {});
        return;
      } catch (err: unknown) {
        logger.warn({ err }, "refund failed");
      }
    }
  }

  async refundWithinBudget(chargeId: string): Promise<void> {
    const started = new Date();
    let wait = 250;
    for (;;) { // ok: uncapped-retry
      try {
        await this.client.post(`/charges/${chargeId}/refund`, {});
        return;
      } catch (err: unknown) {
        if (new Date().getTime() - started.getTime() > BUDGET_MS) {
          throw err;
        }
        await sleep(wait);
        wait *= 2;
      }
    }
  }

  async status(chargeId: string): Promise<Charge> {
    let tries = 0;
    while (true) { // expect: uncapped-retry
      try {
        const res = await this.client.get(`/charges/${chargeId}`);
        return res.data as Charge;
      } catch (err) {
        if (++tries > MAX_ATTEMPTS) {
          throw err;
        }
      }
    }
  }

  async statusBounded(chargeId: string): Promise<Charge | undefined> {
    let attempt = 0;
    while (attempt < MAX_ATTEMPTS) { // ok: uncapped-retry
      attempt++;
      try {
        const res = await this.client.get(`/charges/${chargeId}`);
        return res.data as Charge;
      } catch (err) {
        await sleep(100 * attempt);
      }
    }
    return undefined;
  }

  async awaitSettled(chargeId: string): Promise<Charge> {
    while (true) { // ok: uncapped-retry
      const res = await this.client.get(`/charges/${chargeId}`);
      const charge = res.data as Charge;
      if (charge.status !== "pending") {
        return charge;
      }
      await sleep(2000);
    }
  }

  async healthz(): Promise<number> {
    while (true) { // todo-expect: uncapped-retry
      try {
        return await new Promise<number>((resolve, reject) => {
          const req = http.request(`${this.baseUrl}/healthz`, (res) => resolve(res.statusCode ?? 0));
          req.on("error", reject);
          req.end();
        });
      } catch (err) {
        await new Promise<void>((resolve) => {
          setTimeout(resolve, 3000);
        });
      }
    }
  }

  async viaHelper(chargeId: string): Promise<Charge> {
    while (true) { // todo-expect: uncapped-retry
      try {
        return await this.send<Charge>(`/charges/${chargeId}`);
      } catch (err) {
        await sleep(1000);
      }
    }
  }

  private async send<T>(path: string): Promise<T> {
    const res = await this.client.get(`${this.baseUrl}${path}`);
    return res.data as T;
  }
}
