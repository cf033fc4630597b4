"""The discussion's comment thread as HTML, built in Python.

A post page with fifty comments spent most of its rendering time resolving the same thirty
template variables for every comment, through one `{% include %}` per level of replies. Here
each comment is one string built from values `discussion._prepare` worked out already, escaped
as the template engine escapes them; the markup is the one the thread template had, byte for
byte. The reply form, when a reader answers a comment (`?replytocom=`), is still the
`comments/_form.html` template, rendered where that comment is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString, mark_safe

from .models import Comment

_CARD = """
<li class="comment{classes}" id="{anchor}">
  <article class="comment__card" aria-labelledby="{anchor}-author">
    <header class="comment__meta">
      <span class="comment__avatar comment__avatar--{tone}" aria-hidden="true">{initials}</span>
      <span class="comment__who">
        <span class="comment__author" id="{anchor}-author">{author}</span>
        {badge}
        <a class="comment__date" href="#{anchor}"><time datetime="{iso_date}">{date}</time></a>
      </span>
    </header>
    {moderation}
    <div class="comment__body">{body}</div>
    {reply}
  </article>
  {form}
  {children}
</li>"""
_REPLY = """
      <p class="comment__actions"><a class="comment__reply" href="?replytocom={pk}#respond" \
data-reply-to="{pk}" data-reply-name="{name}" rel="nofollow">Reply<span class="visually-hidden"> \
to {name}</span></a></p>
    """
_CHILDREN = """
    <ol class="comment-list comment-list--replies">
      {thread}
    </ol>
  """
_PENDING = '<p class="comment__moderation" role="status">Your comment is awaiting moderation.</p>'


def conditional_escape(value) -> str:
    """As `django.utils.html.conditional_escape` (the same characters, the same entities),
    without its lazy-string checks: it runs a few hundred times per page."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _card(comment: Comment, reply_form: Callable[[Comment], str] | None, reply_to_pk) -> str:
    name = conditional_escape(comment.author_name)
    website = comment.website
    classes = (" comment--staff" if comment.is_by_staff else "") + (
        " comment--pending" if comment.is_own_pending else ""
    )
    return _CARD.format(
        classes=classes,
        # Made here from the id, letters or digits of the name, and the date: nothing to escape.
        anchor=comment.anchor,
        tone=comment.avatar_tone,
        initials=comment.initials,
        author=(
            f'<a href="{conditional_escape(website)}" rel="nofollow ugc noopener">{name}</a>'
            if website
            else name
        ),
        badge=(
            f'<span class="comment__badge">{conditional_escape(comment.badge)}</span>'
            if comment.badge
            else ""
        ),
        iso_date=comment.iso_date,
        date=comment.display_date,
        moderation=_PENDING if comment.is_own_pending else "",
        body=comment.body_html,  # escaped by render_body
        reply=_REPLY.format(pk=f"{comment.pk:d}", name=name) if comment.can_reply else "",
        form=reply_form(comment) if reply_form and comment.pk == reply_to_pk else "",
        children=(
            _CHILDREN.format(thread=render_thread(comment.children, reply_form, reply_to_pk))
            if comment.children
            else ""
        ),
    )


def render_thread(
    comments: Iterable[Comment],
    reply_form: Callable[[Comment], str] | None = None,
    reply_to_pk: int | None = None,
) -> SafeString:
    """Each comment as an `<li>`, its replies nested in an `<ol>` inside it; `reply_form(c)`
    gives the form's HTML under the comment whose pk is `reply_to_pk`."""
    return mark_safe("".join(_card(c, reply_form, reply_to_pk) + "\n" for c in comments) + "\n")
