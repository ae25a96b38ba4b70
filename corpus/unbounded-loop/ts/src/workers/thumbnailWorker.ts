// worker_threads entry that renders thumbnails for the main thread.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { render } from "../images/render";

interface Job {
  id: string;
  path: string;
  width: number;
}

const port = workerData.port as MessagePort;

export function drainPending(): number {
  let handled = 0;
  while (true) { // ok: unbounded-loop
    const message = receiveMessageOnPort(port);
    if (message === undefined) {
      break;
    }
    const job = message.message as Job;
    parentPort?.postMessage({ id: job.id, thumbnail: render(job.path, job.width) });
    handled++;
  }
  return handled;
}

export function renderSizes(job: Job, sizes: number[]): void {
  let index = 0;
  do { // ok: unbounded-loop
    try {
      const width = sizes[index++];
      if (width === undefined) {
        return;
      }
      parentPort?.postMessage({ id: job.id, width, thumbnail: render(job.path, width) });
    } catch (err) {
      parentPort?.postMessage({ id: job.id, error: String(err) });
      throw err;
    }
  } while (true);
}

export function* batches(jobs: Job[], size: number): Generator<Job[]> {
  let start = 0;
  while (true) { // ok: unbounded-loop
    const batch = jobs.slice(start, start + size);
    if (batch.length === 0) return;
    yield batch;
    start += size;
  }
}

export function spin(flag: Int32Array): void {
  const ready = Atomics.load(flag, 0) === 1;
  while (!ready) { // expect: unbounded-loop
    Atomics.wait(flag, 0, 0, 100);
  }
}

export function spinUntilReady(flag: Int32Array): void {
  let ready = false;
  while (!ready) { // ok: unbounded-loop
    Atomics.wait(flag, 0, 0, 100);
    ready = Atomics.load(flag, 0) === 1;
  }
}
