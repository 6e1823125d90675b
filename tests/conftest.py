"""Settings for every test.

Property tests (hypothesis) run the same examples on every run, so a red build is always the
same red: `derandomize` seeds each test from its own name. To go looking for new failures,
run with HYPOTHESIS_PROFILE=explore (random examples; a failure prints the example and the
seed to reproduce it).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
