from __future__ import annotations

from django import forms
from django.conf import settings

from articles.models import Post

from . import moderation
from .markup import clean_text
from .models import Comment, CommentStatus
from .widgets import CommentFormRenderer

# The markup of Django's own widget templates, written out in Python (the form is on every
# post page).
WIDGETS = CommentFormRenderer()


class CommentForm(forms.ModelForm):
    """The reply form under a post.

    Anti-spam, all without third parties and without anything per-visitor in the HTML (so a
    cached copy of the page works for everyone, and the endpoint needs no CSRF cookie):

    - `token` is a signed (post id, render time) pair from `moderation.make_token`: a forged or
      edited token, one for another post, a form sent faster than a person types or one left
      open for days is refused (see `moderation.check_token`). The page prints one stamped
      with the start of the minute (`make_page_token`); comments.js replaces it with one from
      `fresh_token` when the reader starts typing;
    - `leave_empty` is a honeypot, hidden from people and from assistive technology; anything in
      it marks the comment as spam while the sender sees the usual thank-you;
    - flood, duplicate, link and term rules run afterwards in `moderation.decide`.

    `parent` must be an approved comment on the same post, not deeper than COMMENTS_MAX_DEPTH.
    Nothing is remembered in the browser unless `remember` (the consent box) is ticked.
    """

    default_renderer = WIDGETS

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    leave_empty = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    remember = forms.BooleanField(
        required=False,
        label="Save my name, email, and website in this browser for the next time I comment.",
    )

    class Meta:
        model = Comment
        fields = ["body", "author_name", "author_email", "author_url", "notify_replies"]
        labels = {
            "body": "Comment",
            "author_name": "Name",
            "author_email": "Email",
            "author_url": "Website",
            "notify_replies": "Notify me of replies by email",
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8, "cols": 45}),
            "author_name": forms.TextInput(attrs={"autocomplete": "name", "size": 30}),
            "author_email": forms.EmailInput(attrs={"autocomplete": "email", "size": 30}),
            "author_url": forms.URLInput(attrs={"autocomplete": "url", "size": 30}),
        }
        error_messages = {
            "body": {"required": "Please type your comment."},
            "author_name": {"required": "Please give a name (it is shown with your comment)."},
            "author_email": {
                "required": "Please give your email address (it will not be published).",
                "invalid": "Please give a valid email address.",
            },
            "author_url": {
                "invalid": "Please give a full web address (https://…) or leave it empty."
            },
        }

    # The fields a reader types into, each printed in a paragraph of its own by the template.
    ENTRY_FIELDS = ("body", "author_name", "author_email", "author_url")

    @property
    def entry_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.ENTRY_FIELDS]

    def __init__(self, post: Post, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["author_email"].required = True
        max_length = settings.COMMENTS_MAX_LENGTH
        self.fields["body"].max_length = max_length
        self.fields["body"].widget.attrs["maxlength"] = max_length
        if not self.is_bound:
            self.initial["token"] = moderation.make_page_token(post)

    def clean_body(self) -> str:
        body = clean_text(self.cleaned_data["body"], multiline=True)
        max_length = settings.COMMENTS_MAX_LENGTH
        if not body:
            raise forms.ValidationError("Please type your comment.")
        if len(body) > max_length:
            raise forms.ValidationError(
                f"Please keep your comment under {max_length} characters (it has {len(body)})."
            )
        return body

    def clean_author_name(self) -> str:
        name = clean_text(self.cleaned_data["author_name"], multiline=False)
        if not name:
            raise forms.ValidationError("Please give a name (it is shown with your comment).")
        return name

    def clean_author_email(self) -> str:
        return self.cleaned_data["author_email"].strip()

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(pk=parent_id).select_related("post").first()
        if (
            parent is None
            or parent.post_id != self.post.pk
            or parent.status != CommentStatus.APPROVED
        ):
            raise forms.ValidationError(
                "The comment you are replying to is not part of this discussion."
            )
        if parent.depth >= settings.COMMENTS_MAX_DEPTH:
            raise forms.ValidationError(
                "Replies cannot go any deeper here: please reply to an earlier comment."
            )
        return parent

    def save(self, commit: bool = True) -> Comment:
        comment = super().save(commit=False)
        comment.post = self.post
        comment.parent = self.cleaned_data.get("parent")
        if commit:
            comment.save()
        return comment
