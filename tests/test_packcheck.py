"""``topics check`` on the hierarchy (``parent``) and on weak aliases."""

from __future__ import annotations

from pathlib import Path

from readout_diff.packcheck import check_pack


def _pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _messages(path: Path, **kwargs: bool) -> list[str]:
    return [str(problem) for problem in check_pack(path, **kwargs)]


def test_a_parent_that_names_no_topic_is_flagged_with_its_line(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "arms-aid"\nlabel = "Arms"\nparent = "ukrane"\nen = ["arms aid"]\n',
    )
    assert _messages(path) == [
        f"{path}:4: topic 'arms-aid': parent 'ukrane' is not a topic of the pack "
        "(did you mean 'ukraine'?)"
    ]


def test_a_parent_from_the_builtin_pack_is_fine(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "arms-aid"\nlabel = "Arms"\nparent = "ukraine"\nen = ["arms aid"]\n',
    )
    assert _messages(path) == []


def test_a_parent_the_pack_disables_is_flagged(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[pack]\ndisable = ["ukraine"]\n\n'
        '[[topic]]\nid = "arms-aid"\nlabel = "Arms"\nparent = "ukraine"\nen = ["arms aid"]\n',
    )
    assert [m.split(": ", 1)[1] for m in _messages(path)] == [
        "topic 'arms-aid': parent 'ukraine' is a topic this pack disables"
    ]


def test_a_parent_that_has_a_parent_is_flagged(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "war"\nlabel = "War"\nen = ["the war"]\n\n'
        '[[topic]]\nid = "aid"\nlabel = "Aid"\nparent = "war"\nen = ["military aid"]\n\n'
        '[[topic]]\nid = "tanks"\nlabel = "Tanks"\nparent = "aid"\nen = ["tanks"]\n',
    )
    assert _messages(path) == [
        f"{path}:15: topic 'tanks': parent 'aid' is itself a detail of 'war': a parent "
        "must be an issue of its own (the hierarchy is one level deep)"
    ]


def test_a_weak_alias_that_is_a_plain_alias_of_another_topic_is_flagged(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "war"\nlabel = "War"\nen = ["war in Ukraine"]\n'
        'weak.en = ["Ukrainian"]\n\n'
        '[[topic]]\nid = "grain"\nlabel = "Grain"\nen = ["grain deal", "ukrainian"]\n',
    )
    (message,) = _messages(path)
    assert message.startswith(f"{path}:10: topic 'grain': en weak alias 'Ukrainian' of topic")
    assert "'war' is a plain alias of topic 'grain'" in message


def test_a_weak_alias_shadowed_by_a_builtin_plain_alias_is_flagged(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "pipelines"\nlabel = "Pipelines"\nen = ["pipeline politics"]\n'
        'weak.en = ["Nord Stream"]\n',
    )
    assert _messages(path) == []
    (message,) = _messages(path, with_builtin=True)
    assert "weak alias 'Nord Stream' of topic 'pipelines' is a plain alias of topic" in message


def test_weak_aliases_and_parents_that_are_right_pass(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "war"\nlabel = "War"\nen = ["war in Ukraine"]\n'
        'weak.en = ["Ukrainian"]\n\n'
        '[[topic]]\nid = "aid"\nlabel = "Aid"\nparent = "war"\nen = ["military aid"]\n',
    )
    assert _messages(path) == []


def test_a_one_word_russian_participle_alias_is_flagged(tmp_path: Path) -> None:
    # pymorphy3 lemmatises a participle to its verb: "заключённые" (prisoners) would
    # match "заключили соглашение" (concluded an agreement). Exact forms are fine.
    path = _pack(
        tmp_path,
        '[[topic]]\nid = "prisoners"\nlabel = "Prisoners"\n'
        'ru = ["пленные", "заключённые", "=заключённых", "обмен заключёнными"]\n',
    )
    (message,) = _messages(path)
    assert message.startswith(f"{path}:4: topic 'prisoners': ru alias 'заключённые'")
    assert "'заключить'" in message and "'=заключённые'" in message
