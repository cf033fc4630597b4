"""The people behind the articles: author pages, the medical reviewers and a reviewer's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import seo
from .models import AuthorProfile, Post, Reviewer
from .views import _subject_list


@require_safe
def author_detail(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    """`/author/<public slug>/`: the author's name, photo, role and bio, then their articles.
    It exists while the author has live posts, whether or not the account may sign in
    (imported authors are inactive accounts). The old `/author/<login>/` addresses are not
    redirected: a redirect would publish which login has which slug."""
    profile = get_object_or_404(
        AuthorProfile.objects.with_public_page()
        .select_related("user")
        .prefetch_related("user__groups"),
        public_slug=slug,
    )
    posts = Post.objects.published().filter(author=profile.user)
    crumbs = [(f"Author: {profile.name}", "")]
    facts = (profile.name, profile.role, profile.bio, profile.photo_srcset)
    return _subject_list(
        request, profile, posts, page, crumbs, seo.author_head,
        template="articles/author_detail.html", validator_parts=facts, profile=profile,
    )  # fmt: skip


@require_safe
def reviewer_list(request: HttpRequest) -> HttpResponse:
    reviewers = Reviewer.objects.with_review_count()
    crumbs = [("Medical reviewers", "")]
    head = seo.basic_head(
        request,
        "Medical reviewers",
        description="The clinicians who check our articles for medical accuracy.",
        breadcrumbs=crumbs,
    )
    context = {"reviewers": reviewers, "breadcrumbs": crumbs, "head": head}
    return render(request, "articles/reviewer_list.html", context)


@require_safe
def reviewer_detail(request: HttpRequest, slug: str, page: int = 1) -> HttpResponse:
    """`/reviewers/<slug>/`: a medical reviewer's name, photo, credentials, bio and
    registration link, then the live articles they reviewed."""
    reviewer = get_object_or_404(Reviewer, slug=slug)
    crumbs = [("Medical reviewers", reverse("articles:reviewer_list")), (reviewer.name, "")]
    posts = Post.objects.published().reviewed_by(reviewer)
    facts = (reviewer.name, reviewer.credentials, reviewer.bio, reviewer.url, reviewer.photo_srcset)
    return _subject_list(
        request, reviewer, posts, page, crumbs, seo.reviewer_head,
        template="articles/reviewer_detail.html", validator_parts=facts, reviewer=reviewer,
    )  # fmt: skip
