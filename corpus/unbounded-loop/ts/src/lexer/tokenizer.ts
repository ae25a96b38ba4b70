// Tokenizer for the filter expression language (`status = "paid" and total > 100`).

export type TokenKind = "ident" | "string" | "number" | "op" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isIdent = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z_]/.test(ch);

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  loop: for (;;) { // ok: unbounded-loop
    const ch = src[pos];
    switch (ch) {
      case undefined:
        tokens.push({ kind: "eof", text: "", pos });
        break loop;
      case " ":
      case "\t":
        pos++;
        break;
      case '"':
        pos = readString(src, pos, tokens);
        break;
      default:
        pos = readWord(src, pos, tokens);
    }
  }
  return tokens;
}

function readString(src: string, start: number, out: Token[]): number {
  let pos = start + 1;
  while (true) { // ok: unbounded-loop
    const ch = src[pos];
    if (ch === undefined) {
      throw new SyntaxError(`unterminated string at ${start}`);
    }
    if (ch === '"') {
      out.push({ kind: "string", text: src.slice(start + 1, pos), pos: start });
      return pos + 1;
    }
    pos += ch === "\\" ? 2 : 1;
  }
}

function readWord(src: string, start: number, out: Token[]): number {
  let pos = start;
  for (;;) { // expect: unbounded-loop
    switch (true) {
      case isDigit(src[pos]):
      case isIdent(src[pos]):
        pos++;
        continue;
      default:
        out.push({ kind: isDigit(src[start]) ? "number" : "ident", text: src.slice(start, pos), pos: start });
        break; // ends the switch; the loop goes round again at the same position
    }
  }
}

export function skipOperators(src: string, start: number): number {
  let pos = start;
  while (true) { // ok: unbounded-loop
    switch (src[pos]) {
      case "=":
      case "<":
      case ">":
      case "!":
        pos++;
        break;
      default:
        return pos;
    }
  }
}

export function countTerms(tokens: Token[]): number {
  let terms = 0;
  let i = 0;
  scanning: while (true) { // expect: unbounded-loop
    for (; i < tokens.length; i++) {
      if (tokens[i].kind === "op" && tokens[i].text === "and") {
        terms++;
        i++;
        continue scanning;
      }
    }
  }
}

export function lastIdent(tokens: Token[]): Token | undefined {
  let i = tokens.length;
  let found: Token | undefined;
  search: {
    while (true) { // ok: unbounded-loop
      i--;
      if (i < 0) {
        break search;
      }
      if (tokens[i].kind === "ident") {
        found = tokens[i];
        break search;
      }
    }
  }
  return found;
}
