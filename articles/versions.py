"""What a version of an article holds, for the admin's history, compare and restore.

A post's version is the post's own fields (body, title, excerpt, SEO fields, featured image and
its alt text, review fields, and the ids of its categories, procedures and tags) plus its
references, which are objects of their own and so are followed. Reverting a version puts all of
it back, and deletes references added since.
"""

import reversion

from .models import Page, Post, Procedure, Reference


def register() -> None:
    if reversion.is_registered(Post):
        return
    reversion.register(Reference)
    reversion.register(Post, follow=["references"])
    reversion.register(Page)
    reversion.register(Procedure)


register()
