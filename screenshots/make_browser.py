"""Make the README's browser screenshot: `infoview serve --demo` in headless Chromium.

    python screenshots/make_browser.py     # writes screenshots/browser.png

Needs what the browser test needs: Playwright (the dev extra) and a system Chromium
(Debian's chromium package, or INFOVIEW_CHROMIUM). Nothing is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.web.browser import CHROMIUM_ARGS, PageTab, find_chromium, why_no_browser  # noqa: E402
from tests.web.served import Served  # noqa: E402

OUT = HERE / "browser.png"
VIEWPORT = {"width": 1280, "height": 720}


def main() -> int:
    missing = why_no_browser()
    if missing:
        print(f"make_browser: {missing}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    served = Served("--demo", cwd=HERE).wait_ready()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=find_chromium(), args=CHROMIUM_ARGS
            )
            tab = PageTab(browser.new_context(viewport=VIEWPORT), served.address)
            tab.wait_for("Next meeting")
            tab.wait_for("in all")
            tab.page.wait_for_timeout(1000)  # the fade-in and the last frame
            tab.screenshot(OUT)
            browser.close()
    finally:
        served.close()
    print(f"wrote {OUT.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
