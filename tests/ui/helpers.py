"""Small waits and clicks for the browser tests (explicit waits on what the page shows)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from placement.synth import preset_plan_date
from tests.ui.conftest import child_env

T = TypeVar("T")
TINY_DATE = ("--date", preset_plan_date("tiny").isoformat())
POLL = 0.05  # seconds between two looks (WebDriverWait's 0.5 s default adds up over the suite)


def wait(driver: Any, timeout: float = 20) -> WebDriverWait[Any]:
    """An explicit wait that looks every POLL seconds and looks again after a Vue re-render."""
    return WebDriverWait(
        driver, timeout, poll_frequency=POLL, ignored_exceptions=[StaleElementReferenceException]
    )


def by_testid(driver: Any, testid: str, timeout: float = 20) -> WebElement:
    return wait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{testid}"]'))
    )


def click_testid(driver: Any, testid: str, timeout: float = 20) -> None:
    """Click the element once it is clickable (found again if Vue re-rendered it meanwhile)."""

    def clicked(d: Any) -> bool:
        wait(d, timeout).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, f'[data-testid="{testid}"]'))
        ).click()
        return True

    wait(driver, timeout).until(clicked)


def look(driver: Any, testid: str, what: Callable[[WebElement], T], timeout: float = 20) -> T:
    """``what(element)`` for the element with ``testid``, read again after a re-render."""
    box: list[T] = []

    def read(d: Any) -> bool:
        box[:] = [what(by_testid(d, testid, timeout))]
        return True

    wait(driver, timeout).until(read)
    return box[0]


def wait_text(driver: Any, text: str, timeout: float = 30) -> None:
    """Wait until ``text`` appears anywhere in the page body."""
    wait(driver, timeout).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)


def body_text(driver: Any, timeout: float = 20) -> str:
    """The page's text (read again when a navigation replaced the body meanwhile)."""
    found: str = wait(driver, timeout).until(
        lambda d: d.find_element(By.TAG_NAME, "body").text or " "
    )
    return found


def open_page(driver: Any, url: str, testid: str = "nav-data") -> None:
    """Open ``url``; return once ``testid`` is on the page and its websocket is connected (events
    sent before the handshake are lost)."""
    driver.get(url)
    by_testid(driver, testid)
    wait(driver).until(lambda d: d.execute_script("return window.did_handshake === true"))


def text(driver: Any, testid: str, timeout: float = 60) -> str:
    """The text of the element with ``testid``, read again when Vue re-rendered it meanwhile."""
    value: str = wait(driver, timeout).until(lambda d: by_testid(d, testid, timeout).text or " ")
    return value.strip()


def content(driver: Any, testid: str, needle: str, timeout: float = 60) -> str:
    """The DOM text (``textContent``, also of rows not yet painted or scrolled out of view) of the
    element with ``testid``, once it contains ``needle``."""
    found: str = wait(driver, timeout).until(
        lambda d: _content_with(by_testid(d, testid, timeout), needle)
    )
    return found


def _content_with(element: Any, needle: str) -> str | None:
    value = element.get_attribute("textContent") or ""
    return value if needle in value else None


def texts(driver: Any, testid: str, css: str, timeout: float = 60) -> list[str]:
    """Texts of the elements matching ``css`` inside ``testid`` (re-read after a re-render)."""
    found: list[str] = wait(driver, timeout).until(
        lambda d: [e.text for e in by_testid(d, testid).find_elements(By.CSS_SELECTOR, css)] or None
    )
    return found


def fill(driver: Any, testid: str, value: str) -> None:
    """Type ``value`` into the input with ``testid`` (replacing what is there)."""

    def typed(d: Any) -> bool:
        field = by_testid(d, testid)
        if field.tag_name not in ("input", "textarea"):
            field = field.find_element(By.CSS_SELECTOR, "input")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        field.send_keys(value)
        return True

    wait(driver, 20).until(typed)


def click(driver: Any, testid: str) -> None:
    """Scroll the element to the middle of the window (clear of header and footer), click it."""

    def scrolled_click(d: Any) -> bool:
        element = by_testid(d, testid)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        click_testid(d, testid)
        return True

    wait(driver, 20).until(scrolled_click)


def solve(store: Path, data: Path, out: Path, *args: str) -> subprocess.Popen[str]:
    """``placement solve DATA --out OUT ARGS`` recording in ``store`` (a server's run store)."""
    env = child_env()
    env["PLACEMENT_STORE"] = str(store)
    return subprocess.Popen(
        [sys.executable, "-m", "placement", "solve", str(data), "--out", str(out), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def scroll_to(driver: Any, testid: str, block: str = "start") -> None:
    """Scroll the element with ``testid`` into view (for screenshots)."""
    look(
        driver,
        testid,
        lambda e: driver.execute_script(f"arguments[0].scrollIntoView({{block: '{block}'}})", e),
    )


def choose(driver: Any, testid: str, label: str) -> None:
    """Pick the option ``label`` of the Quasar select with ``testid``."""
    click(driver, testid)

    def picked(d: Any) -> bool:
        for option in d.find_elements(By.CSS_SELECTOR, ".q-menu [role=option]"):
            if option.text.strip() == label:
                option.click()
                return True
        return False

    wait(driver, 20).until(picked)


def downloaded(folder: Path, pattern: str, timeout: float = 30) -> Path:
    """The file matching ``pattern`` once the browser has finished writing it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(POLL)
    raise AssertionError(f"{pattern} was not downloaded to {folder}")


def search_pick(driver: Any, testid: str, typed: str, option: str | None = None) -> None:
    """Type ``typed`` into the searchable select ``testid``; then pick the listed option whose
    text contains ``option``, or, without ``option``, confirm the typed value with Enter."""
    fill(driver, testid, typed)
    if option is None:
        field = by_testid(driver, testid)
        if field.tag_name != "input":
            field = field.find_element(By.CSS_SELECTOR, "input")
        field.send_keys(Keys.ENTER)
        return

    def picked(d: Any) -> bool:
        for found in d.find_elements(By.CSS_SELECTOR, ".q-menu [role=option]"):
            if option in found.text:
                found.click()
                return True
        return False

    wait(driver, 20).until(picked)
