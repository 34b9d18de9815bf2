#!/usr/bin/env python3
"""End-to-end test of `pressroom watch` in a real browser (headless Chromium over the DevTools
protocol): edits to a copy of Layouts/ reach the open page within 2 s without a reload, a broken
layout shows its location while the last good pages stay, a fix clears it, a theme deleted and
recreated is picked up again, and /document.pdf serves a PDF.

    python3 Tests/Browser/watch_preview_test.py --pressroom .build/debug/pressroom

Exit status 0 on success, 1 on failure (with what the page and the server showed)."""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from cdp import CDPError, Chromium  # noqa: E402
except ImportError as missing:  # websocket-client; a missing tool fails the test, it never skips it
    print(f"FAIL: {missing}: install it with `pip install websocket-client`", flush=True)
    sys.exit(1)

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OLD_ACCENT = "#104078"
EDITED_ACCENT = "#c0392b"
RECREATED_ACCENT = "#2e8b57"
UPDATE_TIMEOUT = 2.0        # an edit must show in the browser within this
RECREATE_TIMEOUT = 3.0
WATCHDOG_SECONDS = 150      # a hard stop should anything hang despite the timeouts below

START = time.monotonic()


class Failure(Exception):
    pass


def log(message):
    print(f"[{time.monotonic() - START:6.2f}s] {message}", flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


class Server:
    """`pressroom watch` with both output streams drained into lists by threads."""

    def __init__(self, arguments, cwd):
        self.arguments = arguments
        self.stdout, self.stderr = [], []
        self.process = subprocess.Popen(arguments, cwd=cwd, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=self._drain, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _drain(stream, lines):
        for raw in iter(stream.readline, b""):
            lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
        stream.close()

    def wait_for_preview_url(self, timeout):
        pattern = re.compile(r"Preview: (http://127\.0\.0\.1:\d+/)")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.stdout):
                match = pattern.search(line)
                if match:
                    return match.group(1)
            if self.process.poll() is not None:
                time.sleep(0.2)  # let the drain threads catch the last lines
                raise Failure(f"pressroom watch exited with status {self.process.returncode} before printing the Preview line")
            time.sleep(0.05)
        raise Failure(f"no `Preview: http://127.0.0.1:PORT/` line on stdout within {timeout:.0f} s")

    def render_lines(self):
        return [line for line in self.stdout + self.stderr if "rendered" in line]

    def tail(self, limit=40):
        out = "\n".join(self.stdout[-limit:]) or "(nothing)"
        err = "\n".join(self.stderr[-limit:]) or "(nothing)"
        return f"--- server stdout (last {limit} lines) ---\n{out}\n--- server stderr (last {limit} lines) ---\n{err}"

    def interrupt(self, timeout):
        """SIGINT, as Ctrl-C would send; True when the server exits within `timeout`."""
        if self.process.poll() is not None:
            return True
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


# Page probes (JavaScript expressions evaluated in the preview).
def has_fill(colour):
    return f"!!document.querySelector('#pages [fill=\"{colour}\"]')"


PAGES_SHOWN = "document.querySelectorAll('#pages svg').length"
ERRORS_HIDDEN = "(() => { const e = document.querySelector('#errors'); return !!e && e.hidden; })()"
VERSION = "parseInt(document.body.dataset.version, 10)"
SNAPSHOT = """(() => {
  const errors = document.querySelector('#errors');
  const fills = new Set();
  for (const node of document.querySelectorAll('#pages [fill]')) {
    fills.add(node.getAttribute('fill'));
    if (fills.size >= 25) break;
  }
  const status = document.querySelector('#status');
  return {
    href: location.href,
    marker: window.__marker === undefined ? null : window.__marker,
    version: document.body ? document.body.dataset.version : null,
    pages: document.querySelectorAll('#pages div.page').length,
    svgs: document.querySelectorAll('#pages svg').length,
    fills: Array.from(fills),
    status: status ? status.innerText : null,
    errorsHidden: errors ? errors.hidden : null,
    errorCount: document.querySelectorAll('#errors .error').length,
    errorsText: errors ? errors.innerText : null,
  };
})()"""


def save_like_an_editor(path, text):
    """Writes a temporary file beside `path`, then renames it over `path` (a new inode)."""
    folder, name = os.path.split(path)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    with os.fdopen(descriptor, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


def save_in_place(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pressroom", required=True, help="the pressroom executable")
    parser.add_argument("--chromium", default="chromium", help="the Chromium executable (default: chromium)")
    args = parser.parse_args()

    binary = os.path.abspath(args.pressroom)
    if not os.access(binary, os.X_OK):
        print(f"FAIL: {binary} is not an executable; build it first (swift build)", flush=True)
        return 1

    if not shutil.which(args.chromium):
        print(f"FAIL: {args.chromium} not found: install Chromium (Debian: apt-get install chromium) or pass --chromium PATH", flush=True)
        return 1

    def watchdog(signum, frame):
        raise Failure(f"watchdog: the test ran longer than {WATCHDOG_SECONDS} s")
    signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(WATCHDOG_SECONDS)

    work = tempfile.mkdtemp(prefix="pressroom-browser-")
    layouts = os.path.join(work, "Layouts")
    shutil.copytree(os.path.join(REPOSITORY, "Layouts"), layouts)
    data = os.path.join(REPOSITORY, "Fixtures", "records", "invoices.jsonl")
    theme_path = os.path.join(layouts, "themes", "brand.yaml")
    layout_path = os.path.join(layouts, "invoice.yaml")
    with open(theme_path, encoding="utf-8") as f:
        theme_text = f.read()
    with open(layout_path, encoding="utf-8") as f:
        layout_text = f.read()
    with open(data, encoding="utf-8") as f:
        record_count = sum(1 for line in f if line.strip())

    server = browser = page = None
    passed = False
    try:
        # 1-2. The server, on a port of its choosing.
        server = Server([binary, "watch", "invoice", "--layouts", layouts, "--data", data, "--port", "0"], cwd=work)
        preview = server.wait_for_preview_url(timeout=60)
        log(f"server: {preview}")

        # 3. The browser.
        browser = Chromium(os.path.join(work, "chromium-profile"), executable=args.chromium)
        page = browser.new_page()
        log(f"chromium: DevTools on port {browser.port}")

        # 4. The preview, first render.
        page.navigate(preview)
        shown, waited = page.poll(PAGES_SHOWN, timeout=20)
        check(shown, "no `#pages svg` within 20 s of opening the preview")
        log(f"preview shows {shown} page(s) after {waited:.2f} s")
        page.evaluate("window.__marker = 'same-page'")
        check(page.evaluate(has_fill(OLD_ACCENT)), f"the accent colour {OLD_ACCENT} is not drawn (no [fill=\"{OLD_ACCENT}\"] in #pages)")
        check(page.evaluate(ERRORS_HIDDEN), "#errors is shown (or missing) although the layout is fine")
        version = page.evaluate(VERSION)
        check(isinstance(version, int), f"document.body.dataset.version is not an integer: {version!r}")
        check_controls(page, record_count)
        check_source_marks(page)

        # 5. A theme colour changed, saved by rename: the page updates in place within 2 s.
        edited_theme = replace_once(theme_text, f'rgb: "{OLD_ACCENT}"', f'rgb: "{EDITED_ACCENT}"', theme_path)
        save_like_an_editor(theme_path, edited_theme)
        found, latency = page.poll(has_fill(EDITED_ACCENT), timeout=UPDATE_TIMEOUT)
        expect_same_page(page, "after the theme edit")
        check(found, f"the new accent {EDITED_ACCENT} did not appear within {UPDATE_TIMEOUT} s of saving themes/brand.yaml (temp file + rename)")
        version = expect_newer_version(page, version, "after the theme edit")
        log(f"theme edit -> browser: {latency * 1000:.0f} ms")
        renders = server.render_lines()
        check(renders, "the server printed no line containing `rendered`")
        log(f"server: {renders[-1].strip()}")
        check(re.search(r"\d+(\.\d+)?\s*ms", renders[-1]), f"the last `rendered` line has no time in ms: {renders[-1]!r}")
        status = page.evaluate("(document.querySelector('#status') || {}).innerText || ''")
        check(re.search(r"\d+(\.\d+)?\s*ms", status), f"#status does not show the render time (`NN ms`): {status!r}")

        # 6. A typo in a key of invoice.yaml, saved in place: the location shows, the last good pages stay.
        line_number = boxes_line_under_first(layout_text)
        lines = layout_text.split("\n")
        lines[line_number - 1] = lines[line_number - 1].replace("boxes:", "boxs:")
        save_in_place(layout_path, "\n".join(lines))
        location = f"invoice.yaml:{line_number}:"
        shown, waited = page.poll(
            f"(() => {{ const e = document.querySelector('#errors');"
            f" return !!e && !e.hidden && e.textContent.includes({location!r}); }})()", timeout=UPDATE_TIMEOUT)
        expect_same_page(page, "on the layout error")
        check(shown, f"#errors did not show `{location}` within {UPDATE_TIMEOUT} s of the typo `boxs:` on line {line_number}")
        log(f"layout typo -> error shown: {waited * 1000:.0f} ms")
        check(page.evaluate("document.querySelectorAll('#errors .error').length") >= 1, "#errors has no `.error` element")
        check(page.evaluate(PAGES_SHOWN), "the last good pages (#pages svg) are gone while the error shows")
        check(page.evaluate(has_fill(EDITED_ACCENT)), f"the last good pages ({EDITED_ACCENT}) are gone while the error shows")
        version = expect_newer_version(page, version, "after the layout error")

        # 7. The typo fixed: the error goes, the pages are there, still in the edited accent.
        save_in_place(layout_path, layout_text)
        fixed, waited = page.poll(f"{ERRORS_HIDDEN} && {PAGES_SHOWN} > 0 && {has_fill(EDITED_ACCENT)}", timeout=UPDATE_TIMEOUT)
        expect_same_page(page, "on the fix")
        check(fixed, f"within {UPDATE_TIMEOUT} s of fixing the typo, #errors is not hidden again or the pages in {EDITED_ACCENT} are missing")
        log(f"layout fixed -> error cleared: {waited * 1000:.0f} ms")
        version = expect_newer_version(page, version, "after the fix")

        # 8. The theme deleted, then recreated with another accent.
        os.remove(theme_path)
        time.sleep(0.3)
        save_in_place(theme_path, replace_once(theme_text, f'rgb: "{OLD_ACCENT}"', f'rgb: "{RECREATED_ACCENT}"', theme_path))
        back, waited = page.poll(f"{has_fill(RECREATED_ACCENT)} && {ERRORS_HIDDEN}", timeout=RECREATE_TIMEOUT)
        expect_same_page(page, "after the theme was recreated")
        check(back, f"within {RECREATE_TIMEOUT} s of recreating themes/brand.yaml, {RECREATED_ACCENT} is not drawn or #errors is not hidden")
        log(f"theme deleted and recreated -> browser: {waited * 1000:.0f} ms")
        version = expect_newer_version(page, version, "after the theme was recreated")

        # 9. The PDF download.
        url = urllib.parse.urljoin(preview, "document.pdf")
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read()
        check(body.startswith(b"%PDF-"), f"GET {url} did not return a PDF: {body[:40]!r}")
        log(f"GET {url}: {len(body)} bytes of PDF")

        # 10. The record picker: record 3 replaces record 1, in place. Both are one page now, so
        # the switch is seen by a newer version of the page, not by its page count.
        page.evaluate("(() => { const s = document.querySelector('#record'); s.value = '3';"
                      " s.dispatchEvent(new Event('change', {bubbles: true})); })()")
        switched, waited = page.poll(f"({VERSION}) > {version} && document.querySelectorAll('#pages .page').length === 1"
                                     " && document.querySelector('#record').value === '3'", timeout=UPDATE_TIMEOUT)
        expect_same_page(page, "after picking another record")
        check(switched, f"picking record 3 did not show its single page within {UPDATE_TIMEOUT} s")
        log(f"record picker -> record 3 shown: {waited * 1000:.0f} ms")
        with urllib.request.urlopen(url, timeout=30) as response:
            disposition = response.headers.get("Content-Disposition", "")
        check("FV-2026-000003" in disposition, f"the PDF download is not record 3's: {disposition!r}")

        # The server stops on Ctrl-C.
        check(server.interrupt(timeout=5), "pressroom watch did not exit within 5 s of SIGINT")
        log(f"server exited on SIGINT with status {server.process.returncode}")

        passed = True
        log("PASS")
    except Exception as error:  # a Failure, a CDPError, or a bug here: report what was seen
        signal.alarm(0)
        if isinstance(error, (Failure, CDPError)):
            print(f"FAIL: {error}", flush=True)
        else:
            print("FAIL: unexpected error", flush=True)
            traceback.print_exc(file=sys.stdout)
        report(page, server, browser)
    finally:
        signal.alarm(0)
        for stop in (lambda: page and page.close(), lambda: browser and browser.stop(), lambda: server and server.stop()):
            try:
                stop()
            except Exception as error:
                print(f"cleanup: {error}", flush=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0 if passed else 1


def replace_once(text, old, new, path):
    check(text.count(old) == 1, f"expected `{old}` exactly once in {path}")
    return text.replace(old, new)


def boxes_line_under_first(layout_text):
    """The 1-based number of the `    boxes:` line in page.first of invoice.yaml."""
    lines = layout_text.split("\n")
    first = lines.index("  first:")
    for number in range(first + 1, len(lines)):
        if lines[number] == "    boxes:":
            return number + 1
        if not lines[number].startswith("    "):
            break
    raise Failure("invoice.yaml has no `    boxes:` line under `  first:`")


def expect_same_page(page, when):
    marker = page.evaluate("window.__marker")
    check(marker == "same-page", f"the page reloaded {when} (window.__marker is {marker!r}): updates must arrive without a reload")


def expect_newer_version(page, previous, when):
    version = page.evaluate(VERSION)
    check(isinstance(version, int) and version > previous,
          f"document.body.dataset.version did not increase {when}: {previous!r} -> {version!r}")
    return version


def check_controls(page, record_count):
    """The preview's controls are there: a record picker with one option per record, zoom and
    outline buttons, thumbnails, the source-mark panel."""
    controls = page.evaluate("""(() => {
      const tag = (selector) => { const e = document.querySelector(selector); return e ? e.tagName.toLowerCase() : null; };
      const record = document.querySelector('#record');
      return { record: tag('#record'), options: record && record.options ? record.options.length : 0,
               zoomIn: tag('#zoom-in'), zoomOut: tag('#zoom-out'), outline: tag('#outline-toggle'),
               thumbs: tag('#thumbs'), sourceInfo: tag('#source-info'), status: tag('#status') };
    })()""")
    check(controls["record"] == "select", f"#record is not a <select>: {controls}")
    check(controls["options"] == record_count, f"#record has {controls['options']} options for {record_count} records")
    for key in ("zoomIn", "zoomOut", "outline", "thumbs", "sourceInfo", "status"):
        check(controls[key], f"a control is missing: {controls}")


def check_source_marks(page):
    """Source marks are `rect.pr-source` with their data attributes (shown straight away, or
    after #outline-toggle); clicking one shows its file and line in #source-info."""
    first_mark = """(() => {
      const r = document.querySelector('#pages rect.pr-source[data-file^="components/"][data-line][data-component]');
      if (!r) return null;
      const a = {};
      for (const name of ['file', 'line', 'component', 'kind', 'path']) a[name] = r.getAttribute('data-' + name);
      return a;
    })()"""
    mark = page.evaluate(first_mark)
    if not mark:
        page.evaluate("document.querySelector('#outline-toggle').click()")
        mark, _ = page.poll(first_mark, timeout=UPDATE_TIMEOUT)
    check(mark, "no `#pages rect.pr-source` inside a component, neither at first nor after clicking #outline-toggle")
    for name in ("file", "line", "component", "kind"):
        check(mark[name] is not None, f"a source mark lacks data-{name}: {mark}")
    check(mark["file"] == f"components/{mark['component']}.yaml",
          f"a mark inside a component should name the component's file: {mark}")
    page.evaluate("document.querySelector('#pages rect.pr-source[data-file^=\"components/\"][data-line][data-component]')"
                  ".dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))")
    file_name = os.path.basename(mark["file"])
    shown, _ = page.poll(f"(() => {{ const t = (document.querySelector('#source-info') || {{}}).textContent || '';"
                         f" return t.includes({file_name!r}) && t.includes({mark['line']!r}); }})()", timeout=UPDATE_TIMEOUT)
    info = page.evaluate("(document.querySelector('#source-info') || {}).innerText")
    check(shown, f"clicking the source mark {mark} did not show {file_name} and line {mark['line']} in #source-info: {info!r}")
    log(f"source mark: {mark} -> #source-info {info!r}")


def report(page, server, browser):
    if page is not None:
        try:
            snapshot = page.evaluate(SNAPSHOT, timeout=5)
            print("--- page ---", flush=True)
            for key, value in snapshot.items():
                print(f"{key}: {value}", flush=True)
        except Exception as error:
            print(f"--- page: could not be read ({error}) ---", flush=True)
    if server is not None:
        print(server.tail(), flush=True)
    if browser is not None and browser.process.poll() is not None:
        print(f"--- chromium exited ({browser.process.returncode}) ---\n{browser.log_tail()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
