"""The production-like stack described in docker-compose.yml is accepted by Compose."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _compose_command():
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and subprocess.run(
        ["docker", "compose", "version"], capture_output=True
    ).returncode == 0:
        return ["docker", "compose"]
    return None


def test_compose_file_is_valid_and_runs_the_whole_stack():
    command = _compose_command()
    if command is None:
        pytest.skip("neither docker compose nor docker-compose is installed")
    env = {**os.environ, "SECRET_KEY": "x" * 60, "POSTGRES_PASSWORD": "pw"}
    result = subprocess.run([*command, "config", "--services"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"web", "worker", "beat", "postgres", "redis"}


# --- Every storage root on a volume --------------------------------------------------------------


def _scalar(text: str):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def load_compose(text: str) -> dict:
    """Read the block-style YAML that docker-compose.yml is written in: mappings, lists of
    scalars, anchors (``&name``) and merge keys (``<<: *name``). Flow values (``[...]``) stay
    strings. PyYAML is not one of the project's dependencies, and this file needs no more."""
    lines = [(len(raw) - len(raw.lstrip(" ")), raw.strip()) for raw in text.splitlines()
             if raw.strip() and not raw.strip().startswith("#")]
    anchors: dict[str, object] = {}

    def block(i: int, indent: int):
        if lines[i][1].startswith("- "):
            items = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
                items.append(_scalar(lines[i][1][2:]))
                i += 1
            return items, i
        mapping: dict = {}
        while i < len(lines) and lines[i][0] == indent:
            key, _, rest = lines[i][1].partition(":")
            rest = rest.strip()
            i += 1
            anchor = None
            if rest.startswith("&"):
                anchor, rest = rest[1:], ""
            if key == "<<":
                mapping.update(anchors[rest.lstrip("*")])
                continue
            if rest.startswith("*"):
                value = anchors[rest[1:]]
            elif rest:
                value = _scalar(rest)
            elif i < len(lines) and lines[i][0] > indent:
                value, i = block(i, lines[i][0])
            else:
                value = None
            if anchor:
                anchors[anchor] = value
            mapping[key] = value
        return mapping, i

    return block(0, 0)[0]


def _storage_roots() -> set[str]:
    """Every ``*_ROOT`` setting the code reads, except STATIC_ROOT (collected into the image)."""
    found = set()
    for app in ("netw", "providers", "peersessions", "methodologies", "sustainability"):
        for path in (ROOT / app).rglob("*.py"):
            found |= set(re.findall(r"\b([A-Z][A-Z_]*_ROOT)\b", path.read_text()))
    return found - {"STATIC_ROOT"}


def test_every_storage_root_is_a_setting():
    declared = set(re.findall(r"^([A-Z][A-Z_]*_ROOT) = ", (ROOT / "netw/settings.py").read_text(),
                              re.MULTILINE))
    assert _storage_roots() >= {"MEDIA_ROOT", "EXPORTS_ROOT", "PRIVATE_MEDIA_ROOT",
                                "PROVIDER_IMPORTS_ROOT"}
    assert _storage_roots() <= declared


@pytest.mark.parametrize("service", ["web", "worker"])
def test_every_storage_root_is_on_a_named_volume_shared_by_web_and_worker(service):
    compose = load_compose((ROOT / "docker-compose.yml").read_text())
    named = set(compose["volumes"])
    spec = compose["services"][service]
    mounts = {}
    for entry in spec["volumes"]:
        source, target = entry.split(":")[:2]
        mounts[target.rstrip("/")] = source
    web_mounts = {entry.split(":")[1]: entry.split(":")[0]
                  for entry in compose["services"]["web"]["volumes"]}
    for root in sorted(_storage_roots()):
        path = spec["environment"].get(root)
        assert path, f"{service} does not set {root}: it would write inside the container"
        target = max((t for t in mounts if path == t or path.startswith(t + "/")),
                     key=len, default=None)
        assert target, f"{root}={path} is on no volume of {service}"
        assert mounts[target] in named, f"{root} is on {mounts[target]}, not a named volume"
        assert web_mounts.get(target) == mounts[target], f"{root}: web and {service} differ"
        assert compose["services"]["web"]["environment"][root] == path


def test_the_compose_reader_reads_anchors_and_merges():
    compose = load_compose("x: &a\n  env:\n    K: 'v'\n  vols:\n    - a:/a\ns:\n  one:\n"
                           "    <<: *a\n    cmd: run\n")
    assert compose["s"]["one"] == {"env": {"K": "v"}, "vols": ["a:/a"], "cmd": "run"}
