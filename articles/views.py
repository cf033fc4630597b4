"""Public pages. Every list starts from `Post.objects.published()`, so drafts and scheduled
posts are never shown to the public; staff may preview them at their own address."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from . import conditional, extensions, seo
from .markup import table_of_contents
from .models import Category, Page, Post, PostQuerySet, Procedure, Reference, Tag
from .permissions import is_staff, may_preview
from .prepared import NO_ID, NO_SLUG, NO_TIME, PreparedQuery


def _paginate(queryset: PostQuerySet, page: int) -> PaginatorPage:
    paginator = Paginator(queryset, settings.POSTS_PER_PAGE)
    try:
        return paginator.page(page)
    except EmptyPage:
        if page == 1:
            return paginator.page(1)  # an empty archive still has a first page
        raise Http404("No such page.") from None


def _post_list(
    request: HttpRequest,
    queryset: PostQuerySet,
    page: int,
    *,
    base_url: str,
    title: str,
    breadcrumbs: list[tuple[str, str]],
    head: seo.Head | None = None,
    template: str = "articles/post_list.html",
    validator_parts: tuple = (),
    **extra,
) -> HttpResponse:
    if page == 1 and request.path.rstrip("/").endswith("/page/1"):
        return HttpResponsePermanentRedirect(base_url)
    validators = conditional.listing_validators(queryset, *validator_parts)
    if response := conditional.not_modified(request, validators):
        return response
    page_obj = _paginate(queryset.for_listing().with_comment_count(), page)
    context = {
        "page_obj": page_obj,
        "posts": page_obj.object_list,
        "title": title,
        "breadcrumbs": breadcrumbs,
        "base_url": base_url,
        "head": head or seo.basic_head(request, title, breadcrumbs=breadcrumbs),
        **extra,
    }
    return conditional.stamp(request, render(request, template, context), validators)


def _subject_list(
    request: HttpRequest,
    subject,
    posts: PostQuerySet,
    page: int,
    breadcrumbs: list[tuple[str, str]],
    head_of,
    **extra,
) -> HttpResponse:
    """The posts of one category, tag, author or reviewer, newest first, under its name and
    at its address; `head_of(request, subject, breadcrumbs=…)` builds the page's head."""
    return _post_list(
        request,
        posts.newest_first(),
        page,
        base_url=subject.get_absolute_url(),
        title=subject.name,
        breadcrumbs=breadcrumbs,
        head=head_of(request, subject, breadcrumbs=breadcrumbs),
        **extra,
    )


@require_safe
def home(request: HttpRequest, page: int = 1) -> HttpResponse:
    posts = Post.objects.published().order_by("-is_featured", "-published_at", "-pk")
    return _post_list(
        request,
        posts,
        page,
        base_url=reverse("articles:home"),
        title="Latest articles",
        breadcrumbs=[],
        head=seo.home_head(request),
        template="articles/home.html",
    )


def _category_from_path(path: str) -> Category:
    slugs = [part for part in path.split("/") if part]
    if not slugs:
        raise Http404("No category.")
    category = get_object_or_404(Category.objects.with_ancestors(), slug=slugs[-1])
    if category.path != "/".join(slugs):
        raise Http404("No category at that address.")
    return category


@require_safe
def category_detail(request: HttpRequest, path: str, page: int = 1) -> HttpResponse:
    category = _category_from_path(path)
    children = list(category.children.all())
    posts = Post.objects.published().in_category(category, with_children=True)
    crumbs = [(c.name, c.get_absolute_url()) for c in category.ancestors()]
    crumbs.append((category.name, ""))
    return _subject_list(
        request, category, posts, page, crumbs, seo.category_head,
        kicker="Category", description=category.description, subcategories=children,
    )  # fmt: skip


