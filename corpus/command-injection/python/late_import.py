"""A helper written above the import it uses: Python looks the name up when the helper runs,
so `sh` is still `subprocess.run` here."""


def archive(name):
    sh(f"tar czf /backups/{name}.tgz /srv/data", shell=True)  # expect: command-injection


def archive_listed(name):
    sh(["tar", "czf", f"/backups/{name}.tgz", "/srv/data"])  # ok: command-injection


from subprocess import run as sh  # noqa: E402  (kept last by a code generator)
