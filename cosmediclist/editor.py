"""CKEditor 5 in the admin: the toolbar, headings and image tools staff get.

Whatever the editor sends is sanitised with nh3 on save (articles/markup.py); images are
uploaded through images/uploads.py."""

EDITOR_CONFIG = {
    "toolbar": {
        "items": [
            "heading",
            "|",
            "bold",
            "italic",
            "link",
            "bulletedList",
            "numberedList",
            "blockQuote",
            "|",
            "insertImage",
            "insertTable",
            "|",
            "undo",
            "redo",
            "sourceEditing",
        ],
        "shouldNotGroupWhenFull": True,
    },
    "heading": {
        "options": [
            {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
            {
                "model": "heading2",
                "view": "h2",
                "title": "Heading 2",
                "class": "ck-heading_heading2",
            },
            {
                "model": "heading3",
                "view": "h3",
                "title": "Heading 3",
                "class": "ck-heading_heading3",
            },
            {
                "model": "heading4",
                "view": "h4",
                "title": "Heading 4",
                "class": "ck-heading_heading4",
            },
        ]
    },
    "image": {
        "toolbar": [
            "imageTextAlternative",
            "toggleImageCaption",
            "|",
            "imageStyle:inline",
            "imageStyle:block",
        ]
    },
    "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
}
