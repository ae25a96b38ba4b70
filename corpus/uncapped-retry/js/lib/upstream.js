// Clients for upstream HTTP services: retries around fetch and axios.
"use strict";

const axios = require("axios");
const { setTimeout: sleepFor } = require("node:timers/promises");
const logger = require("./logger");

const MAX_ATTEMPTS = 5;
const DEADLINE_MS = 30_000;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchForever(url) {
  while (true) { // expect: uncapped-retry
    try {
      const res = await fetch(url, { headers: { accept: "application/json" } });
      if (res.ok) {
        return await res.json();
      }
      logger.warn(`upstream answered ${res.status}`);
    } catch (err) {
      logger.warn(`retrying ${url}: ${err.message}`);
    }
    await sleep(2000);
  }
}

async function fetchHammering(url) {
  for (;;) { // expect: uncapped-retry
    try {
      const { data } = await axios.get(url, { timeout: 5000 });
      return data;
    } catch (err) {
      continue;
    }
  }
}

async function fetchCapped(url) {
  let attempts = 0;
  while (true) { // ok: uncapped-retry
    try {
      const { data } = await axios.get(url, { timeout: 5000 });
      return data;
    } catch (err) {
      attempts++;
      if (attempts >= MAX_ATTEMPTS) {
        throw err;
      }
      await sleep(2 ** attempts * 100);
    }
  }
}

async function fetchWithDeadline(url) {
  const deadline = Date.now() + DEADLINE_MS;
  while (true) { // ok: uncapped-retry
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (err) {
      if (Date.now() > deadline) {
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function fetchBounded(url) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) { // ok: uncapped-retry
    try {
      return await axios.post(url, { ping: true });
    } catch (err) {
      await sleepFor(250 * 2 ** attempt);
    }
  }
  throw new Error("upstream down");
}

async function fetchCappedNoWait(url) {
  let attempts = 0;
  while (true) { // expect: uncapped-retry
    try {
      return await fetch(url);
    } catch (err) {
      attempts += 1;
      if (attempts > MAX_ATTEMPTS) {
        throw err;
      }
    }
  }
}

async function fetchSwallowing(url) {
  while (true) { // expect: uncapped-retry
    const res = await fetch(url).catch(() => null);
    if (res && res.ok) {
      return res.json();
    }
    await sleepFor(500);
  }
}

async function fetchWithElapsedBudget(url) {
  const started = performance.now();
  while (true) { // ok: uncapped-retry
    try {
      return await axios.get(url);
    } catch (err) {
      if (performance.now() - started >= DEADLINE_MS) {
        throw err;
      }
      await sleepFor(1000);
    }
  }
}

async function pollStatus(jobUrl) {
  while (true) { // ok: uncapped-retry
    const res = await fetch(jobUrl);
    const { status } = await res.json();
    if (status === "done" || status === "failed") {
      return status;
    }
    await sleep(1000);
  }
}

async function fetchOnceOrFail(url) {
  while (true) { // todo-ok: uncapped-retry
    try {
      return await axios.get(url);
    } catch (err) {
      logger.error(`giving up on ${url}`);
      throw err;
    }
  }
}

module.exports = {
  fetchForever,
  fetchHammering,
  fetchCapped,
  fetchWithDeadline,
  fetchBounded,
  fetchCappedNoWait,
  fetchSwallowing,
  fetchWithElapsedBudget,
  pollStatus,
  fetchOnceOrFail,
};
