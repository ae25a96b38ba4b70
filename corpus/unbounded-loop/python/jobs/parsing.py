"""Tokenizer and record readers used by the import pipeline."""

import itertools


def tokens(text):
    pos = 0
    while True:  # ok: unbounded-loop
        if pos >= len(text):
            return
        char = text[pos]
        if char.isspace():
            pos += 1
            continue
        yield char
        pos += 1


def ids():
    current = 0
    while True:  # ok: unbounded-loop
        yield current
        current += 1


def read_records(stream):
    while True:  # ok: unbounded-loop
        header = stream.read(4)
        if not header:
            break
        size = int.from_bytes(header, "big")
        yield stream.read(size)


def read_records_broken(stream):
    records = []
    while True:  # expect: unbounded-loop
        header = stream.read(4)
        for byte in header:
            if byte == 0:
                break
        records.append(stream.read(int.from_bytes(header, "big")))


def skip_blank(lines):
    for line in lines:  # ok: unbounded-loop
        if line.strip():
            return line
    return ""


def deep_break(rows):
    while True:  # ok: unbounded-loop
        row = next(rows, None)
        if row is not None:
            if row.kind == "trailer":
                if row.valid:
                    break
        handle(row)


def chunked(items, size):
    iterator = iter(items)
    while True:  # ok: unbounded-loop
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield chunk


def echo_server(sock):
    while True:  # expect: unbounded-loop
        conn, _ = sock.accept()
        with conn:
            while True:  # ok: unbounded-loop
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data)


def echo_server_until_stopped(sock, stopping):
    while True:  # ok: unbounded-loop
        if stopping.is_set():
            break
        conn, _ = sock.accept()
        conn.close()
