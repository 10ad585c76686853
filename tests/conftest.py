"""Every test runs in a temporary folder of its own: nothing a test does depends on, or writes into, the
working tree (a user's tm/ folder, lookup indexes, outputs). Tests find the project's files through
their own paths (``Path(__file__)``), never through the current folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _in_a_temporary_folder(tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
