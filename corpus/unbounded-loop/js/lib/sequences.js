// Id and delay sequences shared by the workers.

function* ids(prefix) {
  let n = 0;
  while (true) yield `${prefix}-${n++}`; // ok: unbounded-loop
}

function* backoffDelays(initialMs, maxMs) {
  let delay = initialMs;
  for (;;) { // ok: unbounded-loop
    yield delay;
    delay = Math.min(delay * 2, maxMs);
  }
}

function nextFreeSlot(slots) {
  let i = 0;
  while (true) { // expect: unbounded-loop
    slots.find((slot, index) => {
      if (slot === null) {
        i = index;
        return true;
      }
      return false;
    });
  }
}

function take(iterable, count) {
  const out = [];
  const it = iterable[Symbol.iterator]();
  while (true) { // ok: unbounded-loop
    const { value, done } = it.next();
    if (done || out.length === count) {
      return out;
    }
    out.push(value);
  }
}

module.exports = { ids, backoffDelays, nextFreeSlot, take };
