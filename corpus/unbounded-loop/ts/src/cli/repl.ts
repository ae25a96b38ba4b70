#!/usr/bin/env node
// Admin console: reads commands from stdin and runs them against the API.
import * as readline from "node:readline/promises";
import { stdin, stdout } from "node:process";
import { api } from "../api/admin";

const rl = readline.createInterface({ input: stdin, output: stdout });

function die(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

export async function repl(): Promise<void> {
  for (;;) { // todo-ok: unbounded-loop
    const line = (await rl.question("admin> ")).trim();
    if (line === "quit" || line === "exit") {
      die("bye", 0); // never returns: `die` exits the process
    }
    try {
      console.log(await api.run(line));
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
    }
  }
}

export async function confirm(question: string): Promise<boolean> {
  while (true) { // ok: unbounded-loop
    const answer = (await rl.question(`${question} [y/N/q] `)).toLowerCase();
    switch (answer) {
      case "y":
        return true;
      case "":
      case "n":
        return false;
      case "q":
        process.exit(130);
      default:
        console.log("answer y, n or q");
    }
  }
}

export async function chooseTenant(tenants: string[]): Promise<string> {
  for (;;) { // expect: unbounded-loop
    const answer = await rl.question(`tenant (${tenants.join(", ")}): `);
    switch (tenants.includes(answer)) {
      case true:
        console.log(`using ${answer}`);
        break; // leaves the switch, asks again
      case false:
        console.log("unknown tenant");
    }
  }
}

let interactive = true;

export async function tailAudit(): Promise<void> {
  // nothing in the file ever sets `interactive` to false
  while (interactive) { // expect: unbounded-loop
    const entries = await api.auditSince(Date.now() - 5000);
    entries.forEach((entry) => console.log(entry));
    await new Promise((r) => setTimeout(r, 5000));
  }
}
