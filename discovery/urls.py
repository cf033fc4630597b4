"""How readers' feed readers and search engines find the content: feeds, sitemap, robots."""

from django.urls import path

from . import feeds, sitemaps

app_name = "discovery"

urlpatterns = [
    path("feed/", feeds.PostFeed(), name="feed"),
    path("feed/atom/", feeds.PostAtomFeed(), name="feed_atom"),
    path("category/<path:path>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path("tag/<str:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("procedures/<slug:slug>/feed/", feeds.ProcedureFeed(), name="procedure_feed"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
