"""System answers of a virtual device: `getprop`, `dumpsys package`, `pm`, `wm size`.

Both ends use these: the device from its scenario's `device` table, the WeChat phone from
`wechat_phone`. Formats are Android's: `getprop` prints `[key]: [value]` sorted by key;
`dumpsys package P` prints `versionName=` inside `Package [P]`, or "Unable to find package"
lines when P is not installed. Device output is never translated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

WMPF_PACKAGE = "com.tencent.wmpf"
WECHAT_PACKAGE = "com.tencent.mm"
_BASE_PACKAGES = ("android", "com.android.settings", "com.android.shell", "com.android.systemui")


@dataclass(frozen=True)
class SystemFacts:
    """What the system answers are made from (one end of the call)."""
    model: str
    product: str
    device: str
    manufacturer: str
    brand: str
    hardware: str
    platform: str
    android: str
    sdk: int
    serialno: str
    screen: tuple[int, int]
    packages: dict[str, str]        # installed package -> versionName


def properties(facts: SystemFacts) -> dict[str, str]:
    build_id = {26: "OPM1.171019.011", 27: "OPM8.190605.005", 28: "PQ3A.190801.002", 29: "QQ3A.200805.001",
                30: "RQ3A.211001.001", 31: "SQ1D.220205.004", 32: "SQ3A.220705.004",
                33: "TQ3A.230901.001", 34: "UQ1A.240205.004"}.get(facts.sdk, "NRD90M")
    props = {
        "dalvik.vm.heapsize": "512m",
        "persist.sys.timezone": "Asia/Shanghai",
        "ro.board.platform": facts.platform,
        "ro.build.fingerprint": f"{facts.brand}/{facts.product}/{facts.device}:{facts.android}/{build_id}/"
                                f"eng.20240601:user/release-keys",
        "ro.build.id": build_id,
        "ro.build.type": "user",
        "ro.build.version.release": facts.android,
        "ro.build.version.sdk": str(facts.sdk),
        "ro.debuggable": "0",
        "ro.hardware": facts.hardware,
        "ro.product.brand": facts.brand,
        "ro.product.cpu.abi": "arm64-v8a",
        "ro.product.device": facts.device,
        "ro.product.manufacturer": facts.manufacturer,
        "ro.product.model": facts.model,
        "ro.product.name": facts.product,
        "ro.secure": "1",
        "ro.serialno": facts.serialno,
        "ro.sf.lcd_density": "240",
        "sys.boot_completed": "1",
    }
    if facts.sdk >= 29:
        # Android 10+ repeats the product props per partition; a parser must use ro.product.model.
        props["ro.product.system.model"] = "mainline"
        props["ro.product.vendor.model"] = facts.model
    if facts.sdk >= 30:
        props["ro.build.version.release_or_codename"] = facts.android
    return dict(sorted(props.items()))


def getprop_all(facts: SystemFacts) -> str:
    return "".join(f"[{key}]: [{value}]\n" for key, value in properties(facts).items())


def getprop_one(facts: SystemFacts, key: str, default: str = "") -> str:
    return properties(facts).get(key, default) + "\n"


def _stable_hex(text: str, length: int = 7) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def _version_code(version: str) -> int:
    try:
        major, minor, patch = (int(p) for p in version.split(".")[:3])
    except ValueError:
        return 1
    return major * 1_000_000 + minor * 10_000 + patch * 100


def dumpsys_package(facts: SystemFacts, package: str) -> str:
    lines = ["Database versions:", "  Internal:", f"    sdkVersion={facts.sdk} databaseVersion=3",
             "    fingerprint=" + properties(facts)["ro.build.fingerprint"], "",
             "Verifiers:", "  Required: com.android.vending (uid=10055)", ""]
    version = facts.packages.get(package)
    if version is None:
        lines += ["Dexopt state:", f"  Unable to find package: {package}", "",
                  "Compiler stats:", f"  Unable to find package: {package}", ""]
        return "\n".join(lines)
    tag = _stable_hex(package)
    code_path = f"/data/app/~~{_stable_hex(package + 'a', 10)}==/{package}-{_stable_hex(package + 'b', 10)}=="
    lines += [
        "Key Set Manager:", f"  [{package}]", "      Signing KeySets: 57", "",
        "Packages:", f"  Package [{package}] ({tag}):", "    userId=10123",
        f"    pkg=Package{{{_stable_hex(package + 'p')} {package}}}", f"    codePath={code_path}",
        f"    resourcePath={code_path}", f"    legacyNativeLibraryDir={code_path}/lib",
        "    primaryCpuAbi=arm64-v8a", "    secondaryCpuAbi=null",
        f"    versionCode={_version_code(version)} minSdk=19 targetSdk=29",
        f"    versionName={version}", "    splits=[base]", "    apkSigningVersion=2",
        "    flags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]",
        "    timeStamp=2024-06-01 10:12:40", "    firstInstallTime=2024-06-01 10:12:41",
        "    lastUpdateTime=2024-06-01 10:12:41", "    installerPackageName=null",
        "    requested permissions:", "      android.permission.CAMERA", "      android.permission.RECORD_AUDIO",
        "      android.permission.INTERNET",
        "    install permissions:", "      android.permission.INTERNET: granted=true",
        "    User 0: ceDataInode=131079 installed=true hidden=false suspended=false stopped=false "
        "notLaunched=false enabled=0 instant=false virtual=false",
        "      runtime permissions:", "        android.permission.CAMERA: granted=true",
        "        android.permission.RECORD_AUDIO: granted=true", "",
        "Dexopt state:", f"  [{package}]", f"    path: {code_path}/base.apk",
        "      arm64: [status=speed-profile] [reason=bg-dexopt]", "",
        "Compiler stats:", f"  [{package}]", "     base.apk - 1042", ""]
    return "\n".join(lines)


def pm_list_packages(facts: SystemFacts, needle: str | None) -> str:
    names = sorted(set(_BASE_PACKAGES) | set(facts.packages))
    return "".join(f"package:{name}\n" for name in names if needle is None or needle in name)


def pm_path(facts: SystemFacts, package: str) -> str | None:
    if package not in facts.packages and package not in _BASE_PACKAGES:
        return None
    return f"package:/data/app/~~{_stable_hex(package + 'a', 10)}==/{package}-{_stable_hex(package + 'b', 10)}==/base.apk\n"


def wm_size(facts: SystemFacts) -> str:
    return f"Physical size: {facts.screen[0]}x{facts.screen[1]}\n"
