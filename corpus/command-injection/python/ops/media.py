"""Thumbnail and media helpers used by the upload pipeline."""
import asyncio
import os
import shlex
import subprocess

THUMB_SIZE = "320x320"


def thumbnail(path, out):
    subprocess.run(f"convert {path} -resize {THUMB_SIZE} {out}", shell=True, check=True)  # expect: command-injection


def thumbnail_safe(path, out):
    subprocess.run(["convert", path, "-resize", THUMB_SIZE, out], check=True)  # ok: command-injection


def gzip_upload(path):
    subprocess.run(["sh", "-c", f"gzip -c {path} > {path}.gz"], check=True)  # expect: command-injection


def free_space():
    out = subprocess.run(["sh", "-c", "df -h /srv/uploads | tail -1"], capture_output=True, text=True)  # ok: command-injection
    return out.stdout


def probe(path):
    return subprocess.check_output(  # expect: command-injection
        "ffprobe -v error -show_entries format=duration " + path,
        shell=True,
    )


def probe_quoted(path):
    return subprocess.check_output(  # ok: command-injection
        "ffprobe -v error -show_entries format=duration " + shlex.quote(path),
        shell=True,
    )


def media_host_alive(host):
    return os.popen("ping -c 1 %s" % host).read()  # expect: command-injection


def media_host_alive_quoted(host):
    return os.popen("ping -c 1 %s" % shlex.quote(host)).read()  # ok: command-injection


def strip_metadata(path):
    subprocess.run(["exiftool", "-overwrite_original", "-all=", "--", path], check=True)  # ok: command-injection


async def transcode(src, dst, bitrate):
    proc = await asyncio.create_subprocess_shell(  # expect: command-injection
        f"ffmpeg -y -i {src} -b:v {bitrate} {dst}"
    )
    return await proc.wait()


async def transcode_argv(src, dst, bitrate):
    proc = await asyncio.create_subprocess_exec("ffmpeg", "-y", "-i", src, "-b:v", str(bitrate), dst)  # ok: command-injection
    return await proc.wait()


def version():
    script = "ffmpeg -version"
    script = script + " | head -1"
    return subprocess.check_output(["bash", "-c", script], text=True)  # ok: command-injection
