"""Signals for the apps around the content.

`content_changed` is sent when public pages change through a bulk update, which sends no
`post_save` (a post's discussion changing, the admin's publish and unpublish actions). A page
cache listens to it and to the model signals.
"""

from django.dispatch import Signal

content_changed = Signal()
