"""The HTML review report in a real browser: headless Chromium (Debian packages) driven by Selenium.

Opens the report, applies the "flagged only" and link-type filters, checks which rows are visible, and
checks a screenshot for the confidence colours. Skipped when Chromium or chromedriver is absent.
Selenium Manager is never used (explicit driver and binary paths), so nothing is downloaded.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from alignmem.check import check_units, write_report
from alignmem.check.model import Unit
from alignmem.check.report_html import BANDS

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and DRIVER.exists()),
                                reason="headless Chromium (chromium, chromium-driver) not installed")

LANGS = ("en", "ru", "zh")


def report(tmp_path: Path) -> Path:
    units = []
    for i in range(40):  # 40 clean groups, scored high
        units.append(Unit("doc", i, LANGS, (f"Clean sentence {i} of the report.", f"Чистое предложение {i} доклада.",
                                            f"报告的第{i}个干净句子。"), 0.9, "1-1-1", para=i + 1))
    units.append(Unit("doc", 40, LANGS, ("It cost 1,300 dollars.", "Это стоило 13 долларов.", "花费了1 300美元。"),
                      0.45, "1-1-1", para=41))
    units.append(Unit("doc", 41, LANGS, ("A lone sentence here.", "", "单独的一句。"), None, "1-0-1", para=42))
    units.append(Unit("doc", 42, LANGS, ("Weak pair one.", "Слабая пара.", "弱的一对。"), 0.1, "2-1-1", para=43))
    path = tmp_path / "report.html"
    write_report(None, path, check_units(units))
    return path


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def visible_rows(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('tr.r')).filter(r => r.offsetParent !== null)"
        ".map(r => r.querySelector('td.id').textContent);")


def colours(png: bytes) -> set[tuple[int, int, int]]:
    """The distinct RGB colours of a screenshot (decoded with the PNG reader of the stdlib only)."""
    import struct
    import zlib

    data = io.BytesIO(png)
    assert data.read(8) == b"\x89PNG\r\n\x1a\n"
    width = height = 0
    idat = b""
    colour_type = 0
    while True:
        (length,), kind = struct.unpack(">I", data.read(4)), data.read(4)
        chunk = data.read(length)
        data.read(4)
        if kind == b"IHDR":
            width, height, _, colour_type = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    channels = {2: 3, 6: 4}[colour_type]
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    found: set[tuple[int, int, int]] = set()
    pos = 0
    for _ in range(height):
        filt, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if filt == 1:
                line[i] = (line[i] + left) & 255
            elif filt == 2:
                line[i] = (line[i] + up) & 255
            elif filt == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif filt == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        found.update(tuple(line[i:i + 3]) for i in range(0, stride, channels))
        previous = line
    return found


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_flagged_filter_and_screenshot(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(report(tmp_path).as_uri())
    assert len(visible_rows(browser)) == 43
    assert browser.find_element(By.ID, "shown").text == "43"

    browser.find_element(By.ID, "flagged").click()
    rows = visible_rows(browser)
    assert [r.split("p")[0] for r in rows] == ["doc #41", "doc #42", "doc #43"]
    assert browser.find_element(By.ID, "shown").text == "3"

    png = browser.get_screenshot_as_png()
    seen = colours(png)
    band = {cls: hex_rgb(colour) for cls, _, colour, _ in BANDS}
    # the flagged rows shown carry the very-low and low confidence colours; the high colour remains in the
    # summary chart and legend only
    assert band["c0"] in seen and band["c1"] in seen
    assert len(seen) > 20  # text, borders and colours: not a blank page

    Select(browser.find_element(By.ID, "kind")).select_by_value("2-1-1")
    assert [r.split("p")[0] for r in visible_rows(browser)] == ["doc #43"]
    browser.find_element(By.ID, "flagged").click()
    assert [r.split("p")[0] for r in visible_rows(browser)] == ["doc #43"]
    Select(browser.find_element(By.ID, "kind")).select_by_value("")
    assert len(visible_rows(browser)) == 43
