"""Browser plumbing for the tests: Debian's Chromium driven over the DevTools protocol (nothing is
downloaded), a static file server, and a JupyterLab server on 127.0.0.1. Not a test module."""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not found: install Debian's 'chromium' (CI does this in .ci/run)"
)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


# ---------------------------------------------------------------- process and browser plumbing


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Terminate a process group we started (by its id), then kill it if it lingers."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=grace)


class Browser:
    """Headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self, profile: Path, timeout: float = 30.0):
        import websocket

        self.proc = subprocess.Popen(
            [
                CHROMIUM,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            port_file = profile / "DevToolsActivePort"
            deadline = time.monotonic() + timeout
            while not (port_file.is_file() and port_file.read_text().strip()):
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(f"Chromium did not start (exit code {self.proc.poll()})")
                time.sleep(0.1)
            port = int(port_file.read_text().split()[0])
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout))
            page = next(t for t in targets if t["type"] == "page")
            self.ws = websocket.create_connection(
                page["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True
            )
        except Exception:
            _stop(self.proc)
            raise
        self._id = 0

    def send(self, method: str, timeout: float = 60.0, **params):
        """Send one DevTools command and return its result (events are skipped)."""
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]
        raise TimeoutError(f"{method}: no answer in {timeout} s")

    def js(self, expression: str, timeout: float = 60.0):
        """Evaluate JavaScript in the page (promises awaited) and return its JSON value."""
        res = self.send(
            "Runtime.evaluate",
            timeout=timeout,
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in res:
            raise RuntimeError(f"JavaScript error: {res['exceptionDetails']}")
        return res["result"].get("value")

    def wait_for(self, expression: str, timeout: float, what: str):
        """Poll a JavaScript expression until it is truthy; fail with ``what`` after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(RuntimeError):
                value = self.js(expression, timeout=max(1.0, deadline - time.monotonic()))
                if value:
                    return value
            time.sleep(0.5)
        raise TimeoutError(f"timed out after {timeout} s waiting for {what}")

    def goto(self, url: str, timeout: float = 60.0) -> None:
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'", timeout, url)

    def screenshot(self, path: Path, width: int = 1280) -> Path:
        height = int(self.js("Math.max(document.body.scrollHeight, 800)"))
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", timeout=5)
        with contextlib.suppress(Exception):
            self.ws.close()
        _stop(self.proc)


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 (a random port) in a thread for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


IMAGES_JS = """Promise.all(Array.from(document.images).map(img => img.decode().then(
    () => ({src: img.getAttribute('src'), ok: img.naturalWidth > 0, width: img.naturalWidth}),
    () => ({src: img.getAttribute('src'), ok: false, width: 0}))))"""
LINKS_JS = """Promise.all(Array.from(document.querySelectorAll('a[href]'))
    .filter(a => a.href.startsWith(location.origin))
    .map(a => fetch(a.href, {method: 'HEAD'}).then(r => ({href: a.getAttribute('href'), status: r.status}),
                                                  () => ({href: a.getAttribute('href'), status: 0}))))"""


# What a reader must not see: tracebacks and warning or error messages.
PROBLEMS_JS = r"""(() => (document.body.innerText.match(
    /Traceback \(most recent call last\)|\b\w+(?:Error|Warning|Exception): |Kernel (?:died|restarting)/g
  ) || []))()"""
# Evidence tables: every table with an evidence-* id must be an initialised (searchable) DataTable.
TABLES_JS = """Array.from(document.querySelectorAll('table[id^="evidence-"]')).map(t => ({
    id: t.id, ready: t.classList.contains('dataTable'),
    search: !!t.closest('.dt-container, .dataTables_wrapper')?.querySelector('input[type=search]')}))"""


def check_page(b: Browser, url: str) -> tuple[list[dict], list[dict]]:
    """Open a page and return (images, links), each with a load result."""
    b.goto(url)
    return b.js(IMAGES_JS), b.js(LINKS_JS)


# ---------------------------------------------------------------- JupyterLab

