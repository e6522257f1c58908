"""A minimal Language Server Protocol client: runs ``ce-validator lsp`` and talks JSON-RPC over its stdio."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


class LspClient:
    """``request`` waits for the answer; notifications from the server are kept in ``notifications``."""

    def __init__(self, *, cwd: Path | None = None, timeout: float = 30) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "validator", "lsp", "--stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd or ROOT, env=env)
        self.timeout = timeout
        self._next_id = 0
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.server_requests: list[dict[str, Any]] = []
        self._responses: dict[int, dict[str, Any]] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            assert length is not None
            self._inbox.put(json.loads(stream.read(length).decode("utf-8")))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _pump(self) -> None:
        message = self._inbox.get(timeout=self.timeout)
        if message is None:
            raise EOFError("the server closed its output: " + self.stderr())
        if "id" in message and "method" in message:  # a request from the server (registration, ...)
            self.server_requests.append(message)
            self._send({"id": message["id"], "result": None})
        elif "id" in message:
            self._responses[message["id"]] = message
        else:
            self.notifications.append(message)

    def request(self, method: str, params: Any) -> Any:
        response = self.response(method, params)
        assert "error" not in response, response["error"]
        return response.get("result")

    def response(self, method: str, params: Any) -> dict[str, Any]:
        """The whole response to a request: its ``result`` or its ``error``."""
        self._next_id += 1
        ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        while ident not in self._responses:
            self._pump()
        return self._responses.pop(ident)

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, *, uri: str | None = None, version: int | None = None) -> dict[str, Any]:
        """The next notification ``method`` (for ``uri`` and ``version`` when given) not seen before."""
        while True:
            for index, note in enumerate(self.notifications):
                params = note.get("params") or {}
                if note["method"] == method and (uri is None or params.get("uri") == uri) and \
                        (version is None or params.get("version") == version):
                    del self.notifications[index]
                    return params
            self._pump()

    def wait_for_request(self, method: str) -> dict[str, Any]:
        """The first request ``method`` the server sent (answered with null), waiting for it if need be."""
        while True:
            for message in self.server_requests:
                if message["method"] == method:
                    return message
            self._pump()

    def initialize(self, root: Path, *, encodings: tuple[str, ...] = ("utf-16",)) -> dict[str, Any]:
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                             "capabilities": {
                                                 "general": {"positionEncodings": list(encodings)},
                                                 "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
                                             }})
        self.notify("initialized", {})
        return result  # type: ignore[no-any-return]

    def open(self, uri: str, text: str, *, language: str = "json", version: int = 1) -> dict[str, Any]:
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": version, "text": text}})
        return self.wait_for("textDocument/publishDiagnostics", uri=uri)

    def shutdown(self) -> int:
        """shutdown, then exit; the server's exit status."""
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        return self.proc.wait(timeout=self.timeout)

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode("utf-8", "replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
