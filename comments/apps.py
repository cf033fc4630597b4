from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self) -> None:
        """Tell the content app what comments add to a post page (it never imports us), and
        let the emails follow each comment's status."""
        from django.db.models.signals import post_save

        from articles import extensions

        from .discussion import PERSONAL_PARAMETER, build_discussion
        from .feeds import post_feed
        from .models import Comment
        from .moderation import comments_epoch
        from .notifications import follow_status

        post_save.connect(follow_status, sender=Comment, dispatch_uid="comments.follow_status")

        extensions.add_post_section("discussion", "comments/_discussion.html", build_discussion)
        extensions.add_post_validator(comments_epoch)
        extensions.add_personal_parameter(PERSONAL_PARAMETER)
        extensions.add_post_feed(post_feed)
