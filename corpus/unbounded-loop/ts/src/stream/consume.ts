// Consumers for the export service's NDJSON streams.
import type { Readable } from "node:stream";

export interface Sink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export async function collect(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let done: boolean | undefined = false;
  let value: Uint8Array | undefined;
  while (!done) { // ok: unbounded-loop
    ({ done, value } = await reader.read());
    if (value) chunks.push(value);
  }
  return chunks;
}

export async function forward(body: ReadableStream<Uint8Array>, sink: Sink): Promise<void> {
  const reader = body.getReader();
  while (true) { // ok: unbounded-loop
    const { done, value } = await reader.read();
    if (done) break;
    await sink.write(value);
  }
  await sink.close();
}

export async function countLines(stream: Readable): Promise<number> {
  let lines = 0;
  for await (const chunk of stream) { // ok: unbounded-loop
    lines += chunk.toString().split("\n").length - 1;
  }
  return lines;
}

export async function forwardUntilClosed(
  body: ReadableStream<Uint8Array>,
  sink: Sink,
  closed: boolean,
): Promise<void> {
  const reader = body.getReader();
  while (!closed) { // expect: unbounded-loop
    const { value } = await reader.read();
    if (value) await sink.write(value);
  }
}

export async function pumpSerial(port: SerialLike, sink: Sink): Promise<void> {
  const reader = port.readable.getReader();
  try {
    while (true) { // ok: unbounded-loop
      // read() rejects with a NetworkError when the device is unplugged
      const { value } = await reader.read();
      if (value) await sink.write(value);
    }
  } catch (err) {
    await sink.close();
  } finally {
    reader.releaseLock();
  }
}

export interface SerialLike {
  readable: ReadableStream<Uint8Array>;
}

export async function skipHeader(body: ReadableStream<Uint8Array>, lines: number): Promise<void> {
  const reader = body.getReader();
  let left = lines;
  while (left) { // ok: unbounded-loop
    const { value } = await reader.read();
    left -= value ? value.filter((byte) => byte === 10).length : left;
  }
  reader.releaseLock();
}

export async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  const finished = false;
  do { // expect: unbounded-loop
    const result = await reader.read();
    if (result.done) {
      reader.releaseLock(); // meant to finish: `finished` stays false
    } else {
      bytes += result.value.length;
    }
  } while (!finished);
  return bytes;
}
