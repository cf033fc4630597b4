from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from .images import ImageRejected, clean_image
from .models import AuthorProfile, Post, Reviewer


def reencoded_image(image):
    """A new upload re-encoded (metadata such as GPS positions dropped), or a ValidationError
    saying why it is not a real image; an unchanged or cleared field is passed through."""
    if not image or not hasattr(image, "content_type"):
        return image  # unchanged, cleared, or already stored
    try:
        clean = clean_image(image.read())
    except ImageRejected as error:
        raise forms.ValidationError(str(error)) from None
    stem = image.name.rsplit(".", 1)[0][:80] or "image"
    return SimpleUploadedFile(f"{stem}.{clean.extension}", clean.content)


class PostAdminForm(forms.ModelForm):
    """The post editor. A new featured image is re-encoded (metadata such as GPS positions
    dropped) and refused with a clear message when it is not a real image. A user without the
    publishing permission (`may_publish`, set by the admin) cannot change the publishing time:
    the form refuses it rather than drop it silently."""

    may_publish = True

    class Meta:
        model = Post
        fields = [
            "title", "slug", "excerpt", "body", "published_at", "author", "is_featured",
            "comments_open", "featured_image", "featured_image_alt", "categories", "procedures",
            "tags", "reviewed_by", "last_reviewed_on", "seo_title", "seo_description",
        ]  # fmt: skip

    def clean_published_at(self):
        value = self.cleaned_data.get("published_at")
        if not self.may_publish and value != self.instance.published_at:
            raise forms.ValidationError(
                "Your role cannot publish or schedule posts: leave the time empty and an "
                "editor will publish it."
            )
        return value

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
