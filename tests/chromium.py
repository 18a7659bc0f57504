"""Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: Chromium reads commands
on fd 3 and answers on fd 4, each message JSON ended by a NUL), so a test can wait for a page's scripts (the iXBRL
viewer builds itself after load, which `--screenshot` does not wait for), ask where an element is drawn and take
the pixels there. No websocket library, no network, no port."""
from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--force-device-scale-factor=1")


class Page:
    """One tab of a headless Chromium of its own; use as a context manager."""

    def __init__(self, profile: Path, width: int = 1400, height: int = 1000) -> None:
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def onto_fds_3_and_4() -> None:       # in the child; copied high first, so neither overwrites the other
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands_read, answers_write)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self._process = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=onto_fds_3_and_4,     # pass_fds: kept open past close_fds, after preexec
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(answers_write)
        self._buffer, self._next_id, self.exceptions = b"", 0, []
        target = self._send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self._send("Runtime.enable", session=True)
        self._send("Page.enable", session=True)

    def __enter__(self) -> Page:
        return self

    def __exit__(self, *_: object) -> None:
        self._process.kill()
        self._process.wait(timeout=30)
        os.close(self._commands)
        os.close(self._answers)

    def open(self, path: Path, ready: str = "document.readyState === 'complete'", timeout: float = 60) -> None:
        """Navigates to the file and waits until the JavaScript expression `ready` holds."""
        self._send("Page.navigate", session=True, url=path.resolve().as_uri())
        deadline = time.monotonic() + timeout
        while not self.evaluate(ready):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path.name}: not ready after {timeout} s ({ready}); {self.exceptions[:1]}")
            time.sleep(0.2)

    def evaluate(self, expression: str) -> Any:
        answer = self._send("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def screenshot(self, box: dict[str, float]) -> bytes:
        """PNG of a box of the page in CSS pixels (x, y, width, height from the top of the viewport)."""
        clip = {key: box[key] for key in ("x", "y", "width", "height")} | {"scale": 1}
        answer = self._send("Page.captureScreenshot", session=True, format="png", clip=clip)
        return base64.b64decode(answer["data"])

    def _send(self, method: str, session: bool = False, **params: Any) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            if answer.get("method") == "Runtime.exceptionThrown":
                self.exceptions.append(answer["params"]["exceptionDetails"])

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)
