"""Turn a rendered admin change form back into the data its Save button would post."""

from django.forms import CheckboxInput, FileInput, MultiWidget


def _field_data(form) -> dict:
    data = {}
    for bound in form:
        widget, value, name = bound.field.widget, bound.value(), bound.html_name
        if isinstance(widget, FileInput):
            continue
        if isinstance(widget, CheckboxInput):
            if value:
                data[name] = "on"
            continue
        if isinstance(widget, MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for i, part in enumerate(parts):
                data[f"{name}_{i}"] = "" if part is None else str(part)
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = "" if value is None else str(value)
    return data


def change_form_data(response, **overrides) -> dict:
    """The admin form and its inlines as rendered in `response`, with `overrides` applied."""
    data = _field_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_data(formset.management_form))
        for form in formset.forms:
            data.update(_field_data(form))
    data.update(overrides)
    return data