@require_safe
def tag_detail(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    crumbs = [(f"Tag: {tag.name}", "")]
    posts = Post.objects.published().filter(tags=tag)
    return _subject_list(request, tag, posts, page, crumbs, seo.tag_head, kicker="Tag")


def _valid_month(year: int, month: int | None) -> None:
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        raise Http404("No such date.")


@require_safe
def year_archive(request: HttpRequest, year: int, page: int = 1) -> HttpResponse:
    _valid_month(year, None)
    posts = Post.objects.published().filter(published_at__year=year)
    return _post_list(
        request,
        posts.newest_first(),
        page,
        base_url=reverse("articles:year_archive", kwargs={"year": year}),
        title=f"Articles from {year}",
        breadcrumbs=[(str(year), "")],
        kicker="Archive",
    )


@require_safe
def month_archive(request: HttpRequest, year: int, month: int, page: int = 1) -> HttpResponse:
    _valid_month(year, month)
    posts = Post.objects.published().filter(published_at__year=year, published_at__month=month)
    label = datetime.date(year, month, 1).strftime("%B %Y")
    return _post_list(
        request,
        posts.newest_first(),
        page,
        base_url=reverse("articles:month_archive", kwargs={"year": year, "month": month}),
        title=f"Articles from {label}",
        breadcrumbs=[
            (str(year), reverse("articles:year_archive", kwargs={"year": year})),
            (label, ""),
        ],
        kicker="Archive",
    )


@require_safe
def procedure_list(request: HttpRequest) -> HttpResponse:
    procedures = Procedure.objects.annotate(
        post_count=Count("posts", filter=Q(posts__in=Post.objects.published()))
    ).order_by("name")
    letters = [
        (letter, list(group))
        for letter, group in groupby(procedures, key=lambda p: p.name[:1].upper())
    ]
    crumbs = [("Procedures A–Z", "")]
    return render(
        request,
        "articles/procedure_list.html",
        {
            "letters": letters,
            "breadcrumbs": crumbs,
            "head": seo.basic_head(request, breadcrumbs=crumbs),
        },
    )


@require_safe
def procedure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure.objects.prefetch_related("related"), slug=slug)
    posts = Post.objects.published().filter(procedures=procedure)
    validators = conditional.listing_validators(posts, procedure.updated_at)
    if response := conditional.not_modified(request, validators):
        return response
    posts = posts.newest_first().for_listing().with_comment_count()
    crumbs = [("Procedures", reverse("articles:procedure_list")), (procedure.name, "")]
    response = render(
        request,
        "articles/procedure_detail.html",
        {
            "procedure": procedure,
            "combined_with": {procedure.pk: list(procedure.related.all())},
            "posts": posts,
            "breadcrumbs": crumbs,
            "head": seo.procedure_head(request, procedure, breadcrumbs=crumbs),
        },
    )
    return conditional.stamp(request, response, validators)


def _posts_for_page(posts: PostQuerySet, now: datetime.datetime | None = None) -> PostQuerySet:
    """Posts with what their page and its validators need."""
    posts = posts.select_related("author__author_profile", "reviewed_by")
    return conditional.with_validator_facts(posts, now)


live_post = PreparedQuery(
    lambda slug, now: _posts_for_page(Post.objects.published(now), now).filter(slug=slug)[:1],
    slug=NO_SLUG,
    now=NO_TIME,
)
categories_of_post = PreparedQuery(
    lambda post: Category.objects.with_ancestors().filter(posts=post), post=NO_ID
)
# The facts box and the head need every fact of a procedure but its article.
procedures_of_post = PreparedQuery(
    lambda post: Procedure.objects.filter(posts=post).defer("body"), post=NO_ID
)
# The procedures often combined with the post's own: their names and addresses.
combined_with_procedures_of_post = PreparedQuery(
    lambda post: (
        Procedure.related.through.objects.filter(
            from_procedure__in=Post.procedures.through.objects.filter(post=post).values("procedure")
        )
        .select_related("to_procedure")
        .only("from_procedure_id", "to_procedure__name", "to_procedure__slug")
        .order_by("to_procedure__name", "to_procedure_id")
    ),
    post=NO_ID,
)
references_of_post = PreparedQuery(lambda post: Reference.objects.filter(post=post), post=NO_ID)
tags_of_post = PreparedQuery(lambda post: Tag.objects.filter(posts=post), post=NO_ID)


def _related_posts(post: int, now: datetime.datetime) -> PostQuerySet:
    """The newest live posts sharing a category or a procedure with `post`: two `IN` lists
    of post ids (no join and DISTINCT over the whole list: under half the database's work)."""
    in_categories = Post.categories.through.objects
    in_procedures = Post.procedures.through.objects
    sharing = Q(
        pk__in=in_categories.filter(
            category__in=in_categories.filter(post=post).values("category")
        ).values("post")
    ) | Q(
        pk__in=in_procedures.filter(
            procedure__in=in_procedures.filter(post=post).values("procedure")
        ).values("post")
    )
    return (
        Post.objects.published(now)
        .filter(sharing)
        .exclude(pk=post)
        .newest_first()
        .select_related("author__author_profile")
        .only(
            "title",
            "slug",
            "published_at",
            "excerpt",
            "author__first_name",
            "author__last_name",
            "author__author_profile__display_name",
        )[:3]
    )


related_posts = PreparedQuery(_related_posts, post=NO_ID, now=NO_TIME)


