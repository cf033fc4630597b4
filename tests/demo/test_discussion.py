import io

import pytest
from django.core.management import call_command

from comments.models import Comment, CommentStatus
from demo import content as demo

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_the_demo_discussion_once():
    call_command("seed_demo", stdout=io.StringIO())
    first = list(Comment.objects.values_list("pk", "parent_id", "status", "depth"))
    call_command("seed_demo", stdout=io.StringIO())

    assert list(Comment.objects.values_list("pk", "parent_id", "status", "depth")) == first
    assert len(first) == len(demo.COMMENTS)
    assert Comment.objects.filter(is_by_staff=True).count() == sum(
        1 for c in demo.COMMENTS if c.get("by_staff")
    )
    assert Comment.objects.filter(status=CommentStatus.PENDING).count() == 1
    assert max(depth for *_, depth in first) == 3
