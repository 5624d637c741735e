"""The compose images hold what their entry points import. Docker is not on these
machines, so this reads the Dockerfile, .dockerignore, docker-compose.yml, the locks and
the sources' imports, and checks each image the way Docker would build it."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import tomllib
from dataclasses import dataclass, field
from importlib.metadata import packages_distributions

import pytest
import yaml
from setuptools import find_packages

from .imports import FIRST_PARTY, ROOT, closure

# the entry points named in the README and the compose file, with the image each runs in
REQUIRED = {"app.main": "api", "app.cli": "api", "workers.main": "worker",
            "workers.trainer": "trainer", "workers.recommender": "trainer", "gnn.__main__": "trainer"}


@dataclass
class Image:
    lock: str | None = None
    packages: set[str] = field(default_factory=set)  # first-party top-level packages
    cmd: list[str] = field(default_factory=list)


def normalise(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", text)
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def ignored(name: str) -> bool:
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines()
                if p.strip() and not p.startswith("#")]
    return any(fnmatch.fnmatch(name, p) for p in patterns)


def project_packages() -> set[str]:
    """The top-level packages `pip install .` puts in site-packages, as setuptools finds them."""
    find = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    return {p.split(".")[0] for p in find_packages(where=str(ROOT), include=find["include"],
                                                   exclude=find.get("exclude", ()))}


def build(args: dict[str, str], dockerfile: str | None = None) -> Image:
    """What the Dockerfile puts in an image built with these build args."""
    image, values = Image(), dict(args)
    copied: dict[str, set[str]] = {}  # destination of a `COPY .` -> what the context holds
    locks: dict[str, str] = {}  # destination -> the lock file copied there

    def expand(s: str) -> str:
        return re.sub(r"\$\{?(\w+)\}?", lambda m: values.get(m.group(1), m.group(0)), s)

    text = dockerfile if dockerfile is not None else (ROOT / "Dockerfile").read_text()
    for word, rest in instructions(text):
        if word == "ARG":
            name, _, default = rest.partition("=")
            values.setdefault(name, default)
        elif word == "COPY":
            *sources, dest = shlex.split(expand(rest))
            for src in sources:
                if src == ".":
                    copied[dest] = {p.name for p in ROOT.iterdir() if not ignored(p.name)}
                elif src.startswith("requirements"):
                    locks[dest] = src
                elif (ROOT / src).is_dir() and not ignored(src):
                    image.packages.add(src)  # copied into the working directory
        elif word == "RUN":
            for command in expand(rest).split("&&"):
                argv = shlex.split(command)
                if "pip" not in argv or "install" not in argv:
                    continue
                if "-r" in argv:
                    given = argv[argv.index("-r") + 1]
                    image.lock = locks.get(given, given)
                for target in argv:  # the project itself, installed from the copied context
                    if "pyproject.toml" in copied.get(target, ()):
                        image.packages |= project_packages() & copied[target]
        elif word == "CMD":
            image.cmd = json.loads(rest)
    return image


def entry_modules(command: str | list[str]) -> set[str]:
    """The modules a compose command runs: `python -m X` and `arq X.Settings`."""
    text = command if isinstance(command, str) else " ".join(command)
    found = set(re.findall(r"python -m ([\w.]+)", text))
    found |= {m.rpartition(".")[0] for m in re.findall(r"\barq (?:--\S+ )*([\w.]+)", text)}
    return {f"{m}.__main__" if m in FIRST_PARTY else m for m in found}


def compose_images() -> dict[str, tuple[Image, set[str]]]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    images = {}
    for name, service in compose["services"].items():
        if "build" in service:
            b = service["build"]
            image = build(b.get("args", {}) if isinstance(b, dict) else {})
            images[name] = image, entry_modules(service.get("command", image.cmd))
    return images


def lock_names(lock: str) -> set[str]:
    lines = (ROOT / lock).read_text().splitlines()
    return {normalise(line.split("==")[0]) for line in lines if "==" in line and not line.startswith(" ")}


def problems(name: str, image: Image, modules: set[str]) -> list[str]:
    """What would fail on import in this image: a package it lacks, a library it does not install."""
    if not image.lock:
        return [f"{name}: the Dockerfile installs no lock"]
    locked, dists, found = lock_names(image.lock), packages_distributions(), []
    for module in sorted(modules):
        first, third = closure(module)
        missing = {m.split(".")[0] for m in first} - image.packages
        if missing:
            found.append(f"{name}: {module} imports {sorted(missing)}, not in the image")
        for top in sorted(third):
            if not {normalise(d) for d in dists.get(top, ())} & locked:
                found.append(f"{name}: {module} imports {top}, which {image.lock} does not install")
    return found


def test_every_entry_point_runs_in_its_image() -> None:
    images = compose_images()
    assert set(REQUIRED.values()) <= set(images), "a compose service is missing"
    for name, (image, modules) in images.items():
        required = {m for m, service in REQUIRED.items() if service == name}
        assert problems(name, image, modules | required) == []


def test_the_check_catches_a_missing_package() -> None:
    """The image as it was: packages copied one by one, gnn/ forgotten, torch in the lock."""
    old = ("FROM python:3.11-slim\nWORKDIR /srv\nCOPY requirements.api.lock .\n"
           "RUN pip install uv && uv pip install --system -r requirements.api.lock\n"
           + "".join(f"COPY {p} ./{p}\n" for p in ("app", "graph_model", "cypher", "ingest", "search",
                                                   "workers", "data")))
    found = problems("worker", build({}, old), {"workers.trainer"})
    assert "worker: workers.trainer imports ['gnn'], not in the image" in found
    assert "worker: workers.trainer imports torch, which requirements.api.lock does not install" in found
    assert problems("api", build({}, old), {"app.cli"}) == []


@pytest.mark.parametrize("service", ["api", "worker"])
def test_api_and_worker_images_carry_no_torch(service: str) -> None:
    image, modules = compose_images()[service]
    assert image.lock == "requirements.api.lock"
    assert not {"torch", "torch-geometric", "triton", "implicit", "scipy"} & lock_names(image.lock)
    for module in modules | {"app.main"}:
        assert "gnn" not in {m.split(".")[0] for m in closure(module)[0]}, module


def test_trainer_image_trains() -> None:
    image, modules = compose_images()["trainer"]
    assert {"torch", "torch-geometric"} <= lock_names(image.lock or "")
    assert {"workers.trainer", "workers.recommender"} <= modules and "gnn" in image.packages
