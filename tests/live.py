"""The app served as ``make serve`` serves it: gunicorn (``gunicorn.conf.py``), production
settings, debug off, several worker processes, over the test database. For what only a real
server shows: counts shared between processes, workers that die, HTTP framing.

Rows the server must see are committed: tests use ``transactional_db``. Users log in with
passwords hashed by a hasher the production settings know (``production_password``), since the
test settings hash with MD5.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parent.parent
# The server's configuration comes from what start() passes, nothing from this environment.
CONFIG_PREFIXES = ("DJANGO_", "DATABASE_", "CORS_", "CACHE_", "FACTCHECK_", "GUNICORN_", "WEB_")


def production_password(password: str) -> str:
    """``password`` hashed as the production settings can check it (PBKDF2, few rounds)."""
    return PBKDF2PasswordHasher().encode(password, secrets.token_hex(8), iterations=1000)


def test_database_url() -> str:
    """The test database, as ``DATABASE_URL`` names it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    credentials = quote(settings["USER"] or "")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"])
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class LiveServer:
    """A running gunicorn; ``request`` opens a new connection for each request, so that
    requests spread over the workers."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    headers: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        *,
        chunked: bool = False,
        timeout: float = 30,
    ) -> Response:
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        sent = {**self.headers, **(headers or {})}
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if chunked:
                sent["Transfer-Encoding"] = "chunked"
                conn.request(
                    method, path, body=iter([data or b""]), headers=sent, encode_chunked=True
                )
            else:
                conn.request(method, path, body=data, headers=sent)
            answer = conn.getresponse()
            return Response(answer.status, dict(answer.getheaders()), answer.read())
        finally:
            conn.close()

    def workers(self) -> list[int]:
        """The worker processes' ids (the master's children)."""
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                # pid (comm) state ppid ...: comm may hold spaces, so split after it.
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    children.append(int(entry.name))
        return children

    def log_lines(self) -> Iterator[dict[str, Any]]:
        """The server's JSON log lines."""
        for line in self.log_path.read_text().splitlines():
            if line.startswith("{"):
                yield json.loads(line)

    def wait_until_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + self.log_path.read_text()[-3000:])
            try:
                if self.request("GET", "/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer:\n" + self.log_path.read_text()[-3000:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(log_dir: Path, workers: int = 2, **environment: str) -> LiveServer:
    """gunicorn with ``workers`` processes over the test database; ``environment`` adds
    settings (``CACHE_URL``, ``FACTCHECK_*``)."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(CONFIG_PREFIXES)}
    env.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DATABASE_URL=test_database_url(),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        **environment,
    )
    log_path = log_dir / f"gunicorn-{port}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = LiveServer(process, port, log_path)
    try:
        server.wait_until_ready()
    except BaseException:
        server.stop()
        raise
    return server
