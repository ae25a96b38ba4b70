"""Backup and maintenance tasks run by the ops worker."""
import logging
import os
import shlex
import subprocess

log = logging.getLogger(__name__)

BACKUP_DIR = "/var/backups/app"
SERVICES = {"nginx", "gunicorn", "celery"}
COMPRESSORS = {"gz": "gzip", "xz": "xz", "zst": "zstd"}


def _sh(command):
    log.info("running %s", command)
    return subprocess.run(command, shell=True, check=True, capture_output=True)  # ok: command-injection


def _archive_command(name):
    return f"tar czf {BACKUP_DIR}/{name}.tgz /srv/app/data"


def dump_database(database, target):
    cmd = "pg_dump --no-owner " + database
    cmd += " > " + target
    os.system(cmd)  # expect: command-injection


def reload_proxy():
    cmd = "systemctl"
    cmd += " reload nginx"
    subprocess.call(cmd, shell=True)  # ok: command-injection


def archive(name):
    os.system(_archive_command(name))  # expect: command-injection


def nightly_archive():
    os.system(_archive_command("nightly"))  # ok: command-injection


def sync_to(host, dest):
    _sh(f"rsync -a {BACKUP_DIR}/ {host}:{dest}")  # expect: command-injection


def check_proxy_config():
    _sh("nginx -t")  # ok: command-injection


def restart(service):
    if service not in SERVICES:
        raise ValueError(f"unknown service {service}")
    os.system(f"systemctl restart {service}")  # ok: command-injection


def compress(path, fmt):
    tool = COMPRESSORS.get(fmt, "gzip")
    subprocess.run(tool + " -9 " + shlex.quote(path), shell=True, check=True)  # ok: command-injection


def disk_usage(directory):
    return subprocess.getoutput("du -sh " + directory)  # expect: command-injection


def lower_priority(pid):
    os.system("renice -n 10 -p %d" % int(pid))  # ok: command-injection


def prune(days):
    if days:
        age = f"-mtime +{days}"
    else:
        age = "-mtime +30"
    os.system("find " + BACKUP_DIR + " -name '*.tgz' " + age + " -delete")  # expect: command-injection


def clear_scratch():
    os.system("rm -rf " + BACKUP_DIR + "/tmp")  # ok: command-injection
