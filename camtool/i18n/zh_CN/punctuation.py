"""Chinese for separators built in code (camtool.i18n.join_list / join_clauses)."""

MESSAGES: dict[str, str] = {
    ", ": "、",
    "; ": "；",
}

MESSAGES.update({
    "{severity}: {message}": "{severity}：{message}",
})
