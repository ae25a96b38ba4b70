// Subscribes to order events on the message bus and updates the read model.
import { EventEmitter, once } from "node:events";
import type { Bus, OrderEvent, ReadModel } from "../types";

export async function consume(bus: Bus, model: ReadModel): Promise<void> {
  const subscription = bus.subscribe<OrderEvent>("orders.*");
  while (true) { // ok: unbounded-loop
    const next = await subscription.next();
    if (next.done) {
      break; // the bus closed the subscription
    }
    await model.apply(next.value);
  }
}

export async function consumeUntilAborted(bus: Bus, model: ReadModel, signal: AbortSignal) {
  let cancelled = false;
  signal.addEventListener("abort", () => {
    cancelled = true;
  });
  const subscription = bus.subscribe<OrderEvent>("orders.*");
  while (!cancelled) { // ok: unbounded-loop
    const next = await subscription.next();
    if (!next.done) await model.apply(next.value);
  }
}

export async function listen(emitter: EventEmitter, model: ReadModel, signal: AbortSignal) {
  for (;;) { // ok: unbounded-loop
    const [event] = (await once(emitter, "order", { signal })) as [OrderEvent];
    await model.apply(event);
  }
}

export async function listenAll(emitter: EventEmitter, model: ReadModel): Promise<void> {
  for await (const [event] of EventEmitter.on(emitter, "order")) { // ok: unbounded-loop
    await model.apply(event as OrderEvent);
  }
}

export async function replay(bus: Bus, model: ReadModel): Promise<void> {
  const emitter = bus.replay("orders.*");
  while (true) { // expect: unbounded-loop
    const [event] = (await once(emitter, "order")) as [OrderEvent];
    emitter.once("end", () => {
      return; // ends nothing: this is the listener's own return
    });
    await model.apply(event);
  }
}

export async function applyBatch(bus: Bus, model: ReadModel): Promise<void> {
  const events = await bus.pending<OrderEvent>("orders.*");
  while (true) { // expect: unbounded-loop
    for (const event of events) {
      if (event.type === "order.closed") {
        break;
      }
      await model.apply(event);
    }
    await bus.ack(events.length);
  }
}
