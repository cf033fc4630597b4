"""Authors, categories and tags of an import: matched by login or slug, made when missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.text import slugify

from articles.models import Category, Tag

from . import records
from .mapping import clipped, decode_slug, digest
from .models import WordPressType

if TYPE_CHECKING:
    from .importer import Importer


def author(imp: Importer, author: records.Author) -> models.Model:
    login = author.login or "wordpress"
    if login in imp.users:
        return imp.users[login]
    if login in imp.mapped_users:
        user = imp.mapped_users[login]
        imp.stats.skip("authors", "mapped to an existing user")
        imp.users[login] = user
        if author.id:
            imp.users_by_wp_id[author.id] = user
        return user
    User = get_user_model()
    fingerprint = digest(author.email, author.first_name, author.last_name)
    row, user = imp.ledger.known(User, WordPressType.AUTHOR, login)
    if user is not None and row.digest == fingerprint:
        imp.stats.add("authors", "unchanged")
    elif user is not None:
        _fill_user(user, author)
        user.save(update_fields=["email", "first_name", "last_name"])
        imp.stats.add("authors", "updated")
    else:
        username = _free_username(login)
        user = User(username=username, is_active=False)
        _fill_user(user, author)
        user.set_unusable_password()
        user.save()
        if author.display_name:
            # The byline and the public slug come from WordPress's display name.
            user.author_profile.rename(author.display_name)
        if username != login:
            imp.stats.note(f"Author {login!r} became user {username!r} (name taken).")
        imp.stats.add("authors", "created")
    imp.ledger.remember(WordPressType.AUTHOR, login, user.pk, fingerprint)
    imp.users[login] = user
    if author.id:
        imp.users_by_wp_id[author.id] = user
    return user


def _fill_user(user: models.Model, author: records.Author) -> None:
    User = type(user)
    user.email = clipped(User, "email", author.email)
    user.first_name = clipped(User, "first_name", author.first_name)
    user.last_name = clipped(User, "last_name", author.last_name)


def _free_username(login: str) -> str:
    User = get_user_model()
    base = clipped(User, "username", login, room=10)
    candidate, n = base, 2
    while User.objects.filter(username=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def user_for(imp: Importer, login: str) -> models.Model:
    if login in imp.users:
        return imp.users[login]
    return author(imp, records.Author(id=None, login=login))


def term(imp: Importer, term: records.Term) -> None:
    if term.taxonomy == "category":
        category(imp, term.slug, term.name, term.description, term.parent_slug, declared=True)
    elif term.taxonomy == "post_tag":
        tag(imp, term.slug, term.name, term.description, declared=True)
    else:
        imp.stats.skip("terms", f"taxonomy {term.taxonomy!r} not supported")


def _known(imp: Importer, model, wp_type: str, slug: str, fingerprint: str | None):
    """(ledger row, the term from an earlier import or with this slug, whether to keep it as it
    is). A term only named by a post (fingerprint None) is kept whenever it exists; one the file
    declares is kept while its declaration is the one imported before."""
    row, found = imp.ledger.known(model, wp_type, slug)
    if found is None:
        found = model.objects.filter(slug=slug).first()
    keep = found is not None and (
        fingerprint is None or (row is not None and row.digest == fingerprint)
    )
    return row, found, keep


def category(imp: Importer, raw_slug: str, name: str, description: str = "", parent: str = "",
             declared: bool = False) -> Category:  # fmt: skip
    slug = clipped(
        Category, "slug", decode_slug(raw_slug) or slugify(name, allow_unicode=True) or "category"
    )
    if slug in imp.categories and not declared:
        return imp.categories[slug]
    fingerprint = digest(name, description, parent) if declared else ""
    row, found, keep = _known(
        imp, Category, WordPressType.CATEGORY, slug, fingerprint if declared else None
    )
    if keep:
        if slug not in imp.categories:
            imp.stats.add("categories", "unchanged")
    elif found is not None:
        found.name, found.description = clipped(Category, "name", name), description
        found.save()
        imp.stats.add("categories", "updated")
    else:
        found = Category.objects.create(
            slug=slug, name=clipped(Category, "name", name), description=description
        )
        found.created_by_import = True  # its parent is set later, not a move of a live address
        imp.stats.add("categories", "created")
    if row is None or declared:
        imp.ledger.remember(WordPressType.CATEGORY, slug, found.pk, fingerprint)
    if parent:
        imp.parents[slug] = clipped(Category, "slug", decode_slug(parent))
    imp.categories[slug] = found
    return found


def link_parents(imp: Importer) -> None:
    for slug, parent_slug in imp.parents.items():
        child = imp.categories[slug]
        parent = (
            imp.categories.get(parent_slug) or Category.objects.filter(slug=parent_slug).first()
        )
        if parent is None:
            imp.stats.note(f"Category {slug!r}: parent {parent_slug!r} is not in the file.")
        elif child.pk in {parent.pk, *(c.pk for c in parent.ancestors())}:
            imp.stats.note(f"Category {slug!r}: parent {parent_slug!r} would make a loop.")
        elif child.parent_id != parent.pk and getattr(child, "created_by_import", False):
            Category.objects.filter(pk=child.pk).update(parent=parent)
            child.parent = parent
        elif child.parent_id != parent.pk:
            child.parent = parent
            child.save(update_fields=["parent"])  # moved on the source site: redirected


def tag(imp: Importer, raw_slug: str, name: str, description: str = "",
        declared: bool = False) -> Tag:  # fmt: skip
    slug = clipped(Tag, "slug", decode_slug(raw_slug) or slugify(name, allow_unicode=True) or "tag")
    if slug in imp.tags and not declared:
        return imp.tags[slug]
    fingerprint = digest(name) if declared else ""
    row, found, keep = _known(imp, Tag, WordPressType.TAG, slug, fingerprint if declared else None)
    if keep:
        if slug not in imp.tags:
            imp.stats.add("tags", "unchanged")
    elif found is not None:
        found.name = _tag_name(imp, clipped(Tag, "name", name), slug, found)
        found.save()
        imp.stats.add("tags", "updated")
    else:
        found = Tag.objects.create(
            slug=slug, name=_tag_name(imp, clipped(Tag, "name", name), slug, None)
        )
        imp.stats.add("tags", "created")
    if row is None or declared:
        imp.ledger.remember(WordPressType.TAG, slug, found.pk, fingerprint)
    imp.tags[slug] = found
    return found


def _tag_name(imp: Importer, name: str, slug: str, tag: Tag | None) -> str:
    clash = Tag.objects.filter(name=name).exclude(pk=tag.pk if tag else None).exists()
    if clash:
        imp.stats.note(f"Tag {slug!r}: name {name!r} is taken, named {name} ({slug}).")
        return clipped(Tag, "name", f"{name} ({slug})")
    return name
