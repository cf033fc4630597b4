from django import template

from ..models import Comment
from ..thread import render_thread

register = template.Library()


@register.simple_tag
def pending_comment_count() -> int:
    """For the admin header: how many comments wait for a moderator."""
    return Comment.objects.pending().count()


@register.simple_tag(takes_context=True)
def comment_thread(context, discussion) -> str:
    """The discussion's comments (comments/thread.py), with the reply form under the comment
    being answered, rendered with this page's context as an `{% include %}` would."""
    reply_to = discussion.reply_to

    def reply_form(comment) -> str:
        template = context.template.engine.get_template("comments/_form.html")
        with context.push(form=discussion.form, reply_to=comment):
            return template.render(context)

    return render_thread(
        discussion.comments, reply_form if reply_to else None, reply_to.pk if reply_to else None
    )