def _post_row(request: HttpRequest, slug: str) -> Post | None:
    """The post at `slug` that this visitor may see, with what its validators need."""
    if may_preview(request.user, "post"):
        return _posts_for_page(Post.objects.all()).filter(slug=slug).first()
    rows = live_post(slug=slug, now=timezone.now())
    return rows[0] if rows else None


def _post_facts(post: Post) -> dict[str, list]:
    """What the page shows beside the post's own text, one prepared query each (see
    `prepared`)."""
    return {
        "categories": categories_of_post(post=post.pk),
        "procedures": procedures_of_post(post=post.pk),
        "references": references_of_post(post=post.pk),
        "tags": tags_of_post(post=post.pk),
    }


def _combined_with(post: Post, procedures: list[Procedure]) -> dict[int, list[Procedure]]:
    """For each of the post's procedures, those often combined with it (names, addresses)."""
    combined: dict[int, list[Procedure]] = {procedure.pk: [] for procedure in procedures}
    for link in combined_with_procedures_of_post(post=post.pk):
        combined[link.from_procedure_id].append(link.to_procedure)
    return combined


def _gone(request: HttpRequest, slug: str) -> HttpResponse | None:
    """410 Gone for the address of a live post or page that was moved to the trash: it was
    public, so readers and search engines are told it is gone on purpose (not a broken link)."""
    for model in (Post, Page):
        item = model.objects.trashed().live_by_date().filter(slug=slug).first()
        if item is not None:
            crumbs = [("Gone", "")]
            head = seo.basic_head(request, breadcrumbs=crumbs, noindex=True)
            context = {"breadcrumbs": crumbs, "head": head, "title": item.title}
            response = render(request, "410.html", context, status=410)
            add_never_cache_headers(response)
            return response
    return None


@require_safe
def slug_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """`/<slug>/` is a post or a standing page, as on WordPress."""
    post = _post_row(request, slug)
    if post is not None and not post.is_trashed:
        validators = conditional.post_validators(post)
        if response := conditional.not_modified(request, validators):
            return response
        return conditional.stamp(request, _post_page(request, post), validators)
    pages = Page.objects.published()
    if may_preview(request.user, "page"):
        pages = Page.objects.not_trashed()
    page = pages.filter(slug=slug).first()
    if page is None:
        if response := _gone(request, slug):
            return response
        raise Http404("No post or page at that address.")
    crumbs = [(page.title, "")]
    head = seo.page_head(request, page, breadcrumbs=crumbs, noindex=not page.is_live)
    response = render(
        request,
        "articles/page_detail.html",
        {"page": page, "breadcrumbs": crumbs, "is_preview": not page.is_live, "head": head},
    )
    if not page.is_live:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


def _post_page(request: HttpRequest, post: Post) -> HttpResponse:
    """The post page, or for staff what another app previews in its place (`extensions`)."""
    if may_preview(request.user, "post"):

        def render(notice: str) -> HttpResponse:
            fresh = _post_row(request, post.slug) or post
            return post_detail(request, fresh, preview_notice=notice)

        for preview in extensions.post_previews:
            if (response := preview(request, post, render)) is not None:
                return response
    return post_detail(request, post)


def post_detail(request: HttpRequest, post: Post, preview_notice: str = "") -> HttpResponse:
    facts = _post_facts(post)
    categories = facts["categories"]
    # The post's primary category (when it is one of its own) comes first.
    categories.sort(key=lambda c: c.pk != post.primary_category_id)
    primary = categories[0] if categories else None
    crumbs = [(c.name, c.get_absolute_url()) for c in primary.ancestors()] if primary else []
    if primary:
        crumbs.append((primary.name, primary.get_absolute_url()))
    crumbs.append((post.title, ""))
    toc = table_of_contents(post.body)
    is_preview = not post.is_live or bool(preview_notice)
    context = {
        "post": post,
        **facts,
        "combined_with": _combined_with(post, facts["procedures"]),
        "related_posts": related_posts(post=post.pk, now=timezone.now()),
        "toc": toc if len(toc) >= 4 else [],
        "breadcrumbs": crumbs,
        "is_preview": is_preview,
        "preview_notice": preview_notice,
        "head": seo.post_head(request, post, **facts, breadcrumbs=crumbs, noindex=is_preview),
        "post_sections": extensions.post_sections,
        # Staff only (signed in, so the page is never stored): the review has fallen due.
        "show_review_overdue": is_staff(request.user) and post.is_review_overdue,
    }
    sections = extensions.post_sections_for(request, post)
    context.update(sections)
    response = render(request, "articles/post_detail.html", context)
    if is_preview or extensions.is_personal(sections) or context["show_review_overdue"]:
        # Staff preview, or a commenter seeing their own held comment: never cached or indexed.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response
