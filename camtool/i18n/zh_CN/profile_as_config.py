"""Chinese for CAM006: a camtool profile file given where an initGlobalConfig JSON is expected."""

MESSAGES: dict[str, str] = {
    "The file is a camtool profile, not a config": "该文件是 camtool 配置档案，而不是配置",
    "This is a camtool profile (\"sku\" {sku}, its keys under \"config\"), not an initGlobalConfig JSON.":
        "这是 camtool 配置档案（\"sku\" 为 {sku}，配置项在 \"config\" 之下），而不是 initGlobalConfig 的 JSON。",
    "Check profiles with camtool profiles validate, and get the config itself with camtool profiles export {sku} "
    "(or use --profile {sku} where a command takes one).":
        "请用 camtool profiles validate 检查配置档案，用 camtool profiles export {sku} 取出其中的配置"
        "（支持的命令也可以直接用 --profile {sku}）。",
}
