"""What other apps add to the content's pages, so that `articles` never imports them.

`articles` is the content; the apps around it (comments, search, …) may import it, never the
reverse. When one of them shows something on a post page, or its data changes what a post page
says, it registers here from its `AppConfig.ready()`:

- `add_post_section(name, template, build)`: `build(request, post)` gives the template value
  `name`, and the post page includes `template` (in registration order). A value whose
  `is_personal` is true (something meant for this visitor only) makes the page private.
- `add_post_validator(part)`: `part()` is one more value in every post page's ETag.
- `add_post_feed(build)`: `build(request, post)` gives (title, absolute URL) of one more feed
  the post page announces with `<link rel=alternate>`, or None.
- `add_personal_parameter(name)`: a query parameter that asks for a personal page, which a
  304 must never answer.
- `add_post_preview(preview)`: for staff who may preview posts, `preview(request, post,
  render)` may answer the post page in place of the stored post (`render(notice)` renders the
  post as the database holds it at that moment, with `notice` in the preview banner), or give
  None. Such a page is never cached.
- `add_publishing_check(check)`: `check(post)` gives a message when the post may not be
  published (or scheduled) as it is, else None; every publishing path asks
  `publishing_blocked(post)`, or `publishing_refused(before, after)` for a change of a stored
  post (the admin form, a restored version). `post` may hold unsaved changes of its own fields.
- `add_pending_text(text)`: `text(post)` gives the version of the post that waits to be
  published — an unsaved post object and its references — or None; `pending_text(post)` asks
  each (a medical reviewer signs off what will go live, not what is live).

Images are another app's concern (`images`, the media library), plugged in the same way:

- `add_body_step(step)`: `step(html, eager=n)` gives a rich-text body as it is to be stored,
  from the sanitised HTML (`markup.clean_html` always runs first, here); `n` is how many of its
  first images may be above the fold. `stored_body(html, eager=n)` is what every `prepare_body()`
  stores, on every save path (admin, importer, demo, draft changes, previews): the images app
  completes the <img> tags (size, renditions, lazy loading).
- `add_image_step(step)`: `step(upload)` gives the file to store for a new upload of an image
  field of the content (featured image, profile photo), or raises a `ValidationError` that the
  admin form shows; `prepared_image(upload)` runs each (the images app re-encodes the image).
- The renditions of a featured image or a photo (any image field `x` with a JSON field
  `x_renditions` beside it) are made by the images app's `post_save` receiver, after the row is
  saved; the content only reads the record (`photos.srcset`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

from .markup import clean_html
from .querysets import PostStatus


@dataclass(frozen=True)
class PostSection:
    name: str
    template: str
    build: Callable[[HttpRequest, object], object]


post_sections: list[PostSection] = []
post_validators: list[Callable[[], object]] = []
personal_parameters: set[str] = set()
post_feeds: list[Callable[[HttpRequest, object], tuple[str, str] | None]] = []
post_previews: list[Callable[[HttpRequest, object, Callable[[str], object]], object | None]] = []
publishing_checks: list[Callable[[object], str | None]] = []
pending_texts: list[Callable[[object], tuple[object, list] | None]] = []
body_steps: list[Callable[..., str]] = []
image_steps: list[Callable[[UploadedFile], UploadedFile]] = []


def add_post_section(
    name: str, template: str, build: Callable[[HttpRequest, object], object]
) -> None:
    if all(section.name != name for section in post_sections):
        post_sections.append(PostSection(name, template, build))


def add_post_validator(part: Callable[[], object]) -> None:
    if part not in post_validators:
        post_validators.append(part)


def add_post_feed(build: Callable[[HttpRequest, object], tuple[str, str] | None]) -> None:
    if build not in post_feeds:
        post_feeds.append(build)


def post_feeds_for(request: HttpRequest, post: object) -> list[tuple[str, str]]:
    """(title, URL) of the feeds other apps give this post page."""
    return [feed for build in post_feeds if (feed := build(request, post)) is not None]


def add_post_preview(
    preview: Callable[[HttpRequest, object, Callable[[str], object]], object | None],
) -> None:
    if preview not in post_previews:
        post_previews.append(preview)


def add_personal_parameter(name: str) -> None:
    personal_parameters.add(name)


def post_sections_for(request: HttpRequest, post: object) -> dict[str, object]:
    """The registered sections' template values for this post page."""
    return {section.name: section.build(request, post) for section in post_sections}


def is_personal(values: dict[str, object]) -> bool:
    return any(getattr(value, "is_personal", False) for value in values.values())


def add_publishing_check(check: Callable[[object], str | None]) -> None:
    if check not in publishing_checks:
        publishing_checks.append(check)


def publishing_blocked(post: object) -> str | None:
    """Why this post may not be published as it is, or None when nothing stops it."""
    for check in publishing_checks:
        if message := check(post):
            return message
    return None


def publishing_refused(before: object, after: object) -> str | None:
    """Why `after` (the post as it is about to be stored) may not replace `before` (the same
    post as stored), or None. Publishing, scheduling or rescheduling a post that is not live,
    and changing the text of a live post that stays live, ask `publishing_blocked`;
    unpublishing and changes to a post that is not going live never do."""
    was, will = PostStatus.of(before.published_at), PostStatus.of(after.published_at)
    if will == PostStatus.DRAFT:
        return None
    if was == PostStatus.LIVE:
        fields = ("title", "excerpt", "body")
        text_changed = any(getattr(after, f) != getattr(before, f) for f in fields)
        if will != PostStatus.LIVE or not text_changed:
            return None
    return publishing_blocked(after)


def add_pending_text(text: Callable[[object], tuple[object, list] | None]) -> None:
    if text not in pending_texts:
        pending_texts.append(text)


def pending_text(post: object) -> tuple[object, list] | None:
    """(post, references) of the version waiting to be published, or None."""
    for text in pending_texts:
        if found := text(post):
            return found
    return None


def add_body_step(step: Callable[..., str]) -> None:
    if step not in body_steps:
        body_steps.append(step)


def stored_body(html: str, *, eager: int) -> str:
    """Rich text as it is stored: sanitised, then passed through each registered body step."""
    html = clean_html(html)
    for step in body_steps:
        html = step(html, eager=eager)
    return html


def add_image_step(step: Callable[[UploadedFile], UploadedFile]) -> None:
    if step not in image_steps:
        image_steps.append(step)


def prepared_image(upload: UploadedFile) -> UploadedFile:
    """A new image upload as it is to be stored, after each registered image step."""
    for step in image_steps:
        upload = step(upload)
    return upload
