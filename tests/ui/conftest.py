"""Browser tests of ``placement ui``: the real app in a subprocess, driven by headless Chromium.

Chromium and ChromeDriver come from Debian's ``chromium`` and ``chromium-driver`` packages
(``.ci/run`` installs them). Without them these tests are skipped, unless
PLACEMENT_UI_TESTS=wajib (set by .ci/run), where a missing browser is a failure."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = os.environ.get("PLACEMENT_UI_SCREENSHOTS")  # e.g. docs/ui: keep the page images


def _browser_missing() -> str | None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    return (
        f"tidak ada {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if missing
        else None
    )


@pytest.fixture(scope="session")
def browser_available() -> None:
    reason = _browser_missing()
    if reason and os.environ.get("PLACEMENT_UI_TESTS") == "wajib":
        pytest.fail(f"uji peramban diwajibkan tetapi {reason}")
    if reason:
        pytest.skip(reason)


ROOT = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    """The environment of a ``placement`` child process: this checkout's package first (the
    virtual environment's editable install may point at another checkout)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running ``placement ui`` with its own work folder and run store."""

    def __init__(self, root: Path, *args: str) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.store = root / "runs.sqlite"
        self.log = (root / "ui.log").open("w")
        env = child_env()
        env["PLACEMENT_STORE"] = str(self.store)
        cmd = [
            sys.executable,
            "-m",
            "placement",
            "ui",
            "--port",
            str(self.port),
            "--folder-kerja",
            str(root / "kerja"),
            *args,
        ]
        self.process = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"placement ui stopped: {(root / 'ui.log').read_text()}")
            try:
                urllib.request.urlopen(self.url + "/data", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"placement ui did not start: {(root / 'ui.log').read_text()}")

    def stop(self) -> None:
        """Ask the server to stop; :meth:`reap` waits for it (at the end of the session, so that
        its shutdown overlaps the next module's tests)."""
        self.process.terminate()

    def reap(self) -> None:
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


_stopping: list[Server] = []


@pytest.fixture(scope="session", autouse=True)
def _reap_servers() -> Iterator[None]:
    """Wait, once, for every server the modules stopped."""
    yield
    for s in _stopping:
        s.reap()


def started(root: Path, *args: str) -> Iterator[Server]:
    """A module's server: started, yielded, stopped without waiting."""
    s = Server(root, *args)
    yield s
    s.stop()
    _stopping.append(s)


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic tiny region as csv files (30 people, 12 posts)."""
    from placement.io.writers import write_dataset
    from placement.synth import generate

    folder = tmp_path_factory.mktemp("tiny")
    write_dataset(generate("tiny", 0), folder)
    return folder


@pytest.fixture(scope="session")
def kabupaten_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic kabupaten as csv files (3,000 people, 965 posts), made once a session."""
    from placement.io.writers import write_dataset
    from placement.synth import generate

    folder = tmp_path_factory.mktemp("kabupaten")
    write_dataset(generate("kabupaten", 0), folder)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, browser_available: None) -> Iterator[Server]:
    yield from started(tmp_path_factory.mktemp("ui"))


@pytest.fixture(scope="module")
def data_server(
    tmp_path_factory: pytest.TempPathFactory, browser_available: None, tiny_dir: Path
) -> Iterator[Server]:
    """A server started with ``--data`` on the tiny region (the scenario's date is today)."""
    yield from started(tmp_path_factory.mktemp("ui-data"), "--data", str(tiny_dir))


@pytest.fixture(scope="session")
def driver(browser_available: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One Chromium for the session (each module's server has its own address, so its own
    cookies and storage)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("unduhan")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.implicitly_wait(0)
    browser.downloads = downloads  # type: ignore[attr-defined]
    yield browser
    browser.quit()


def screenshot(driver: object, name: str) -> None:
    """Save a page image under PLACEMENT_UI_SCREENSHOTS (docs/ui) when set."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        time.sleep(0.5)  # let transitions settle
        driver.save_screenshot(str(Path(SCREENSHOTS) / f"{name}.png"))  # type: ignore[attr-defined]
