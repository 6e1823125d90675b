"""Make the README's screenshots: every screen, from the demo data, at 80×24.

    python screenshots/make.py            # writes screenshots/*.svg

Deterministic: a fixed fake clock and the demo data built for it.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from infoview_tui.app import InfoviewApp  # noqa: E402
from infoview_tui.clock import FakeClock  # noqa: E402
from infoview_tui.demo import build_demo  # noqa: E402
from infoview_tui.store.store import Store  # noqa: E402

SIZE = (80, 24)
# A fixed moment in a fixed zone, so every run draws the same pictures.
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-8)))

SHOTS: list[tuple[str, tuple[str, ...]]] = [
    ("home", ()),
    ("help", ("question_mark",)),
    ("contacts", ("c", "down", "down")),
    ("contact-form", ("c", "down", "e")),
    ("palette", ("c", "ctrl+p")),
]


async def shoot(name: str, pressed: tuple[str, ...], folder: Path) -> Path:
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "demo.json", clock)
        build_demo(store, clock.now())
        app = InfoviewApp(lambda: store, clock, subtitle="demo · sample data, not saved")
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for key in pressed:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)  # let the palette's search settle
            target = app.save_screenshot(f"{name}.svg", str(folder))
        return Path(target)


async def main() -> None:
    for name, pressed in SHOTS:
        print(await shoot(name, pressed, HERE))


if __name__ == "__main__":
    asyncio.run(main())
