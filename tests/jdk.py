"""A Python client for ``tests/java/Oracle.java``: the JDK as a test oracle.

One JVM serves every request of a test session.  ``request`` answers one at a
time; ``batch`` sends many and reads the answers back in order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).parent / "java"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            n = field[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def find_java() -> tuple[str, str] | None:
    """(java, javac) from JAVA_HOME or PATH, or None."""
    home = os.environ.get("JAVA_HOME")
    candidates = []
    if home:
        candidates.append((Path(home) / "bin" / "java", Path(home) / "bin" / "javac"))
    java, javac = shutil.which("java"), shutil.which("javac")
    if java and javac:
        candidates.append((Path(java), Path(javac)))
    for java_path, javac_path in candidates:
        if java_path.exists() and javac_path.exists():
            return str(java_path), str(javac_path)
    return None


class Oracle:
    def __init__(self, java: str, javac: str) -> None:
        self._dir = tempfile.mkdtemp(prefix="ce-oracle-")
        subprocess.run(
            [javac, "-encoding", "UTF-8", "-d", self._dir, str(HERE / "Oracle.java")],
            check=True,
            capture_output=True,
        )
        self._proc = subprocess.Popen(
            [java, "-Xshare:auto", "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-Duser.language=en",
             "-Duser.country=US", "-cp", self._dir, "Oracle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._lock = threading.Lock()
        self.java_version, self.tzdb_version = self.request("V")[1:3]

    def request(self, *fields: object) -> list[str]:
        return self.batch([fields])[0]

    def batch(self, requests) -> list[list[str]]:
        lines = ["\t".join(_escape(str(f)) for f in fields) + "\n" for fields in requests]
        with self._lock:
            writer = threading.Thread(target=self._write, args=(lines,))
            writer.start()
            answers = [self._proc.stdout.readline() for _ in lines]
            writer.join()
        if any(not a for a in answers):
            raise RuntimeError("the JDK oracle stopped answering")
        return [[_unescape(f) for f in a.rstrip("\n").split("\t")] for a in answers]

    def _write(self, lines: list[str]) -> None:
        for line in lines:
            self._proc.stdin.write(line)
        self._proc.stdin.flush()

    # Convenience wrappers -------------------------------------------------
    def format(self, pattern: str, zone: str, millis: int) -> str:
        answer = self.request("F", pattern, zone, millis)
        if answer[0] != "OK":
            raise ValueError(answer[2])
        return answer[1]

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
        shutil.rmtree(self._dir, ignore_errors=True)
