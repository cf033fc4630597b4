"""The review fields typed before sign-offs existed become sign-off records: one per post that
named a reviewer, by no account in particular, at noon of its review date (a post that named a
reviewer without a date: at its last update), of the text the post has now.

The text fingerprint is written out here (the same as `medical.signoffs.text_digest` when this
migration was made) so that this migration keeps meaning what it meant."""

import datetime
import hashlib
import json

from django.db import migrations
from django.utils import timezone

REFERENCE_FIELDS = ("title", "publisher", "year", "url", "doi", "pmid")


def _digest(post) -> str:
    refs = sorted(post.references.all(), key=lambda ref: (ref.position, ref.pk))
    text = [
        post.title,
        post.excerpt,
        post.body,
        [[getattr(ref, name) for name in REFERENCE_FIELDS] for ref in refs],
    ]
    return hashlib.sha256(json.dumps(text, ensure_ascii=False).encode()).hexdigest()


def forwards(apps, schema_editor):
    Post = apps.get_model("articles", "Post")
    SignOff = apps.get_model("medical", "SignOff")
    posts = Post.objects.filter(reviewed_by__isnull=False).prefetch_related("references")
    for post in posts.iterator(chunk_size=200):
        if post.last_reviewed_on:
            moment = datetime.datetime.combine(post.last_reviewed_on, datetime.time(12))
            moment = timezone.make_aware(moment)
        else:
            moment = post.updated_at
        SignOff.objects.create(
            post=post,
            reviewer_id=post.reviewed_by_id,
            text_digest=_digest(post),
            signed_at=moment,
            note="Recorded from the review fields used before sign-offs.",
        )
        Post.objects.filter(pk=post.pk).update(last_reviewed_on=timezone.localdate(moment))


def backwards(apps, schema_editor):
    apps.get_model("medical", "SignOff").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("medical", "0001_signoffs")]

    operations = [migrations.RunPython(forwards, backwards)]
