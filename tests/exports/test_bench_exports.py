"""One short run of ``manage.py bench_exports`` on its throw-away database (the real figures come
from ``make bench``, at 100,000 rows)."""

import json
import os
import subprocess
import sys

from django.conf import settings


def test_the_export_benchmark_runs_and_reports_time_and_memory(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "bench_exports", "--rows", "300", "--no-tracemalloc",
         "--output", str(tmp_path)],
        cwd=settings.BASE_DIR, env={**os.environ}, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (path,) = tmp_path.glob("exports-*.json")
    report = json.loads(path.read_text())
    exports = [r for r in report["results"] if r["what"].startswith("export")]
    assert {r["what"] for r in exports} == {"export csv", "export xlsx"}
    assert all(r["rows"] >= 300 and r["seconds"] > 0 and r["rss_peak_mib"] > 0 for r in exports)
    copy = next(r for r in report["results"] if "COPY" in r["what"])
    assert (copy["seconds"] is not None) == (report["vendor"] == "postgresql")
