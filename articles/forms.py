import copy

from django import forms

from . import extensions
from .models import AuthorProfile, Post, PostStatus, Reviewer


def reencoded_image(image):
    """A new upload as the image steps store it (`extensions.prepared_image`: re-encoded,
    metadata such as GPS positions dropped), or a ValidationError saying why it is not a real
    image; an unchanged or cleared field is passed through."""
    if not image or not hasattr(image, "content_type"):
        return image  # unchanged, cleared, or already stored
    return extensions.prepared_image(image)


class PostAdminForm(forms.ModelForm):
    """The post editor. A new featured image is re-encoded (metadata such as GPS positions
    dropped) and refused with a clear message when it is not a real image. A user without the
    publishing permission (`may_publish`, set by the admin) cannot change the publishing time:
    the form refuses it rather than drop it silently."""

    may_publish = True
    # Whether saving a change to a live post's text puts it live (the review workflow turns this
    # off for a save it keeps as draft changes, which are checked when they are published).
    publishes_live_changes = True

    class Meta:
        model = Post
        fields = [
            "title", "slug", "excerpt", "body", "published_at", "author", "is_featured",
            "comments_open", "featured_image", "featured_image_alt", "categories", "procedures",
            "tags", "review_interval_months", "seo_title", "seo_description",
        ]  # fmt: skip

    def clean_published_at(self):
        value = self.cleaned_data.get("published_at")
        if not self.may_publish and value != self.instance.published_at:
            raise forms.ValidationError(
                "Your role cannot publish or schedule posts: leave the time empty and an "
                "editor will publish it."
            )
        return value

    def clean(self):
        """Publishing (or scheduling, or rescheduling) a post that is not live yet, or saving a
        change to the text of a live post, asks the other apps' publishing checks on the text as
        typed (`extensions.publishing_refused`, the rule a restored version follows too)."""
        cleaned = super().clean()
        if "published_at" not in cleaned or cleaned["published_at"] is None:
            return cleaned
        was_live = self.instance.status == PostStatus.LIVE
        if was_live and not self.publishes_live_changes:
            return cleaned
        candidate = copy.copy(self.instance)
        candidate.published_at = cleaned["published_at"]
        for name in ("title", "excerpt", "body"):
            if name in cleaned:
                setattr(candidate, name, cleaned[name])
        candidate.body = candidate.prepare_body()  # as saving would store it
        if "procedures" in cleaned:
            candidate.linked_procedure_count = len(cleaned["procedures"])
        if message := extensions.publishing_refused(self.instance, candidate):
            if was_live:  # the change would go live with the save
                self.add_error(None, f"{message} Save the changes as draft changes instead.")
            else:
                self.add_error("published_at", message)
        return cleaned

    def clean_featured_image(self):
        return reencoded_image(self.cleaned_data.get("featured_image"))


class AuthorProfileAdminForm(forms.ModelForm):
    """An author's public profile; a new photo is re-encoded like a featured image."""

    class Meta:
        model = AuthorProfile
        fields = ["user", "display_name", "public_slug", "job_title", "bio", "photo"]

    def clean_photo(self):
        return reencoded_image(self.cleaned_data.get("photo"))


class ReviewerAdminForm(forms.ModelForm):
    """A medical reviewer's public profile; a new photo is re-encoded like a featured image."""

    class Meta:
        model = Reviewer
        fields = ["name", "slug", "credentials", "bio", "url", "photo"]

    def clean_photo(self):
        return reencoded_image(self.cleaned_data.get("photo"))
