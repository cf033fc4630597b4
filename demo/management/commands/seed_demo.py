"""Load the demo content. Idempotent: everything is keyed by slug (or username), so a second
run updates what is there instead of adding copies."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.markup import clean_html
from articles.models import Category, Page, Post, Procedure, Reference, Reviewer, Tag
from comments.models import Comment
from demo import content as demo
from demo.illustrations import draw_illustration
from medical.signoffs import record_review


class Command(BaseCommand):
    help = "Load the demo content (categories, procedures, posts, pages, comments). Idempotent."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        now = timezone.now().replace(second=0, microsecond=0)
        author = self._author()
        categories = self._categories()
        tags = {
            t["slug"]: Tag.objects.update_or_create(slug=t["slug"], defaults={"name": t["name"]})[0]
            for t in demo.TAGS
        }
        reviewers = {
            r["slug"]: Reviewer.objects.update_or_create(
                slug=r["slug"],
                defaults={k: r[k] for k in ("name", "credentials", "bio")},
            )[0]
            for r in demo.REVIEWERS
        }
        procedures = self._procedures()
        for data in demo.POSTS:
            self._post(data, now, author, categories, tags, procedures, reviewers)
        for data in demo.PAGES:
            Page.objects.update_or_create(
                slug=data["slug"],
                defaults={"title": data["title"], "body": data["body"]},
                create_defaults={
                    "title": data["title"],
                    "body": data["body"],
                    "published_at": now - datetime.timedelta(days=365),
                },
            )
        self._comments(now)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Post.objects.count()} posts, "
                f"{Procedure.objects.count()} procedures, {Category.objects.count()} categories, "
                f"{Page.objects.count()} pages."
            )
        )

    def _author(self):
        data = demo.AUTHOR
        user, _ = get_user_model().objects.update_or_create(
            username=data["username"],
            defaults={
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "email": data["email"],
                "is_staff": True,
            },
        )
        if not user.has_usable_password():
            user.save()
        profile = user.author_profile
        profile.bio, profile.job_title = data["bio"], data["job_title"]
        profile.save(update_fields=["bio", "job_title"])
        return user

    def _categories(self) -> dict[str, Category]:
        found: dict[str, Category] = {}
        for data in demo.CATEGORIES:  # parents come before their children in the list
            found[data["slug"]] = Category.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "parent": found.get(data["parent"]) if data["parent"] else None,
                },
            )[0]
        return found

    def _procedures(self) -> dict[str, Procedure]:
        fields = [
            "name", "summary", "body", "session_minutes", "downtime", "course_sessions_min",
            "course_sessions_max", "course_interval_weeks", "skin_types", "invasiveness",
            "setting", "cost_min", "cost_max", "cost_currency",
        ]  # fmt: skip
        found = {}
        for data in demo.PROCEDURES:
            defaults = {name: data[name] for name in fields}
            defaults["aliases"] = "\n".join(data["aliases"])
            defaults["treats"] = "\n".join(data["treats"])
            defaults["cost_as_of"] = (
                datetime.date.fromisoformat(data["cost_as_of"]) if data["cost_as_of"] else None
            )
            found[data["slug"]] = Procedure.objects.update_or_create(
                slug=data["slug"], defaults=defaults
            )[0]
        for data in demo.PROCEDURES:
            found[data["slug"]].related.set([found[slug] for slug in data["related"]])
        return found

    def _post(self, data, now, author, categories, tags, procedures, reviewers) -> None:
        """Create the post, or bring an existing one back to the demo text; a post that already
        matches is not saved again, so its timestamps (and caches) stay as they are."""
        days, reviewed = data["days_ago"], data.get("last_reviewed_days_ago")
        wanted = {
            "title": data["title"],
            "excerpt": data["excerpt"],
            "body": clean_html(data["body"]),
            "author_id": author.pk,
            "is_featured": data["is_featured"],
            "featured_image_alt": data["image_alt"],
        }
        post = Post.objects.filter(slug=data["slug"]).first()
        if post is None:
            # Dates are relative to the first run only: later runs keep them.
            post = Post(
                slug=data["slug"],
                published_at=None if days is None else now - datetime.timedelta(days=days),
            )
        stale = [name for name, value in wanted.items() if getattr(post, name) != value]
        for name in stale:
            setattr(post, name, wanted[name])
        if post.pk is None or stale:
            post.save()
        if not post.featured_image:
            picture = data["image"]
            content = draw_illustration(picture["palette"], picture["motif"], data["slug"])
            # Named, so the image field reads its size from the content and stores it.
            name = f"{data['slug']}.jpg"
            post.featured_image.save(name, ContentFile(content, name=name), save=True)
        else:
            # An earlier version left the size unstored, so every load of the post opened the
            # file to measure it (the field did so when this post was loaded, too).
            Post.objects.filter(pk=post.pk, featured_image_width=None).update(
                featured_image_width=post.featured_image_width,
                featured_image_height=post.featured_image_height,
            )
        post.categories.set([categories[slug] for slug in data["categories"]])
        post.procedures.set([procedures[slug] for slug in data["procedures"]])
        post.tags.set([tags[slug] for slug in data["tags"]])
        references = [dict(ref, position=i) for i, ref in enumerate(data["references"])]
        fields = ["position", "title", "publisher", "year", "url", "doi", "pmid"]
        if list(post.references.values(*fields)) != [
            {name: ref.get(name, None if name == "year" else "") for name in fields}
            for ref in references
        ]:
            post.references.all().delete()
            Reference.objects.bulk_create(Reference(post=post, **ref) for ref in references)
        if data["reviewer"] and not post.signoffs.exists():
            # Review dates are relative to the first run only, like publishing dates.
            day = (now - datetime.timedelta(days=reviewed or 0)).date()
            record_review(post, reviewers[data["reviewer"]], day)

    def _comments(self, now) -> None:
        """The demo discussion on the first post, keyed on `demo:<key>` so a second run changes
        nothing."""
        post = Post.objects.get(slug=demo.POSTS[0]["slug"])
        by_key: dict[str, Comment] = {}
        for item in demo.COMMENTS:  # parents come before their replies in the list
            staff = item.get("by_staff", False)
            by_key[item["key"]], _ = Comment.objects.update_or_create(
                post=post,
                import_key=f"demo:{item['key']}",
                defaults={
                    "parent": by_key.get(item["parent"]) if item["parent"] else None,
                    "author_name": item["name"],
                    "author_email": item["email"],
                    "author_url": item["website"],
                    "body": item["body"],
                    "status": item["status"],
                    "status_reason": "demo content",
                    "is_by_staff": staff,
                    "user": post.author if staff else None,
                    "created_at": now - datetime.timedelta(days=item["days_ago"]),
                    "notified_at": now - datetime.timedelta(days=item["days_ago"]),
                },
            )
