"""The production-like stack described in docker-compose.yml is accepted by Compose."""

import os
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
