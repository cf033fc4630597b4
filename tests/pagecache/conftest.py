import pytest


@pytest.fixture(autouse=True)
def _page_cache_on(page_cache):
    """Every test here runs with the page cache in front of the views."""
