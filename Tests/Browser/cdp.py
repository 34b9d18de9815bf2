"""A small Chrome DevTools Protocol client: start headless Chromium, open a page target, and
send commands over its WebSocket (websocket-client), matching each reply to its message id and
ignoring events. Every wait has a timeout; nothing here blocks forever."""

import json
import os
import signal
import subprocess
import time
import urllib.parse
import urllib.request

import websocket  # pip install websocket-client


class CDPError(Exception):
    """A command failed, timed out, or a page script threw."""


class Chromium:
    """Headless Chromium with remote debugging on a port of its own choosing (read back from
    USER_DATA_DIR/DevToolsActivePort). Runs in its own process group so that stop() ends the
    browser and every helper process it started, and nothing else."""

    def __init__(self, user_data_dir, executable="chromium", startup_timeout=30.0):
        self.user_data_dir = user_data_dir
        os.makedirs(user_data_dir, exist_ok=True)
        self.log_path = os.path.join(user_data_dir, "chromium.log")
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-port=0", "--user-data-dir=" + user_data_dir,
             "--no-first-run", "--no-default-browser-check", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)
        try:
            self.port = self._wait_for_port(startup_timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_for_port(self, timeout):
        path = os.path.join(self.user_data_dir, "DevToolsActivePort")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with status {self.process.returncode}:\n{self.log_tail()}")
            try:
                with open(path) as f:
                    lines = f.read().splitlines()
                # The file holds the port, then the browser target's path; wait until both are written.
                if len(lines) >= 2 and lines[0].strip().isdigit():
                    return int(lines[0])
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        raise CDPError(f"no {path} after {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, limit=3000):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-limit:]
        except OSError:
            return ""

    def _http(self, path, method="GET", timeout=10.0):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def new_page(self, url="about:blank", timeout=10.0):
        """Opens a new tab (PUT /json/new, as current Chromium requires) and connects to it;
        falls back to an existing page from /json/list."""
        try:
            target = self._http("/json/new?" + urllib.parse.quote(url, safe=""), method="PUT", timeout=timeout)
        except Exception:
            pages = [t for t in self._http("/json/list", timeout=timeout) if t.get("type") == "page"]
            if not pages:
                raise CDPError("no page target in /json/list")
            target = pages[0]
        return Page(target["webSocketDebuggerUrl"], timeout=timeout)

    def stop(self, timeout=5.0):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=timeout)
        else:
            # The browser is gone; make sure no helper of its group outlived it.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self._log.close()


class Page:
    """One page target's WebSocket. send() waits for the reply with the same id; events and
    replies to other ids are dropped."""

    def __init__(self, ws_url, timeout=10.0):
        # suppress_origin: Chromium refuses DevTools WebSockets that carry an unlisted Origin header.
        self.ws = websocket.create_connection(ws_url, timeout=timeout, suppress_origin=True)
        self.timeout = timeout
        self._next_id = 0

    def send(self, method, params=None, timeout=None):
        timeout = self.timeout if timeout is None else timeout
        self._next_id += 1
        message_id = self._next_id
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CDPError(f"{method}: no reply within {timeout:.1f} s")
            self.ws.settimeout(remaining)
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                raise CDPError(f"{method}: no reply within {timeout:.1f} s") from None
            message = json.loads(raw)
            if message.get("id") != message_id:
                continue  # an event, or a late reply to a command that already timed out
            if "error" in message:
                raise CDPError(f"{method}: {message['error'].get('message')} {message['error'].get('data', '')}".rstrip())
            return message.get("result", {})

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression (promises awaited), returned by value;
        raises CDPError when the script throws."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"script threw: {text}\n  in: {expression}")
        return result.get("result", {}).get("value")

    def navigate(self, url, timeout=None):
        result = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise CDPError(f"navigating to {url}: {result['errorText']}")
        return result

    def poll(self, expression, timeout, interval=0.05):
        """Evaluates `expression` every `interval` seconds until it is truthy; returns
        (value, seconds waited), or (None, seconds) after `timeout`. A script error (say, while a
        navigation replaces the document) counts as not yet."""
        start = time.monotonic()
        while True:
            try:
                value = self.evaluate(expression, timeout=5.0)
            except CDPError as error:
                if "no reply within" in str(error):
                    raise
                value = None
            elapsed = time.monotonic() - start
            if value:
                return value, elapsed
            if elapsed >= timeout:
                return None, elapsed
            time.sleep(interval)

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
