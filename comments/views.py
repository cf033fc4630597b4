from __future__ import annotations

import json
from http import HTTPStatus
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles import seo
from articles.models import Post
from security.network import client_ip

from . import limits, moderation, notifications
from .discussion import PERSONAL_PARAMETER
from .forms import CommentForm
from .models import Comment, CommentStatus

REMEMBER_COOKIE = "comment_author"


def _refused(
    request: HttpRequest, post: Post, form: CommentForm | None, status: int, message: str
) -> HttpResponse:
    """Say what went wrong, in words, with everything typed kept and a fresh form token."""
    if form is not None:
        data = form.data.copy()
        data["token"] = moderation.make_token(post)
        form.data = data
    crumbs = [(post.title, post.get_absolute_url()), ("Your comment", "")]
    response = render(
        request,
        "comments/comment_error.html",
        {
            "post": post,
            "form": form,
            "message": message,
            "breadcrumbs": crumbs,
            "head": seo.post_head(request, post, breadcrumbs=crumbs),
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _remember_author(response: HttpResponse, comment: Comment, consent: bool) -> None:
    """With consent, keep name, email and website in this browser (read by comments.js)."""
    if not consent:
        response.delete_cookie(REMEMBER_COOKIE, samesite="Lax")
        return
    value = json.dumps(
        {"name": comment.author_name, "email": comment.author_email, "url": comment.author_url}
    )
    response.set_cookie(
        REMEMBER_COOKIE,
        quote(value, safe=""),
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _is_cross_site(request: HttpRequest) -> bool:
    """What the browser says about where the form was sent from (absent: not a browser)."""
    if request.META.get("HTTP_SEC_FETCH_SITE", "") == "cross-site":
        return True
    origin = request.META.get("HTTP_ORIGIN", "")
    if not origin or origin == "null":
        return bool(origin)
    return origin not in {
        f"{request.scheme}://{request.get_host()}",
        *settings.CSRF_TRUSTED_ORIGINS,
    }


@require_GET
def fresh_token(request: HttpRequest, post_id: int) -> JsonResponse:
    """A form token stamped now, for comments.js to put in place of the page's (which is the
    same for every reader, so its time is when the page was made, not when it was opened)."""
    post = get_object_or_404(Post.objects.published(), pk=post_id)
    response = JsonResponse({"token": moderation.make_token(post)})
    add_never_cache_headers(response)
    return response


# Exempt from Django's CSRF check on purpose: the page holding the form may come from a shared
# cache, so it cannot carry a per-visitor token. Cross-site posts gain nothing: browsers say
# where a post comes from (refused below), our cookies are SameSite=Lax (a forged post arrives
# without the staff session or the trust cookie), and the signed form token must be valid.
@csrf_exempt
@require_POST
def post_comment(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.published(), pk=post_id)
    if limits.too_large(request):
        return _refused(request, post, None, HTTPStatus.REQUEST_ENTITY_TOO_LARGE, limits.TOO_LARGE)
    limits.guard_uploads(request)
    try:
        form = CommentForm(post, request.POST)
    except limits.FileRefused:
        return _refused(request, post, None, HTTPStatus.REQUEST_ENTITY_TOO_LARGE, limits.NO_FILES)
    if _is_cross_site(request):
        return _refused(
            request,
            post,
            form,
            HTTPStatus.FORBIDDEN,
            "Comments can only be sent from the form on this site.",
        )
    if not moderation.comments_open(post):
        return _refused(
            request, post, form, HTTPStatus.FORBIDDEN, "Comments are closed on this article."
        )
    if not form.is_valid():
        return _refused(
            request,
            post,
            form,
            HTTPStatus.BAD_REQUEST,
            "Your comment was not sent: please correct what is marked below.",
        )
    comment = form.save(commit=False)
    comment.ip_address = client_ip(request)
    comment.user_agent = request.META.get("HTTP_USER_AGENT", "")[:500]
    if request.user.is_authenticated:
        comment.user = request.user
    decision = moderation.decide(
        request,
        comment,
        token=form.cleaned_data["token"],
        honeypot=form.cleaned_data["leave_empty"],
    )
    if decision.refused:
        return _refused(request, post, form, decision.http_status, decision.message)
    comment.status = decision.status
    comment.status_reason = decision.reason
    comment.is_by_staff = decision.reason == "staff"
    with transaction.atomic(), notifications.site_address_of(request):
        comment.save()
    query = ""
    if comment.status != CommentStatus.APPROVED:
        # Spam and trash get the same answer as a held comment: a bot learns nothing.
        query = f"{PERSONAL_PARAMETER}={comment.pk}"
    elif (page := comment.page_number(settings.COMMENTS_PER_PAGE)) > 1:
        query = f"cpage={page}"
    response = HttpResponseRedirect(comment.get_absolute_url(query), status=HTTPStatus.SEE_OTHER)
    moderation.remember_own_comment(request, response, comment)
    _remember_author(response, comment, form.cleaned_data["remember"])
    return response


# The link in a reply email opens a page with one button, and the button (a POST) unsubscribes:
# mail scanners and link previews open every link in a message, and must not unsubscribe anyone.
# Mail clients' one-click unsubscribe (RFC 8058, the List-Unsubscribe-Post header) posts here too,
# without a CSRF token: the signed token in the address is what authorises the change.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment = Comment.objects.get(pk=signing.loads(token, salt=notifications.UNSUBSCRIBE_SALT))
    except (signing.BadSignature, Comment.DoesNotExist, TypeError, ValueError):
        comment = None
    subscribed = Comment.objects.none()
    if comment is not None and comment.author_email:
        subscribed = Comment.objects.by_email(comment.author_email).filter(notify_replies=True)
    if comment is None:
        state = "invalid"
    elif request.method == "POST":
        subscribed.update(notify_replies=False)
        state = "done"
    else:
        state = "confirm" if subscribed.exists() else "done"
    crumbs = [("Reply notifications", "")]
    response = render(
        request,
        "comments/unsubscribed.html",
        {
            "state": state,
            "breadcrumbs": crumbs,
            "head": seo.basic_head(request, breadcrumbs=crumbs),
        },
        status=HTTPStatus.BAD_REQUEST if state == "invalid" else HTTPStatus.OK,
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
