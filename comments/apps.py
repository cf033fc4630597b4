from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self) -> None:
        """Tell the content app what comments add to a post page (it never imports us)."""
        from articles import extensions

        from .discussion import PERSONAL_PARAMETER, build_discussion
        from .feeds import post_feed
        from .moderation import comments_epoch

        extensions.add_post_section("discussion", "comments/_discussion.html", build_discussion)
        extensions.add_post_validator(comments_epoch)
        extensions.add_personal_parameter(PERSONAL_PARAMETER)
        extensions.add_post_feed(post_feed)