# User settings for the test server: no autosave (the committed notebook must stay output-free),
# no news or update checks (offline machine, and the prompt would cover the page).
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension": {"plugin.jupyterlab-settings": {"autosave": False}},
    "@jupyterlab/apputils-extension": {
        "notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False}
    },
}

# The notebook panel showing PATH (headless Chromium has no window focus, so find it among the
# main-area widgets and activate it rather than relying on shell.currentWidget).
PANEL_JS = """(() => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return null;
  const w = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === PATH);
  return w && w.context.isReady && w.content ? w : null;
})()"""

RUN_ALL_JS = """(async () => {
  const app = window.jupyterapp;
  const w = PANEL;
  await w.sessionContext.ready;
  app.shell.activateById(w.id);
  await app.commands.execute('notebook:run-all-cells');
  return true;
})()"""

DONE_JS = """(() => {
  const w = PANEL;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  const done = cells.every(c => c.model.executionCount !== null);
  return done && kernel && kernel.status === 'idle' ? cells.length : 0;
})()"""

ERRORS_JS = """(() => {
  const w = PANEL;
  const errors = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== 'code') return;
    c.model.outputs.toJSON().forEach(o => {
      if (o.output_type === 'error') errors.push({cell: i, ename: o.ename, evalue: o.evalue});
    });
  });
  const shown = Array.from(document.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
    .map(e => e.textContent).filter(t => /Traceback|Error/.test(t));
  return {errors, shown, path: w.context.path};
})()"""


@contextlib.contextmanager
def jupyterlab(notebook_dir: Path, tmp: Path, timeout: float = 90.0):
    """Start JupyterLab on 127.0.0.1 (random port, random token, isolated config); yield its base URL."""
    port, token = _free_port(), secrets.token_hex(16)
    settings = tmp / "lab-settings"
    for ext, files in LAB_SETTINGS.items():
        for name, value in files.items():
            (settings / ext).mkdir(parents=True, exist_ok=True)
            (settings / ext / name).write_text(json.dumps(value))
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(tmp / "jconfig"),
        JUPYTER_DATA_DIR=str(tmp / "jdata"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jruntime"),
        MPLBACKEND="Agg",
    )
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebook_dir}", "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
    ]  # fmt: skip
    if os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    log = (tmp / "jupyterlab.log").open("w")
    proc = subprocess.Popen(
        cmd, cwd=notebook_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError as exc:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(
                        f"JupyterLab did not start: {(tmp / 'jupyterlab.log').read_text()[-2000:]}"
                    ) from exc
                time.sleep(0.5)
        yield base, token
    finally:
        with contextlib.suppress(OSError):  # shuts kernels down too
            req = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST")
            urllib.request.urlopen(req, timeout=10)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        _stop(proc)
        log.close()


def _for(script: str, name: str) -> str:
    """A JavaScript snippet bound to the notebook panel of ``name``."""
    return script.replace("PANEL", PANEL_JS).replace("PATH", json.dumps(name))


def open_in_lab(browser: Browser, base: str, token: str, name: str) -> None:
    """Open a notebook in JupyterLab and wait until its panel is ready."""
    browser.goto(f"{base}/lab/tree/{name}?token={token}", timeout=90)
    browser.send("Emulation.setFocusEmulationEnabled", enabled=True)
    browser.wait_for(_for("!!PANEL", name), 90, f"JupyterLab to open {name}")


def run_in_lab(browser: Browser, base: str, token: str, name: str, timeout: float) -> dict:
    """Open a notebook in JupyterLab, run all cells, and return as soon as all are done or one fails."""
    open_in_lab(browser, base, token, name)
    browser.js(_for(RUN_ALL_JS, name), timeout=timeout)
    errors, done = _for(ERRORS_JS, name), _for(DONE_JS, name)
    waiter = (
        f"(() => {{ const r = {errors}; const n = {done}; "
        "return (r.errors.length || n) ? Object.assign(r, {code_cells: n}) : null; })()"
    )
    return browser.wait_for(waiter, timeout, "all cells to finish or one to fail")
