from django.urls import path, register_converter

from . import profiles, views


class YearConverter:
    regex = r"[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


class MonthConverter(YearConverter):
    regex = r"[0-9]{2}"

    def to_url(self, value: int) -> str:
        return f"{value:02d}"


register_converter(YearConverter, "yyyy")
register_converter(MonthConverter, "mm")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("page/<int:page>/", views.home, name="home_page"),
    path("procedures/", views.procedure_list, name="procedure_list"),
    path("procedures/<slug:slug>/", views.procedure_detail, name="procedure_detail"),
    path("tag/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("tag/<str:slug>/page/<int:page>/", views.tag_detail, name="tag_detail_page"),
    path("author/<slug:slug>/", profiles.author_detail, name="author_detail"),
    path("author/<slug:slug>/page/<int:page>/", profiles.author_detail, name="author_detail_page"),
    path("reviewers/", profiles.reviewer_list, name="reviewer_list"),
    path("reviewers/<slug:slug>/", profiles.reviewer_detail, name="reviewer_detail"),
    path(
        "reviewers/<slug:slug>/page/<int:page>/",
        profiles.reviewer_detail,
        name="reviewer_detail_page",
    ),
    path("<yyyy:year>/", views.year_archive, name="year_archive"),
    path("<yyyy:year>/page/<int:page>/", views.year_archive, name="year_archive_page"),
    path("<yyyy:year>/<mm:month>/", views.month_archive, name="month_archive"),
    path(
        "<yyyy:year>/<mm:month>/page/<int:page>/",
        views.month_archive,
        name="month_archive_page",
    ),
    path("category/<path:path>/page/<int:page>/", views.category_detail, name="category_page"),
    path("category/<path:path>/", views.category_detail, name="category_detail"),
    path("<str:slug>/", views.slug_detail, name="slug_detail"),
]
