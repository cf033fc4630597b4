"""The newsroom roles, as groups. Their permissions are set by this app's migrations (so every
install has them, and a change to a role is a new migration); the per-object rules that go with
them (own posts only, publishing) are in `articles/permissions.py`."""

CONTRIBUTOR = "Contributor"
AUTHOR = "Author"
EDITOR = "Editor"
MEDICAL_REVIEWER = "Medical reviewer"

ROLES = (CONTRIBUTOR, AUTHOR, EDITOR, MEDICAL_REVIEWER)
