"""pip-audit of the pinned requirements, with a clear word on what could not be audited.

Exit 1 when a pinned package has a known vulnerability (upgrade it in pyproject.toml, then
`make lock`). When the vulnerability service cannot be reached, or does not know some packages,
say so plainly: no vulnerability found is then not the same as none known. `--require-audit`
makes that a failure too.

Usage: python .ci/pip_audit.py [requirements/dev.txt] [--service pypi|osv] [--require-audit]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("requirements", nargs="?", default="requirements/dev.txt")
    parser.add_argument("--service", default="pypi", choices=["pypi", "osv"])
    parser.add_argument("--require-audit", action="store_true",
                        help="fail when any package could not be audited")
    args = parser.parse_args()

    pip_audit = Path(sys.executable).with_name("pip-audit")
    # The lock pins every package (pip-compile): no resolution needed, nothing installed.
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [str(pip_audit), "-r", args.requirements, "--no-deps", "--disable-pip",
         "--vulnerability-service", args.service, "--format", "json", "--progress-spinner", "off"],
        capture_output=True, text=True, timeout=600,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
        return 2

    packages = report.get("dependencies", [])
    skipped = [p for p in packages if p.get("skip_reason")]
    audited = [p for p in packages if not p.get("skip_reason")]
    vulnerable = [p for p in audited if p.get("vulns")]
    print(f"pip-audit ({args.service}) of {args.requirements}: {len(packages)} pinned packages, "
          f"{len(audited)} audited, {len(skipped)} not audited, {len(vulnerable)} vulnerable.")
    for p in vulnerable:
        for v in p["vulns"]:
            fixes = ", ".join(v.get("fix_versions", [])) or "no fixed release yet"
            print(f"  VULNERABLE {p['name']} {p['version']}: {v['id']} (fixed in {fixes})")
    if skipped:
        reasons = {p["skip_reason"].split(":")[0] for p in skipped}
        print(f"  NOT AUDITED: {len(skipped)} package(s) — the {args.service} vulnerability "
              f"service did not answer for them ({'; '.join(sorted(reasons))[:300]}). "
              "No vulnerability was found in what could be checked; the rest is unknown.")
    if vulnerable:
        return 1
    if skipped and (args.require_audit or not audited):
        if args.require_audit:
            return 1
        print("  WARNING: the vulnerability service could not be reached from this machine: "
              "nothing was audited.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
