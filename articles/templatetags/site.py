from django import template

from .. import permissions

register = template.Library()
register.filter("is_staff", permissions.is_staff)
