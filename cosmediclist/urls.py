from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.static import serve

from comments.feeds import PostCommentsFeed
from images.uploads import image_upload
from ops.health import healthz

admin.site.site_header = "CosMedicList administration"
admin.site.site_title = "CosMedicList admin"
admin.site.index_title = "Site administration"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    # The editor's image upload, named as django-ckeditor-5's widget expects; the package's
    # own view stores files unchecked under their original names, so it is not routed.
    path("ckeditor5/image_upload/", image_upload, name="ck_editor_5_upload_file"),
    path("comments/", include("comments.urls")),
    path("editing/", include("editing.urls")),
    path("search/", include("search.urls")),
    # Feeds, sitemap and robots: before the content's catch-all addresses.
    path("", include("discovery.urls")),
    path("", include("articles.urls")),
    # A post's comment feed at WordPress's address; after the content's own /…/feed/ addresses.
    path("<str:slug>/feed/", PostCommentsFeed(), name="post_comments_feed"),
]


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    # MEDIA_ROOT is read per request, so a changed setting (as in tests) is honoured.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns.insert(0, path("media/<path:path>", serve_media))

handler404 = "articles.errors.page_not_found"
handler500 = "articles.errors.server_error"
