// Download helpers built on WHATWG streams (fetch bodies).

async function readAll(response) {
  const reader = response.body.getReader();
  const chunks = [];
  let done = false;
  let value;
  while (!done) { // ok: unbounded-loop
    ({ value, done } = await reader.read());
    if (value) {
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

async function readFirstBytes(response, limit) {
  const reader = response.body.getReader();
  const out = [];
  let remaining = limit;
  while (remaining) { // ok: unbounded-loop
    const { value } = await reader.read();
    out.push(value[0]);
    remaining--;
  }
  reader.cancel();
  return out;
}

async function copyTo(response, sink) {
  const reader = response.body.getReader();
  let finished = false;
  while (!finished) { // expect: unbounded-loop
    const { value, done } = await reader.read();
    if (done) {
      // `finished` is never set: the loop keeps calling read() on a closed stream
      await sink.close();
    } else {
      await sink.write(value);
    }
  }
}

async function pipeUntil(reader, sink, stopped) {
  do { // expect: unbounded-loop
    const { value } = await reader.read();
    await sink.write(value);
  } while (!stopped);
}

async function pipeUntilClosed(reader, sink) {
  let closed = false;
  sink.on("close", () => {
    closed = true;
  });
  do { // ok: unbounded-loop
    const { value } = await reader.read();
    await sink.write(value);
  } while (!closed);
}

async function* lines(response) {
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let buffered = "";
  for (;;) { // ok: unbounded-loop
    const { value, done } = await reader.read();
    if (done) {
      if (buffered) yield buffered;
      return;
    }
    buffered += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      yield buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
    }
  }
}

module.exports = { readAll, readFirstBytes, copyTo, pipeUntil, pipeUntilClosed, lines };
