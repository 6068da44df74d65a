"""`camtool export --to kotlin-receiver`: the BroadcastReceiver an integrator adds to a debug build.

`camtool apply` sends `am broadcast -a APPLY_ACTION -p PACKAGE --es CONFIG_EXTRA BASE64`
(docs/architecture.md, Apply to device). This receiver, compiled into the integrator's debug build, decodes
the extra, hands the JSON to WMPF's InitGlobalConfig, then closes and relaunches the mini
program: InitGlobalConfig only takes effect before the mini program starts *(inferred)*, so
WMPF must restart the mini program for the new camera keys to be used. It answers
`setResultCode(1)` + "applied", or 2 + the error text, which `am` prints back to camtool.

The three WMPF calls are the integrator's own (their app already makes them after
ActivateDevice); the receiver calls them through one small interface, so it compiles
against any version of WMPF's client library. The text is an export: fixed English,
never translated, the action and extra names taken from the one contract module.
"""

from __future__ import annotations

from typing import Any

from camtool.config.apply_contract import (
    APPLIED_DATA,
    APPLY_ACTION,
    CONFIG_EXTRA,
    RESULT_APPLIED,
    RESULT_REFUSED,
    WMPF_MISSING_DATA,
)

FORMAT_NAME = "kotlin-receiver"

_TEMPLATE = '''\
// camtool apply receiver: add to the DEBUG build only (it lets adb change the camera keys).
//
// camtool sends:
//   adb shell am broadcast -a {action} -p <your.package> --es {extra} <base64 of the UTF-8 JSON>
// This receiver decodes the config, calls WMPF's InitGlobalConfig with it, then closes and
// relaunches the mini program. InitGlobalConfig only takes effect before the mini program
// starts, so WMPF must restart the mini program before the new camera keys are used.
// It answers result {applied_code} + "{applied}" or {refused_code} + the error text; `am` prints it as
//   Broadcast completed: result={applied_code}, data="{applied}"
//
// AndroidManifest.xml (debug source set), inside <application>:
//   <receiver android:name=".CamtoolApplyReceiver" android:exported="true">
//     <intent-filter><action android:name="{action}" /></intent-filter>
//   </receiver>
//
// Put this file in the debug source set under your app's package (add its `package` line).
// Wire CamtoolApplyReceiver.wmpf to the calls your app already makes, e.g. in Application.onCreate():
//   CamtoolApplyReceiver.wmpf = object : CamtoolApplyReceiver.Wmpf {{ ... }}
{initial_config}
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.util.Base64
import org.json.JSONObject
import java.util.concurrent.Executors

class CamtoolApplyReceiver : BroadcastReceiver() {{

    /** Your app's WMPF calls. Each returns null when it worked, else the error text. */
    interface Wmpf {{
        fun isInstalled(context: Context): Boolean
        fun initGlobalConfig(context: Context, configJson: String): String?
        fun closeMiniProgram(context: Context): String?
        fun launchMiniProgram(context: Context): String?
    }}

    companion object {{
        const val ACTION = "{action}"
        const val EXTRA_CONFIG = "{extra}"
        const val RESULT_APPLIED = {applied_code}
        const val RESULT_REFUSED = {refused_code}

        @Volatile
        var wmpf: Wmpf? = null

        // InitGlobalConfig and the relaunch may block: never on the main thread (ANR).
        private val worker = Executors.newSingleThreadExecutor()
    }}

    override fun onReceive(context: Context, intent: Intent) {{
        if (intent.action != ACTION) return
        val pending = goAsync()
        val appContext = context.applicationContext
        val encoded = intent.getStringExtra(EXTRA_CONFIG)
        worker.execute {{
            val error = try {{
                apply(appContext, encoded)
            }} catch (e: Exception) {{
                "${{e.javaClass.simpleName}}: ${{e.message}}"
            }}
            if (error == null) {{
                pending.setResult(RESULT_APPLIED, "{applied}", null)
            }} else {{
                pending.setResult(RESULT_REFUSED, error, null)
            }}
            pending.finish()
        }}
    }}

    /** null when applied, else the text camtool shows. */
    private fun apply(context: Context, encoded: String?): String? {{
        if (encoded == null) return "Missing string extra $EXTRA_CONFIG"
        val bytes = try {{
            Base64.decode(encoded, Base64.NO_WRAP)
        }} catch (e: IllegalArgumentException) {{
            return "Bad base64 in $EXTRA_CONFIG: ${{e.message}}"
        }}
        val json = String(bytes, Charsets.UTF_8)
        try {{
            JSONObject(json)  // a config is one JSON object; refuse anything else before WMPF sees it
        }} catch (e: org.json.JSONException) {{
            return "Bad JSON: ${{e.message}}"
        }}
        val api = wmpf ?: return "CamtoolApplyReceiver.wmpf is not set in this build"
        if (!api.isInstalled(context)) return "{wmpf_missing}"
        api.initGlobalConfig(context, json)?.let {{ return "InitGlobalConfig failed: $it" }}
        // The config only holds for a mini program started after it: restart the mini program.
        api.closeMiniProgram(context)?.let {{ return "Closing the mini program failed: $it" }}
        api.launchMiniProgram(context)?.let {{ return "Relaunching the mini program failed: $it" }}
        return null
    }}
}}
'''


def kotlin_receiver(config: dict[str, Any] | None = None) -> str:
    """The receiver's Kotlin source; with a config, its JSON is added as a comment for reference."""
    initial = ""
    if config:
        from camtool.config.export import to_line_json

        initial = "//\n// The config exported with it (what `camtool apply` would send):\n//   " + to_line_json(config).strip()
    return _TEMPLATE.format(action=APPLY_ACTION, extra=CONFIG_EXTRA, applied=APPLIED_DATA,
                            applied_code=RESULT_APPLIED, refused_code=RESULT_REFUSED,
                            wmpf_missing=WMPF_MISSING_DATA, initial_config=initial)


def register_export_format() -> None:
    """Add "kotlin-receiver" to the config layer's export formats (idempotent)."""
    from camtool.config.export import register_format

    register_format(FORMAT_NAME, kotlin_receiver)
