// Background worker that drains a Redis-backed job queue.
"use strict";

const { setTimeout: sleep } = require("node:timers/promises");
const { createQueue } = require("../lib/queue");
const log = require("../lib/log");

const queue = createQueue(process.env.QUEUE_URL);
let stopping = false;

process.on("SIGTERM", () => {
  log.info("SIGTERM received, finishing the current job");
  stopping = true;
});

async function runWorker() {
  while (!stopping) { // ok: unbounded-loop
    const job = await queue.reserve({ timeoutMs: 5000 });
    if (job) {
      await handle(job);
    }
  }
  await queue.close();
}

async function runScheduled(signal) {
  for (;;) { // ok: unbounded-loop
    signal.throwIfAborted();
    const due = await queue.due(new Date());
    for (const job of due) {
      await queue.enqueue(job);
    }
    await sleep(1000);
  }
}

async function replayFailed() {
  for (;;) { // ok: unbounded-loop
    const failed = await queue.failed(100);
    await Promise.all(failed.map((job) => queue.retry(job.id)));
    if (failed.length < 100) {
      if (process.env.KEEP_REPLAYING !== "1") {
        return failed.length;
      }
    }
  }
}

async function heartbeat(signal) {
  while (true) { // ok: unbounded-loop
    await queue.touch(process.pid);
    await sleep(15000, undefined, { signal });
  }
}

async function drainBatches() {
  while (true) { // expect: unbounded-loop
    const batch = await queue.take(50);
    for (const job of batch) {
      if (job === null) {
        // the queue is empty: meant to stop draining, only stops this batch
        break;
      }
      await handle(job);
    }
  }
}

async function sweepDeadLetters() {
  while (true) { // expect: unbounded-loop
    const dead = await queue.deadLetters();
    dead.forEach((job) => {
      if (job.attempts > 10) {
        return; // leaves the callback, not the sweep
      }
      queue.retry(job.id);
    });
    await sleep(60000);
  }
}

async function waitForLeader(cluster) {
  while (true) { // expect: unbounded-loop
    await cluster.leader().then((leader) => {
      if (leader) {
        return leader; // settles the promise, the wait goes on
      }
      log.debug("no leader yet");
    });
    await sleep(500);
  }
}

const metricsEnabled = true;

async function pushMetrics() {
  // the flag is a module constant: nothing ever turns the loop off
  while (metricsEnabled) { // expect: unbounded-loop
    await queue.pushStats();
    await sleep(10000);
  }
}

let draining = true;

function stopDraining() {
  draining = false;
}

async function drainOutbox() {
  // stopDraining() (exported below) turns the module flag off
  while (draining) { // ok: unbounded-loop
    await queue.flushOutbox();
    await sleep(1000);
  }
}

async function handle(job) {
  const started = Date.now();
  try {
    await job.run();
    await queue.ack(job.id);
  } catch (err) {
    log.error({ err, job: job.id }, "job failed");
    await queue.nack(job.id);
  }
  log.debug({ ms: Date.now() - started }, "job done");
}

module.exports = {
  runWorker,
  runScheduled,
  replayFailed,
  heartbeat,
  drainBatches,
  sweepDeadLetters,
  waitForLeader,
  pushMetrics,
  drainOutbox,
  stopDraining,
};
