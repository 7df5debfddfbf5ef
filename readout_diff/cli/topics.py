"""``readout-diff topics`` lists the topics in use; ``topics check PACK`` lints a pack."""

from __future__ import annotations

from typing import NoReturn

import click

from readout_diff.cli.base import DefaultGroup, OneLineErrors, pack_options
from readout_diff.cli.boundary import debug_option
from readout_diff.cli.options import resolve_packs


class TopicsGroup(DefaultGroup):
    """``readout-diff topics`` lists; ``readout-diff topics check PACK`` checks."""

    default_command = "list"


@click.group("topics", cls=TopicsGroup)
def topics_group() -> None:
    """List the topics of the packs in use, or check a pack of your own."""


@topics_group.command("list", cls=OneLineErrors)
@pack_options
@click.option("--lang", type=click.Choice(("en", "ru")), help="Show aliases in this language only.")
@debug_option
def topics_list(topics: tuple[str, ...], builtin: bool, lang: str | None) -> None:
    """List every topic with its aliases (built-in pack plus --topics packs)."""
    pack = resolve_packs(topics, builtin=builtin)
    count = f"{len(pack.topics)} topic{'' if len(pack.topics) == 1 else 's'}"
    lines = [f"# {pack.name} ({', '.join(pack.sources)}): {count}"]
    for spec in pack.topics:
        lines.append(f"{spec.id}: {spec.label}" + (f"  [{spec.group}]" if spec.group else ""))
        for language in (lang,) if lang else ("en", "ru"):
            aliases = spec.aliases_for(language)
            if aliases:
                lines.append(f"  {language}: " + "; ".join(aliases))
    click.echo("\n".join(lines))


@topics_group.command("check", cls=OneLineErrors)
@click.argument("pack_file", metavar="PACK.toml")
@click.option(
    "--with-builtin",
    is_flag=True,
    help="Also report aliases that collide with the built-in pack's topics.",
)
@debug_option
def topics_check(pack_file: str, with_builtin: bool) -> NoReturn:
    """Check a topic pack: exit 0 if clean, 1 with warnings, 2 if it is invalid."""
    from readout_diff.packcheck import check_pack
    from readout_diff.status import check_status

    problems = check_pack(pack_file, with_builtin=with_builtin)
    for problem in problems:
        click.echo(str(problem))
    if not problems:
        click.echo(f"{pack_file}: ok")
    raise SystemExit(int(check_status(problems)))
