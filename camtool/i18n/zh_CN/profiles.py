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
    'Java text blocks are not read; use a plain "..." string': '不读取 Java 文本块；请使用普通的 "..." 字符串',
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
    'the key is not a "string" constant': '键不是 "字符串" 常量',
    'a character literal is not a JSON value': '字符字面量不是 JSON 值',
    'Line {line}: {name}(...) changes the JSON in a way camtool does not follow.':
        '第 {line} 行：{name}(...) 以 camtool 无法跟踪的方式修改了 JSON。',
    'Use only put("key", value) calls, or import the JSON text itself.': '请只使用 put("key", value) 调用，或直接导入 JSON 文本。',
    'Line {line}: {key} is put a second time; only this last value counts.': '第 {line} 行：{key} 被第二次 put；只有最后这个值有效。',
    'Delete the earlier put of {key}, keeping the value you mean.': '删除前面对 {key} 的 put，保留您想要的值。',
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
}
