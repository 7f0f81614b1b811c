#!/usr/bin/env python3
"""Browser test of `referat serve` in headless Chromium (Debian's chromium and
chromium-driver), driven by Selenium: a journalist types a Danish query, clicks a facet,
opens a case, follows a person link and opens the archive page. Screenshots of each page are
saved to a folder this script names in its output.

Usage: python3 Tests/Browser/browser_test.py [path/to/referat]
It imports Corpus/ into a temporary index, starts the server on a free loopback port, and
stops it at the end. It ends with a line 'N passed, N failed' and exits non-zero on failure.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/referat")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Run:
    def __init__(self, shots):
        self.shots = shots
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok      {name}")
        else:
            self.failed += 1
            print(f"FAILED  {name} {detail}")


def main():
    work = tempfile.mkdtemp(prefix="referat-browser-")
    shots = os.path.join(work, "screenshots")
    os.makedirs(shots)
    index = os.path.join(work, "index.sqlite")
    subprocess.run([BINARY, "import", os.path.join(ROOT, "Corpus"), "--index", index], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--index", index, "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    run = Run(shots)
    driver = None
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        options = Options()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1100"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(60)

        def shot(name):
            driver.save_screenshot(os.path.join(shots, name + ".png"))

        def total():
            return int(driver.find_element(By.ID, "antal").text.split()[0])

        # 1. Type a Danish query in the search box and press Enter.
        driver.get(base + "/")
        box = driver.find_element(By.ID, "q")
        box.send_keys("børneområdet")
        box.send_keys(Keys.ENTER)
        run.check("the query is in the address", "q=b%C3%B8rneomr%C3%A5det" in driver.current_url, driver.current_url)
        found = total()
        run.check("the search finds hits", found > 0, str(found))
        marks = driver.find_elements(By.CSS_SELECTOR, "p.snippet mark")
        run.check("snippets highlight the matches", any("børne" in m.text.lower() or "område" in m.text.lower() for m in marks))
        shot("1-search")

        # 2. Click the first committee facet: the search narrows to its count.
        facet = driver.find_element(By.CSS_SELECTOR, "#facet-udvalg li")
        expected = int(facet.find_element(By.CSS_SELECTOR, ".count").text.strip("()"))
        committee = facet.find_element(By.TAG_NAME, "a").text
        facet.find_element(By.TAG_NAME, "a").click()
        run.check("the facet narrows the search", total() == expected and expected <= found, f"{total()} vs {expected}")
        active = driver.find_element(By.CSS_SELECTOR, "p.active").text
        run.check("the facet shows as an active filter", committee in active, active)
        shot("2-facet")

        # 3. Open a case from the hits.
        driver.get(base + "/?q=affaldsordning+sommerhuse")
        driver.find_element(By.CSS_SELECTOR, "li.hit h2 a[href^='/sag']").click()
        heading = driver.find_element(By.TAG_NAME, "h1").text
        run.check("the case page opens", heading.startswith("Sag 330-2021-3619"), heading)
        timeline = driver.find_element(By.ID, "forloeb").text
        run.check("the case shows its timeline in Danish", "Teknik- og Miljøudvalget" in timeline and "godkendt" in timeline, timeline[:200])
        shot("3-case")

        # 4. Follow a person link.
        link = driver.find_element(By.CSS_SELECTOR, "#forloeb a[href^='/person']")
        name = link.text
        link.click()
        page = driver.find_element(By.TAG_NAME, "main").text
        run.check("the person page shows the person", name in page, name)
        run.check("the person page counts per year", "fraværende" in page and "2021" in page, page[:200])
        run.check("the person page links back to the case", len(driver.find_elements(By.CSS_SELECTOR, "a[href*='330-2021-3619']")) > 0)
        shot("4-person")

        # 5. The archive page with its chart.
        driver.get(base + "/arkiv")
        bars = driver.find_elements(By.CSS_SELECTOR, "#chart-years rect")
        run.check("the archive page draws decisions per year", len(bars) > 1, str(len(bars)))
        shot("5-archive")

        # 6. Hostile input stays text.
        driver.get(base + "/?q=%22%3E%3Cscript%3Edocument.title%3D%27pwned%27%3C%2Fscript%3E")
        run.check("a hostile query is not run", driver.title != "pwned", driver.title)
        shot("6-hostile")
    except Exception as error:  # a failure to find an element is a failed check, not a crash
        run.check("the browser run completed", False, repr(error)[:300])
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
    print(f"{run.passed} passed, {run.failed} failed")
    if run.failed:
        # The screenshots and index are what a failure is read from; a passing run leaves nothing.
        print(f"screenshots: {shots}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
