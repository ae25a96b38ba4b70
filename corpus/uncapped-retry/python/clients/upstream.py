"""Clients for upstream services: retries around HTTP, database and subprocess calls."""

import logging
import subprocess
import time

import requests

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
DEADLINE_SECONDS = 30


def fetch_forever(url):
    while True:  # expect: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            log.warning("retrying %s", url)
            time.sleep(2)


def fetch_hammering(url):
    while True:  # expect: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            continue


def fetch_capped(url):
    attempts = 0
    while True:  # ok: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            attempts += 1
            if attempts >= MAX_ATTEMPTS:
                raise
            time.sleep(2 ** attempts)


def fetch_with_deadline(url):
    started = time.monotonic()
    while True:  # ok: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            if time.monotonic() - started > DEADLINE_SECONDS:
                raise
            time.sleep(1)


def fetch_bounded(url):
    for attempt in range(MAX_ATTEMPTS):  # ok: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            time.sleep(2 ** attempt)
    raise RuntimeError("upstream down")


def fetch_capped_no_wait(url):
    attempts = 0
    while True:  # expect: uncapped-retry
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            attempts += 1
            if attempts > MAX_ATTEMPTS:
                raise


def connect_until_up(pool):
    connected = False
    while not connected:  # expect: uncapped-retry
        try:
            conn = pool.connect()
            connected = True
        except ConnectionError:
            time.sleep(5)
    return conn


def connect_until_up_capped(pool):
    connected = False
    tries = 0
    while not connected:  # ok: uncapped-retry
        try:
            conn = pool.connect()
            connected = True
        except ConnectionError:
            tries += 1
            if tries == MAX_ATTEMPTS:
                raise
            time.sleep(5)
    return conn


def run_migration():
    while True:  # expect: uncapped-retry
        try:
            subprocess.run(["alembic", "upgrade", "head"], check=True)
            break
        except subprocess.CalledProcessError:
            time.sleep(10)


def poll_status(client, job_id):
    while True:  # ok: uncapped-retry
        status = client.get(f"/jobs/{job_id}").json()["status"]
        if status in ("done", "failed"):
            return status
        time.sleep(1)


def read_config(path):
    while True:  # ok: uncapped-retry
        try:
            with open(path) as fh:
                return fh.read()
        except FileNotFoundError:
            return ""
