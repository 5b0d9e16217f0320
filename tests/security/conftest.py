"""Security tests: hypothesis profiles for the property-based fuzzer.

HYPOTHESIS_PROFILE=ci (the default) keeps the fuzzer within CI's time; bench/fuzz.sh runs
it with HYPOTHESIS_PROFILE=bench and many more examples. The profiles are applied to the
fuzz tests only, never loaded globally, so other apps' property tests keep their own.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
}
# CI is derandomized, so a run is repeatable and never fails by chance; the benchmark
# explores new random cases every time, and what it finds becomes a test.
settings.register_profile("ci", max_examples=25, derandomize=True, **_COMMON)
settings.register_profile("bench", max_examples=300, **_COMMON)

FUZZ_PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
