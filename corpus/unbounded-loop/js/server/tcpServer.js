// Line-based TCP control server for the ops console.

const net = require("node:net");
const { once } = require("node:events");

const PORT = Number(process.env.CONTROL_PORT || 7070);

async function serve(signal) {
  const server = net.createServer();
  server.listen(PORT);
  await once(server, "listening");
  while (true) { // ok: unbounded-loop
    const [socket] = await once(server, "connection", { signal });
    socket.end("ok\n");
  }
}

async function readCommand(socket) {
  while (true) { // expect: unbounded-loop
    await new Promise((resolve, reject) => {
      socket.once("data", (data) => {
        if (data.toString().trim() === "quit") {
          return resolve();
        }
        resolve();
      });
      socket.once("error", (err) => {
        throw err;
      });
    });
  }
}

async function relay(upstream, downstream) {
  try {
    for (;;) { // ok: unbounded-loop
      // read() rejects once either side hangs up, which ends the relay
      const frame = await upstream.read();
      await downstream.write(frame);
    }
  } catch (err) {
    console.info("relay closed:", err.message);
  }
}

async function relayForever(upstream, downstream) {
  for (;;) { // expect: unbounded-loop
    try {
      const frame = await upstream.read();
      await downstream.write(frame);
    } catch (err) {
      console.warn("relay error, retrying:", err.message);
    }
  }
}

async function acceptAll(connections) {
  for await (const socket of connections) { // ok: unbounded-loop
    socket.write("welcome\n");
  }
}

async function main() {
  const args = process.argv.slice(2);
  const ac = new AbortController();
  process.once("SIGINT", () => ac.abort());
  switch (args[0]) {
    case "serve":
      while (true) { // ok: unbounded-loop
        try {
          await serve(ac.signal);
        } catch (err) {
          if (err.name === "AbortError") {
            break;
          }
          console.error("control server crashed, restarting", err);
        }
      }
      break;
    default:
      console.error("usage: control serve");
  }
}

main();
