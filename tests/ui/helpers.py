"""Small waits and clicks for the browser tests (explicit waits on what the page shows)."""

from __future__ import annotations

import time
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


def by_testid(driver: Any, testid: str, timeout: float = 20) -> WebElement:
    return WebDriverWait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{testid}"]'))
    )


def click_testid(driver: Any, testid: str, timeout: float = 20) -> None:
    WebDriverWait(driver, timeout).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, f'[data-testid="{testid}"]'))
    ).click()


def wait_text(driver: Any, text: str, timeout: float = 30) -> None:
    """Wait until ``text`` appears anywhere in the page body."""
    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)


def body_text(driver: Any) -> str:
    return str(driver.find_element(By.TAG_NAME, "body").text)


def open_page(driver: Any, url: str, testid: str = "nav-data") -> None:
    driver.get(url)
    by_testid(driver, testid)
    time.sleep(0.3)  # the websocket connects after the first paint
