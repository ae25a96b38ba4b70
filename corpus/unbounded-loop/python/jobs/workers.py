"""Background workers for the billing service: queues, pollers and the scheduler loop."""

import logging
import queue
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)
STOP = object()
shutdown = threading.Event()


def drain_forever(jobs: queue.Queue):
    while True:  # expect: unbounded-loop
        job = jobs.get()
        for step in job.steps:
            if step.failed:
                break
            step.run()
        jobs.task_done()


def drain_until_sentinel(jobs: queue.Queue):
    while True:  # ok: unbounded-loop
        job = jobs.get()
        if job is STOP:
            break
        job.run()


def drain_until_shutdown(jobs: queue.Queue):
    while True:  # ok: unbounded-loop
        if shutdown.is_set():
            return
        try:
            job = jobs.get(timeout=1)
        except queue.Empty:
            continue
        job.run()


def drain_with_event(jobs: queue.Queue):
    while not shutdown.is_set():  # ok: unbounded-loop
        try:
            jobs.get(timeout=1).run()
        except queue.Empty:
            pass


def heartbeat(client):
    while 1:  # expect: unbounded-loop
        client.ping()
        time.sleep(30)


def heartbeat_or_die(client):
    while 1:  # ok: unbounded-loop
        if not client.ping():
            raise ConnectionError("heartbeat lost")
        time.sleep(30)


def supervise(processes):
    while True:  # ok: unbounded-loop
        for proc in processes:
            if proc.poll() is not None:
                log.error("child %s died", proc.pid)
                sys.exit(1)
        time.sleep(5)


def retry_inner_only(task):
    while True:  # expect: unbounded-loop
        for attempt in range(3):
            if task.try_once():
                break
        time.sleep(60)


def watch_config(path, reload):
    running = True
    while running:  # expect: unbounded-loop
        reload(path)
        time.sleep(10)


def watch_config_until_removed(path, reload):
    running = True
    while running:  # ok: unbounded-loop
        running = reload(path)
        time.sleep(10)


def watch_with_signal(path, reload):
    running = True

    def stop(signum, frame):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    while running:  # ok: unbounded-loop
        reload(path)
        time.sleep(10)


def countdown(seconds):
    remaining = seconds
    while remaining:  # ok: unbounded-loop
        time.sleep(1)
        remaining -= 1


def wait_for_flag(ready):
    while not ready:  # expect: unbounded-loop
        time.sleep(0.1)


def wait_for_flag_polled(probe):
    ready = False
    while not ready:  # ok: unbounded-loop
        ready = probe()
        time.sleep(0.1)


def callbacks_do_not_leave(bus):
    while True:  # expect: unbounded-loop
        bus.subscribe(lambda event: event.ack())
        time.sleep(1)


def nested_function_return(bus):
    while True:  # expect: unbounded-loop
        def handler(event):
            return event.ack()

        bus.dispatch(handler)


_accepting = True
_announcing = True


def stop_accepting():
    global _accepting
    _accepting = False


def accept_loop(server):
    while _accepting:  # ok: unbounded-loop
        server.handle_request()


def announce_loop(registry):
    # nothing in this module ever sets _announcing to False
    while _announcing:  # expect: unbounded-loop
        registry.heartbeat()
