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


def paged(route: str, view, name: str) -> list:
    """A list page and its further pages (`…/page/2/`, named `<name>_page`)."""
    return [
        path(route, view, name=name),
        path(f"{route}page/<int:page>/", view, name=f"{name}_page"),
    ]


urlpatterns = [
    *paged("", views.home, "home"),
    path("procedures/", views.procedure_list, name="procedure_list"),
    path("procedures/<slug:slug>/", views.procedure_detail, name="procedure_detail"),
    *paged("tag/<str:slug>/", views.tag_detail, "tag_detail"),
    *paged("author/<slug:slug>/", profiles.author_detail, "author_detail"),
    path("reviewers/", profiles.reviewer_list, name="reviewer_list"),
    *paged("reviewers/<slug:slug>/", profiles.reviewer_detail, "reviewer_detail"),
    *paged("<yyyy:year>/", views.year_archive, "year_archive"),
    *paged("<yyyy:year>/<mm:month>/", views.month_archive, "month_archive"),
    # The further pages first: `<path:path>` would take "…/page/2" as a category's path.
    path("category/<path:path>/page/<int:page>/", views.category_detail, name="category_page"),
    path("category/<path:path>/", views.category_detail, name="category_detail"),
    path("<str:slug>/", views.slug_detail, name="slug_detail"),
]
