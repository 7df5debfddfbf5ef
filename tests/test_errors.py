"""Library errors (:mod:`readout_diff.errors`): one line, a setting named two ways."""

from __future__ import annotations

import pickle

import pytest

from readout_diff.errors import SETTING, InputError, OutputError, PackError, Setting

OPTIONS = {"encoding": "--encoding", "keep_boilerplate": "--keep-boilerplate"}


@pytest.mark.parametrize(
    ("setting", "argument", "option"),
    [
        (Setting("encoding"), "encoding=...", "--encoding"),
        (Setting("encoding", "utf-16-le"), "encoding='utf-16-le'", "--encoding utf-16-le"),
        (Setting("keep_boilerplate", True), "keep_boilerplate=True", "--keep-boilerplate"),
    ],
)
def test_errors_name_a_setting_as_argument_or_as_option(
    setting: Setting, argument: str, option: str
) -> None:
    error = InputError("a.txt", f"try {SETTING}", setting=setting)
    assert str(error) == f"a.txt: try {argument}"
    assert error.problem == f"try {argument}"
    assert error.describe(OPTIONS) == f"a.txt: try {option}"


def test_errors_without_a_setting_read_the_same_everywhere() -> None:
    error = PackError("p.toml", "invalid TOML: {braces} stay")
    assert str(error) == error.describe(OPTIONS) == "p.toml: invalid TOML: {braces} stay"


def test_errors_with_a_setting_the_caller_has_no_option_for_keep_the_library_name() -> None:
    error = InputError("a.txt", f"see {SETTING}", setting=Setting("max_bytes"))
    assert error.describe(OPTIONS) == "a.txt: see max_bytes=..."


def test_errors_are_not_os_errors() -> None:
    assert not issubclass(OutputError, OSError)


def test_errors_survive_pickling_as_worker_processes_send_them() -> None:
    error = InputError("a.txt", f"try {SETTING}", setting=Setting("encoding", "cp1251"))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputError
    assert (str(again), again.describe(OPTIONS)) == (str(error), error.describe(OPTIONS))
