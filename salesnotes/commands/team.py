"""``team``: a team's book on PostgreSQL: its roles set up, a person added, listed, removed;
and ``upgrade``: the book's schema brought up to date by its owner."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def team_setup(env: Env) -> None:
    """Make the team's group roles and give them their rights on this book (made first on
    an empty database); run once by the book's owner, again it changes nothing."""
    from salesnotes.render.team import set_up
    from salesnotes.usecases.team import set_up_team

    store = env.store(create=True)  # on an empty database: the book, then its team
    with store.write(journal="none"):
        made = set_up_team(store)
    set_up(made)


def team_add(env: Env, *, name: str, role: str, login: str | None) -> None:
    """Add ``name`` to the team as ``role``, logging in as ``login``."""
    from salesnotes.render.team import joined
    from salesnotes.usecases.team import add_member

    store = env.store()
    with store.write(journal="none"):
        result = add_member(store, name, role, login, env.now())
    joined(result)


def team_list(env: Env, *, fmt: str) -> None:
    """The team: each person's name, login, role and accounts."""
    from salesnotes.render.team import listing_of
    from salesnotes.usecases.team import team_of

    store = env.store()
    with store.read():
        members = team_of(store)
    listing_of(members, fmt)


def team_remove(env: Env, *, name: str) -> None:
    """Take ``name`` out of the team (once their accounts are a colleague's)."""
    from salesnotes.render.team import removed
    from salesnotes.usecases.team import remove_member

    store = env.store()
    with store.write(journal="none"):
        member = remove_member(store, name)
    removed(member)


def upgrade(env: Env) -> None:
    """Bring the book's schema up to date (on a team's server: as the book's owner)."""
    from salesnotes.render.team import upgraded
    from salesnotes.usecases.team import upgrade_book

    steps, where = upgrade_book(env.store(), env.db_path)
    upgraded(steps, where)
