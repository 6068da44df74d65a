"""Chinese for `camtool validate PATH...` (several files, folders; issue 14)."""

MESSAGES: dict[str, str] = {
    "Check config files against the WMPF camera rules.": "按 WMPF 摄像头规则检查配置文件。",
    "Check configs (JSON, or Kotlin/Java snippets) against the WMPF camera rules. A folder stands for the "
    "*.json, *.kt, *.kts and *.java files directly in it. Exit 0: no error; 1: at least one error in any file; "
    "2: usage error.":
        "按 WMPF 摄像头规则检查配置（JSON，或 Kotlin/Java 代码片段）。文件夹表示直接位于其中的 *.json、*.kt、*.kts "
        "和 *.java 文件。退出码 0：没有错误；1：任一文件中至少有一个错误；2：用法错误。",
    "A config file, a folder of configs, or - for standard input.": "配置文件、存放配置的文件夹，或用 - 表示标准输入。",
    "Output format (json: one object for one file; an array of them for several files or a folder).":
        "输出格式（json：单个文件输出一个对象；多个文件或文件夹输出由这些对象组成的数组）。",
    "camtool validate: standard input (-) can be read only once.": "camtool validate：标准输入（-）只能读取一次。",
    "{files} file(s) checked: {failed} with errors.": "已检查 {files} 个文件：{failed} 个有错误。",
    "{source} is a folder with no config file in it (looked for {suffixes}).":
        "{source} 是一个文件夹，其中没有配置文件（查找了 {suffixes}）。",
    "Give the folder that holds the configs, or the config files themselves.": "请给出存放配置的文件夹，或直接给出配置文件。",
}
