"""Chinese for import/export, Kotlin/Java snippets, profiles and the `export` / `profiles` commands."""

MESSAGES: dict[str, str] = {
    # --- export -------------------------------------------------------------------------
    'Unknown export format "{format}". Use one of: {formats}.': '未知的导出格式“{format}”。可用格式：{formats}。',
    'Only a JSON object can be exported as a config; this is a {kind}.': '只有 JSON 对象才能作为配置导出；这是 {kind}。',
    'The number in "{key}" is not finite ({value}); JSON has no NaN or Infinity.':
        '“{key}”中的数值不是有限数（{value}）；JSON 没有 NaN 或 Infinity。',
    'The config has a key that is not text ({key}); JSON keys are always text.': '配置中有一个键不是文本（{key}）；JSON 的键必须是文本。',
    'The value of "{key}" is not a JSON value ({kind}); camtool cannot export it.': '“{key}”的值不是 JSON 值（{kind}），camtool 无法导出。',
    'The number in "{key}" ({value}) is too large for Android\'s JSONObject (64-bit at most).':
        '“{key}”中的数值（{value}）超出 Android JSONObject 的范围（最多 64 位）。',
    # --- import -------------------------------------------------------------------------
    'There is no standard input to read the config from.': '没有可读取配置的标准输入。',
    'Give the path of the config file instead of -.': '请给出配置文件的路径，而不是 -。',
    'Standard input cannot be read: {reason}.': '无法读取标准输入：{reason}。',
    'Pipe a UTF-8 config into camtool, or give the path of the file.': '请通过管道输入 UTF-8 编码的配置，或给出文件路径。',
    # --- snippet lexer ----------------------------------------------------------------------
    'A /* comment is never closed.': '/* 注释没有结束。',
    'A """ string is never closed.': '""" 字符串没有结束。',
    'the string is never closed': '字符串没有结束',
    'Java text blocks are not read; use a plain "..." string': 'camtool 不读取 Java 文本块；请改用普通的 "..." 字符串',
    'the string uses a $ template, so its value is only known when the app runs': '字符串使用了 $ 模板，其值要到应用运行时才确定',
    'A string is not closed on its line.': '字符串在本行内没有结束。',
    'the string has an escape sequence the language does not allow': '字符串含有该语言不允许的转义序列',
    # --- snippet values -------------------------------------------------------------------
    '{number} is not a valid number': '{number} 不是有效的数字',
    '{number} is an unsigned Kotlin number; JSONObject has no put for it': '{number} 是 Kotlin 无符号数，JSONObject 没有对应的 put',
    '{number} is too large for a Kotlin Long': '{number} 超出 Kotlin Long 的范围',
    '{number} is too large for a double': '{number} 超出 double 的范围',
    '{number} is too large for a Java {kind}': '{number} 超出 Java {kind} 的范围',
    '{number} is too large for a float': '{number} 超出 float 的范围',
    # --- snippet reader ---------------------------------------------------------------------
    'A put(...) call in the snippet cannot be read': '代码片段中的 put(...) 调用无法读取',
    'The snippet has no JSONObject put(...) call': '代码片段中没有 JSONObject 的 put(...) 调用',
    'The snippet puts the same key twice; the last value wins': '代码片段对同一个键 put 了两次；以最后一次为准',
    'put(key, null) removes the key': 'put(key, null) 会删除该键',
    "The snippet's code is cut off or malformed": '代码片段不完整或格式错误',
    'The snippet fills more than one JSONObject': '代码片段填充了不止一个 JSONObject',
    'The snippet changes a JSONObject in a way camtool does not follow': '代码片段以 camtool 无法跟踪的方式修改了 JSONObject',
    'the value is computed when the app runs, not a literal': '该值在应用运行时计算，不是字面量',
    'expected "{expected}" here': '此处应为“{expected}”',
    'the key is not a "string" constant': '键不是 "..." 形式的字符串常量',
    'a character literal is not a JSON value': '字符字面量不是 JSON 值',
    'Line {line}: {name}(...) changes the JSON in a way camtool does not follow.':
        '第 {line} 行：{name}(...) 以 camtool 无法跟踪的方式修改了 JSON。',
    'Use only put("key", value) calls, or import the JSON text itself.': '请只使用 put("key", value) 调用，或直接导入 JSON 文本。',
    'Line {line}: {key} is put a second time; only this last value counts.': '第 {line} 行：{key} 被第二次 put；只有最后这个值有效。',
    'Delete the earlier put of {key}, keeping the value you mean.': '删除前面对 {key} 的 put，保留你想要的值。',
    'the nested object is built at run time': '嵌套对象在运行时才构建',
    '{source} puts keys into {count} different JSONObjects; camtool merged them into one config.':
        '{source} 把键放进了 {count} 个不同的 JSONObject；camtool 已将它们合并为一个配置。',
    'Check that all these keys belong to the initGlobalConfig JSON.': '请确认这些键都属于 initGlobalConfig 的 JSON。',
    'Line {line}, column {column}: {problem}': '第 {line} 行，第 {column} 列：{problem}',
    'Copy the whole statement that builds the JSON, up to its end.': '请完整复制构建 JSON 的语句，直到语句结束。',
    'Line {line}: {name}(...) with arguments builds its content at run time; camtool cannot read it.':
        '第 {line} 行：带参数的 {name}(...) 在运行时才构建内容，camtool 无法读取。',
    'Build the object with put("key", value) calls, or import the JSON text itself.': '请用 put("key", value) 调用构建对象，或直接导入 JSON 文本。',
    'it is not called on a JSONObject camtool can follow': '它不是在 camtool 能跟踪的 JSONObject 上调用的',
    'Line {line}: this put(...) call cannot be read: {reason}.': '第 {line} 行：无法读取此 put(...) 调用：{reason}。',
    'Write the value as a literal (a number, true or false, a "string", JSONObject.NULL), or import the JSON text itself.':
        '请把值写成字面量（数字、true 或 false、"字符串"、JSONObject.NULL），或直接导入 JSON 文本。',
    'Line {line}: put("{key}", null) removes {key} instead of setting it to JSON null.':
        '第 {line} 行：put("{key}", null) 会删除 {key}，而不是把它设为 JSON null。',
    'Use JSONObject.NULL for a JSON null, or delete the line if removing the key is meant.':
        'JSON null 请用 JSONObject.NULL；如果本意是删除该键，请删掉这一行。',
    'the string is not a constant': '该字符串不是常量',
    '{source} has no JSONObject put("key", value) call, so there is no config to read.':
        '{source} 中没有 JSONObject 的 put("key", value) 调用，因此读不到配置。',
    'Choose the code that builds the initGlobalConfig JSON, or import the JSON itself.': '请选择构建 initGlobalConfig JSON 的代码，或直接导入 JSON。',
    # --- profiles ------------------------------------------------------------------------
    "The profile file does not have the profile's fields": '配置档案文件的字段有误',
    "The profile's sku does not match its file name": '配置档案的 sku 与文件名不一致',
    'The profile extends a profile that is missing or unreadable': '配置档案继承的档案不存在或无法读取',
    'The profiles extend each other in a cycle': '配置档案之间循环继承',
    'The profile was written by a newer camtool': '该配置档案由更高版本的 camtool 写入',
    'The profile does not exist': '配置档案不存在',
    "a SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit":
        "SKU 由 1 到 64 个字母、数字、'.'、'_' 或 '-' 组成，且以字母或数字开头",
    "a SKU may not contain '..' or end with '.'": "SKU 不能包含 '..'，也不能以 '.' 结尾",
    'Windows reserves this name for a device; choose another SKU': 'Windows 将此名称保留为设备名；请换一个 SKU',
    "an Android package name looks like com.example.app (letters, digits, '_', dot-separated)":
        "Android 包名形如 com.example.app（字母、数字、'_'，用点分隔）",
    'device notes such as model and camera_module are text': 'model、camera_module 等设备备注必须是文本',
    '"{sku}" cannot be a profile name: {problem}.': '“{sku}”不能用作配置档案名称：{problem}。',
    'A profile named {existing} already exists in {directory}.': '{directory} 中已有名为 {existing} 的配置档案。',
    '{sku} is one of the examples that ship with camtool: add --profiles "{examples}", or copy {examples}/{sku}.json into {directory}.':
        '{sku} 是 camtool 自带的示例之一：请加上 --profiles "{examples}"，或将 {examples}/{sku}.json 复制到 {directory}。',
    'Check the SKU (camtool profiles list) or the library folder (--profiles DIR).':
        '请检查 SKU（camtool profiles list）或档案库文件夹（--profiles DIR）。',
    'Correct the field; a profile has schema, sku, description, description_zh_CN, extends, device, apply_package, config and verifications.':
        '请改正该字段；配置档案的字段有 schema、sku、description、description_zh_CN、extends、device、apply_package、config 和 verifications。',
    'Create profile {parent}, correct it (camtool profiles validate {parent}), or change "extends".':
        '请创建配置档案 {parent}、改正它（camtool profiles validate {parent}），或修改 "extends"。',
    'Make the two the same: rename the file to {sku}.json or set "sku" to {stem}.':
        '请使两者一致：把文件改名为 {sku}.json，或把 "sku" 设为 {stem}。',
    'Profile {parent} does not exist, so {sku} cannot extend it.': '配置档案 {parent} 不存在，{sku} 无法继承它。',
    'Profile {sku} cannot be compared: it cannot be resolved.': '无法比较配置档案 {sku}：它的继承链无法解析。',
    'Profile {sku} cannot be opened.': '无法打开配置档案 {sku}。',
    'Profile {sku} does not exist in {directory}.': '{directory} 中没有配置档案 {sku}。',
    'Profile {sku} extends {parent}, which is missing or cannot be read.': '配置档案 {sku} 继承自 {parent}，但后者不存在或无法读取。',
    'Profile {sku} is extended by {children}; delete or change those first.': '配置档案 {sku} 被 {children} 继承；请先删除或修改它们。',
    'Profile {sku} was not saved: its config has errors.': '配置档案 {sku} 未保存：其配置有错误。',
    'Remove "extends" from one of them, so that the chain ends at a profile without it.':
        '请从其中一个档案中删除 "extends"，使继承链终止于没有 extends 的档案。',
    'The profiles extend each other in a cycle: {cycle}.': '配置档案之间循环继承：{cycle}。',
    'There is no profile {sku} in {directory}.': '{directory} 中没有配置档案 {sku}。',
    'Update camtool to open this profile.': '请升级 camtool 后再打开此配置档案。',
    'is missing': '缺失',
    'is not a profile field (a typo?)': '不是配置档案的字段（拼写错误？）',
    'must be 1 or more': '必须大于或等于 1',
    'must be a JSON list (in square brackets)': '必须是 JSON 数组（用方括号括起）',
    'must be a JSON object (in braces)': '必须是 JSON 对象（用花括号括起）',
    'must be a whole number': '必须是整数',
    'must be text in double quotes': '必须是用双引号括起的文本',
    '{source} is a profile of format {schema}; this camtool reads format {supported}.':
        '{source} 是格式 {schema} 的配置档案；此版本 camtool 只能读取格式 {supported}。',
    '{source} says its sku is {sku}, but the file is named {stem}.json.': '{source} 中的 sku 是 {sku}，但文件名是 {stem}.json。',
    '{source}: the field "{field}" is not valid: {problem}.': '{source}：字段 "{field}" 无效：{problem}。',
    '{source}: the field "{field}" {problem}.': '{source}：字段 "{field}" {problem}。',
    # --- camtool export / camtool profiles ----------------------------------------------------
    '(cannot be read: camtool profiles validate {sku})': '（无法读取：camtool profiles validate {sku}）',
    '(not set)': '（未设置）',
    'Cannot write {path}: {reason}. The old file, if any, is unchanged.': '无法写入 {path}：{reason}。原有文件（如有）保持不变。',
    'Check profiles (all of them when no SKU is given).': '检查配置档案（未给出 SKU 时检查全部）。',
    'Compare the resolved configs of two profiles (exit 1 when they differ).': '比较两个配置档案解析后的配置（有差异时退出码为 1）。',
    'Create an empty profile, optionally extending another.': '创建一个空的配置档案，可选择继承另一个档案。',
    'Created profile {sku} in {path}.': '已创建配置档案 {sku}：{path}。',
    'Export a config (JSON, or a Kotlin/Java snippet) with the camera keys first. Refuses a config with error findings unless --allow-errors. Exit 0: exported; 1: errors, nothing exported; 2: usage error.':
        '导出配置（JSON 或 Kotlin/Java 代码片段），摄像头配置项排在最前。配置有错误时拒绝导出，除非指定 --allow-errors。退出码 0：已导出；1：有错误，未导出；2：用法错误。',
    'Export a config as JSON, one-line JSON, Kotlin or Java.': '把配置导出为 JSON、单行 JSON、Kotlin 或 Java。',
    'Export even when the config has error findings.': '即使配置有错误也导出。',
    'Export format (default: json).': '导出格式（默认：json）。',
    'Export the resolved config of a profile.': '导出配置档案解析后的配置。',
    'List the profiles in the library.': '列出档案库中的配置档案。',
    'List, show, create, check, compare and export per-SKU profiles.': '列出、查看、创建、检查、比较和导出按 SKU 划分的配置档案。',
    'No profiles in {folder}. Examples ship with camtool: camtool profiles --profiles "{examples}" list':
        '{folder} 中没有配置档案。camtool 自带示例：camtool profiles --profiles "{examples}" list',
    'Not exported: the config has errors. Correct them, or export anyway with --allow-errors.':
        '未导出：配置有错误。请先改正，或用 --allow-errors 强制导出。',
    'Not exported: {reason}': '未导出：{reason}',
    'One line on the device this profile is for.': '用一行文字说明此配置档案对应的设备。',
    'Print a profile and its resolved config.': '显示配置档案及其解析后的配置。',
    'Resolved config (with what it inherits from {parent}):': '解析后的配置（含从 {parent} 继承的内容）：',
    'The per-SKU profile library: one JSON file per device SKU.': '按 SKU 划分的配置档案库：每个设备 SKU 一个 JSON 文件。',
    'The profile library folder (default: {folder}).': '配置档案库文件夹（默认：{folder}）。',
    'The profile whose config this one starts from.': '要继承的配置档案（本档案以它的配置为基础）。',
    'Write to FILE (atomically) instead of standard output.': '写入 FILE（原子写入），而不是标准输出。',
    'Wrote {path}.': '已写入 {path}。',
    'camtool profiles new: "{sku}" cannot be a profile name: {problem}.': 'camtool profiles new：“{sku}”不能用作配置档案名称：{problem}。',
    'camtool {command}: --wmpf-version: {error}': 'camtool {command}：--wmpf-version：{error}',
    '{a} and {b} give the same config.': '{a} 与 {b} 的配置相同。',
    '{description} (extends {parent})': '{description}（继承自 {parent}）',
    '{source} nests JSONObjects too deeply to be a camera config.': '{source} 中 JSONObject 嵌套过深，不像是摄像头配置。',
    'Check that you chose the code that builds the initGlobalConfig JSON.': '请确认选择的是构建 initGlobalConfig JSON 的代码。',
    'The config is nested too deeply to export; a camera config is one flat JSON object.': '配置嵌套过深，无法导出；摄像头配置应是一个扁平的 JSON 对象。',
    'Line {line}: the text given to {name}(...) is not JSON of that kind that camtool can read.':
        '第 {line} 行：传给 {name}(...) 的文本不是相应类型的 JSON，camtool 无法读取。',
    'Check the JSON inside the string (camtool validate reads it from a .json file), or use put("key", value) calls.':
        '请检查字符串中的 JSON（把它存为 .json 文件后可用 camtool validate 检查），或改用 put("key", value) 调用。',
}

MESSAGES["{source} is {size} bytes: far too big to be a camera config."] = "{source} 有 {size} 字节，摄像头配置不可能这么大。"

MESSAGES.update({
    "The same line in Simplified Chinese (shown when camtool speaks Chinese).":
        "同一行说明的简体中文版（camtool 使用中文时显示）。",
})
