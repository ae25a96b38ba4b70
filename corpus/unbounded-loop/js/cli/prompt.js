#!/usr/bin/env node
// Interactive setup wizard: asks for settings until the user is done.

const readline = require("node:readline/promises");
const { stdin: input, stdout: output } = require("node:process");

const rl = readline.createInterface({ input, output });

async function askSettings() {
  const settings = {};
  while (true) { // ok: unbounded-loop
    const answer = (await rl.question("key=value (empty to finish): ")).trim();
    if (answer === "") {
      break;
    }
    const [key, value] = answer.split("=");
    settings[key] = value;
  }
  return settings;
}

async function confirmOrQuit() {
  for (;;) { // ok: unbounded-loop
    const answer = (await rl.question("write config? [y/n/q] ")).toLowerCase();
    if (answer === "q") {
      process.exit(1);
    }
    if (answer === "y" || answer === "n") {
      return answer === "y";
    }
    output.write("please answer y, n or q\n");
  }
}

async function pickPort() {
  let port;
  do { // ok: unbounded-loop
    try {
      const answer = await rl.question("port: ");
      port = Number.parseInt(answer, 10);
      if (port > 0 && port < 65536) {
        if (port >= 1024 || process.getuid() === 0) {
          break;
        }
        output.write("ports below 1024 need root\n");
      }
    } catch (err) {
      output.write(`could not read the port: ${err.message}\n`);
    }
  } while (true);
  return port;
}

async function echoLines() {
  for await (const line of rl) { // ok: unbounded-loop
    output.write(`> ${line}\n`);
  }
}

async function waitForAnswer(question) {
  const answered = false;
  while (!answered) { // expect: unbounded-loop
    const answer = await rl.question(question);
    if (answer) {
      output.write("thanks\n");
    }
  }
}

module.exports = { askSettings, confirmOrQuit, pickPort, echoLines, waitForAnswer };
