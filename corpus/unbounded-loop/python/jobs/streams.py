"""Async consumers and stream readers for the notification gateway."""

import asyncio


async def publish_ticks(bus):
    while True:  # expect: unbounded-loop
        await bus.publish("tick")
        await asyncio.sleep(1)


async def relay(websocket, upstream):
    try:
        while True:  # ok: unbounded-loop
            message = await websocket.receive_text()
            await upstream.send(message)
    except ConnectionError:
        await upstream.close()


def merge_sorted(left, right):
    merged = []
    current, other = iter(left), iter(right)
    while True:  # ok: unbounded-loop
        for item in current:
            if item is None:
                current, other = other, current
                break
            merged.append(item)
        else:
            merged.extend(other)
            break
    return merged


def merge_sorted_broken(left, right):
    merged = []
    while True:  # expect: unbounded-loop
        for item in left:
            if item is None:
                break
            merged.append(item)
        merged.extend(right)


def drain_batches(rows):
    batches = list(rows)
    while batches:  # ok: unbounded-loop
        batch = batches[0:100]
        batches[0:100] = []
        send(batch)


def parse_chunks(data):
    while data:  # ok: unbounded-loop
        header, data = data[:2], data[2:]
        handle(header)


def pop_all(stack):
    items = list(stack)
    while items:  # ok: unbounded-loop
        handle(items.pop())


def spin(items):
    pending = list(items)
    while pending:  # expect: unbounded-loop
        handle(pending[0])
