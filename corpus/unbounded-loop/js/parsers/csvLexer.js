// A small CSV tokenizer used by the import command.

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;

function tokenize(text) {
  const tokens = [];
  let pos = 0;
  let field = "";
  scan: for (;;) { // ok: unbounded-loop
    const code = text.charCodeAt(pos);
    switch (code) {
      case COMMA:
        tokens.push({ type: "field", value: field });
        field = "";
        break;
      case NEWLINE:
        tokens.push({ type: "field", value: field }, { type: "eol" });
        field = "";
        break;
      default:
        if (Number.isNaN(code)) {
          break scan;
        }
        field += text[pos];
    }
    pos++;
  }
  return tokens;
}

function skipQuoted(text, start) {
  let pos = start + 1;
  for (;;) { // expect: unbounded-loop
    switch (text.charCodeAt(pos)) {
      case QUOTE:
        // meant as "end of the quoted field": leaves only the switch
        break;
      default:
        pos++;
    }
  }
}

function readQuoted(text, start) {
  let pos = start + 1;
  let value = "";
  for (;;) { // ok: unbounded-loop
    const code = text.charCodeAt(pos);
    switch (code) {
      case QUOTE:
        if (text.charCodeAt(pos + 1) === QUOTE) {
          value += '"';
          pos += 2;
          continue;
        }
        return { value, end: pos + 1 };
      default:
        if (Number.isNaN(code)) {
          throw new SyntaxError(`unterminated quote at ${start}`);
        }
        value += text[pos];
        pos++;
    }
  }
}

function splitRecords(text) {
  const records = [];
  let line = [];
  let pos = 0;
  while (1) { // expect: unbounded-loop
    do {
      const { value, end } = readQuoted(text, pos);
      line.push(value);
      pos = end;
      if (text.charCodeAt(pos) === NEWLINE) break;
    } while (text.charCodeAt(pos++) === COMMA);
    records.push(line);
    line = [];
  }
}

function columnCount(header) {
  let count = 0;
  let pos = 0;
  outer: while (true) { // ok: unbounded-loop
    for (;;) { // ok: unbounded-loop
      const code = header.charCodeAt(pos++);
      if (code === COMMA) {
        count++;
        continue outer;
      }
      if (Number.isNaN(code) || code === NEWLINE) {
        break outer;
      }
    }
  }
  return count + 1;
}

function skipBlankLines(lines, from) {
  let i = from;
  rows: while (true) { // expect: unbounded-loop
    for (const ch of lines[i]) {
      if (ch !== " ") {
        continue rows;
      }
    }
    i++;
  }
}

module.exports = { tokenize, skipQuoted, readQuoted, splitRecords, columnCount, skipBlankLines };
