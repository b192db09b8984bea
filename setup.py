"""The build step pyproject.toml cannot declare: the wheel carries the top-level ``resources/`` folder.

Everything else about the package is in pyproject.toml. While a wheel is built, ``resources/`` is
copied into it as ``counter_app/_resources`` with each translation compiled from its ``.ts`` source
to the ``.qm`` Qt loads (by ``counter_app.resources.compile_ts``, pure Python, so the isolated build
environment needs no Qt); ``.qm`` files lying in the source tree are not used. An editable install
uses the source tree's ``resources/`` directly. See docs/design.md, "Resources in every install".
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "resources"


def _resources_module():
    """counter_app/resources.py, loaded by path: the package's other modules need its dependencies."""
    spec = importlib.util.spec_from_file_location("_counter_resources", ROOT / "counter_app" / "resources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resource_sources() -> list[Path]:
    """The files of resources/ that go into a wheel: all of them but built .qm files."""
    return sorted(p for p in SOURCE.rglob("*") if p.is_file() and p.suffix != ".qm" and p.name[0] != ".")


def copy_resources(target: Path) -> list[Path]:
    """resources/ into ``target``, each .ts compiled to a .qm; the files written."""
    compile_ts = _resources_module().compile_ts
    written = []
    for source in resource_sources():
        destination = target / source.relative_to(SOURCE)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".ts":
            written.append(compile_ts(source, destination.with_suffix(".qm")))
        else:
            shutil.copyfile(source, destination)
            written.append(destination)
    return written


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / "counter_app" / "_resources"
            shutil.rmtree(target, ignore_errors=True)  # nothing left from an earlier build
            self._resource_outputs = [str(path) for path in copy_resources(target)]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *getattr(self, "_resource_outputs", [])]

    def get_source_files(self) -> list[str]:
        """What an sdist needs besides the packages: setup.py and the resources' sources."""
        extra = [str(path.relative_to(ROOT)) for path in resource_sources()]
        return [*super().get_source_files(), "setup.py", *extra]


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it
    setup(cmdclass={"build_py": BuildPyWithResources})
