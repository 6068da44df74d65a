"""Chinese for separators built in code (camtool.i18n.join_list / join_clauses)."""

MESSAGES: dict[str, str] = {
    ", ": "、",
    "; ": "；",
    " or ": " 或 ",
    " ": "",  # between sentences: none after 。 (join_sentences keeps one after a Latin word)
    ": ": "：",  # after a label built in code (the report's "设备端：")  # alternatives in a sentence: "SDK 31 或 32"
}

MESSAGES.update({
    "{severity}: {message}": "{severity}：{message}",
})

# Form labels built in code (camtool/gui/selection_form.py): a key's title, then its JSON name.
MESSAGES.update({
    "{title}:": "{title}：",
    "{title} ({key}):": "{title}（{key}）：",
    "{title} ({key})": "{title}（{key}）",
    "{key}: {reason}": "{key}：{reason}",  # why a key has no effect (camtool/gui/ends_panel.py tooltips)
})
