<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../actions.py" line="171"/>
        <source>checking...</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="175"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../actions.py" line="188"/>
        <location filename="../actions.py" line="192"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../actions.py" line="201"/>
        <source>About camtool</source>
        <translation>关于 camtool</translation>
    </message>
    <message>
        <location filename="../actions.py" line="202"/>
        <source>clockwise</source>
        <translation>顺时针</translation>
    </message>
    <message>
        <location filename="../actions.py" line="203"/>
        <source>counter-clockwise</source>
        <translation>逆时针</translation>
    </message>
    <message>
        <location filename="../actions.py" line="204"/>
        <source>a 180° turn</source>
        <translation>旋转 180°</translation>
    </message>
    <message>
        <location filename="../actions.py" line="205"/>
        <source>a top-to-bottom mirror</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <location filename="../actions.py" line="206"/>
        <source>camtool {version}: see, choose, check and export the camera keys of WMPF&apos;s InitGlobalConfig.</source>
        <translation>camtool {version}：查看、选择、检查并导出 WMPF InitGlobalConfig 的摄像头配置项。</translation>
    </message>
    <message>
        <location filename="../actions.py" line="209"/>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}，PySide6 {pyside}</translation>
    </message>
    <message>
        <location filename="../actions.py" line="210"/>
        <source>adb: {adb}</source>
        <translation>adb：{adb}</translation>
    </message>
    <message>
        <location filename="../actions.py" line="212"/>
        <source>WMPF assumptions (inferred, checked by the orientation check on real ends):</source>
        <translation>WMPF 假设（推断得出，由方向检查根据两端的实际画面验证）：</translation>
    </message>
    <message>
        <location filename="../actions.py" line="213"/>
        <source>• a rotation key turns the picture {direction}</source>
        <translation>• 旋转角度配置项按{direction}方向旋转画面</translation>
    </message>
    <message>
        <location filename="../actions.py" line="214"/>
        <source>• a push flip is {flip}</source>
        <translation>• 推流翻转即{flip}</translation>
    </message>
    <message>
        <location filename="../actions.py" line="215"/>
        <source>• rotation values are 0, 90, 180 and 270</source>
        <translation>• 旋转角度取值为 0、90、180、270</translation>
    </message>
    <message>
        <location filename="../actions.py" line="216"/>
        <source>• version gates (* = inferred from the client library&apos;s history): {gates}</source>
        <translation>• 版本要求（* = 根据客户端库的发布历史推断）：{gates}</translation>
    </message>
</context>
<context>
    <name>ApplyToDevice</name>
    <message>
        <location filename="../apply_action.py" line="68"/>
        <source>Choose a ready device in the device bar first.</source>
        <extracomment>ask(title, label, suggestion) -&gt; package or None (cancelled); tests pass a scripted one.</extracomment>
        <translation>请先在设备栏中选择一台就绪的设备。</translation>
    </message>
    <message>
        <location filename="../apply_action.py" line="71"/>
        <source>The config has an error; fix it first: {message}</source>
        <translation>配置有错误，请先修改：{message}</translation>
    </message>
    <message>
        <location filename="../apply_action.py" line="73"/>
        <source>An apply is still running.</source>
        <translation>上一次应用到设备还未完成。</translation>
    </message>
    <message>
        <location filename="../apply_action.py" line="82"/>
        <source>Apply to device</source>
        <translation>应用到设备</translation>
    </message>
    <message>
        <location filename="../apply_action.py" line="83"/>
        <source>Package of the app with camtool&apos;s receiver on {serial}:</source>
        <translation>{serial} 上带有 camtool 接收器的应用包名：</translation>
    </message>
</context>
<context>
    <name>CameraSourceBar</name>
    <message>
        <location filename="../camera_source_bar.py" line="89"/>
        <source>Type a camera id (as `camtool cameras` lists it).</source>
        <translation>请输入摄像头 ID（即 `camtool cameras` 列出的值）。</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="99"/>
        <source>Starting the camera (pushing the scrcpy server, asking for its version)...</source>
        <translation>正在启动摄像头（推送 scrcpy 服务端，查询其版本）……</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="100"/>
        <source>Showing camera {id} itself.</source>
        <translation>正在显示摄像头 {id} 本身的画面。</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="101"/>
        <source>Camera stopped.</source>
        <translation>摄像头已停止。</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="124"/>
        <source>Device end shows:</source>
        <translation>设备端显示：</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="125"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="126"/>
        <source>Camera (Android 12+)</source>
        <translation>摄像头（Android 12 及以上）</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="127"/>
        <source>Screen: what the device shows (the camera only while an app shows it). Camera: the camera module&apos;s own picture, through scrcpy&apos;s server file.</source>
        <translation>屏幕：设备显示的内容（只有应用显示摄像头时才能看到摄像头）。摄像头：摄像头模组本身的画面，通过 scrcpy 服务端文件获取。</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="129"/>
        <source>camera id</source>
        <translation>摄像头 ID</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="130"/>
        <source>largest size</source>
        <translation>最大尺寸</translation>
    </message>
    <message>
        <location filename="../camera_source_bar.py" line="131"/>
        <source>scrcpy server file (default: SCRCPY_SERVER_PATH or installed)</source>
        <translation>scrcpy 服务端文件（默认：SCRCPY_SERVER_PATH 或已安装的）</translation>
    </message>
</context>
<context>
    <name>CamerasPanel</name>
    <message>
        <location filename="../cameras_panel.py" line="97"/>
        <source>Reading the cameras of {serial}...</source>
        <translation>正在读取 {serial} 的摄像头…</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="174"/>
        <source>The cameras of {serial} could not be read: {error}</source>
        <translation>无法读取 {serial} 的摄像头：{error}</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="183"/>
        <source>No device chosen.</source>
        <translation>未选择设备。</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="187"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="188"/>
        <source>{model}, Android {android}, WMPF {wmpf}</source>
        <translation>{model}，Android {android}，WMPF {wmpf}</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="190"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="196"/>
        <source>unknown (the camera service could not be read)</source>
        <translation>未知（无法读取相机服务）</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="198"/>
        <source>unknown (dumpsys usb could not be read)</source>
        <translation>未知（无法读取 dumpsys usb）</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="207"/>
        <source>back</source>
        <translation>后置</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="207"/>
        <source>front</source>
        <translation>前置</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="207"/>
        <source>external</source>
        <translation>外接</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="210"/>
        <source>facing {facing}, sensor orientation {orientation}</source>
        <translation>{facing}，传感器方向 {orientation}</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="213"/>
        <source>USB behind external HAL</source>
        <translation>经外接摄像头 HAL 接入的 USB 摄像头</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="216"/>
        <source>Camera {id}</source>
        <translation>摄像头 {id}</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="218"/>
        <source>Selected with internalCameraName &quot;{id}&quot;.</source>
        <translation>用 internalCameraName &quot;{id}&quot; 选择。</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="224"/>
        <source>vendor 0x{vh} ({vd}), product 0x{ph} ({pd})</source>
        <translation>厂商 ID 0x{vh}（{vd}），产品 ID 0x{ph}（{pd}）</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="227"/>
        <source>vendor/product unknown</source>
        <translation>厂商 ID / 产品 ID 未知</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="228"/>
        <source>serial &quot;{serial}&quot;</source>
        <translation>序列号 &quot;{serial}&quot;</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="229"/>
        <source>serial none</source>
        <translation>无序列号</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="235"/>
        <source>Not a camera.</source>
        <translation>不是摄像头。</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="240"/>
        <source>by path only</source>
        <translation>只能按设备路径选择</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="245"/>
        <source>Selected by vendor id, product id and serial number (survives replugging).</source>
        <translation>按厂商 ID、产品 ID 和序列号选择（重新插拔后仍然有效）。</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="256"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="256"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="257"/>
        <source>Built-in cameras</source>
        <translation>内置摄像头</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="258"/>
        <source>USB devices</source>
        <translation>USB 设备</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="259"/>
        <source>&amp;Use this camera</source>
        <translation>使用此摄像头(&amp;U)</translation>
    </message>
    <message>
        <location filename="../cameras_panel.py" line="260"/>
        <source>Fill the selection form with the chosen camera (or double-click it).</source>
        <translation>用所选摄像头填写选择表单（或双击它）。</translation>
    </message>
</context>
<context>
    <name>DeviceBar</name>
    <message>
        <location filename="../device_bar.py" line="133"/>
        <source>adb gave no device list: {error}</source>
        <translation>adb 没有给出设备列表：{error}</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="144"/>
        <source>none (simulated)</source>
        <translation>无（模拟）</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="153"/>
        <location filename="../device_bar.py" line="158"/>
        <source>{serial}: not attached, waiting for it</source>
        <translation>{serial}：未连接，正在等待</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="168"/>
        <source>virtual</source>
        <translation>虚拟</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="171"/>
        <source>{name} ({serial}): {state}</source>
        <translation>{name}（{serial}）：{state}</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="193"/>
        <source>{serial} is not attached now; camtool waits for it.</source>
        <translation>{serial} 当前未连接；camtool 正在等待它。</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="196"/>
        <source>No device attached: connect one with USB debugging on, then press F5.</source>
        <translation>没有连接设备：请连接一台已打开 USB 调试的设备，然后按 F5。</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="200"/>
        <source>{state}: {action}</source>
        <translation>{state}：{action}</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="205"/>
        <source>&amp;Device end:</source>
        <translation>设备端(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="206"/>
        <source>&amp;WeChat end:</source>
        <translation>微信端(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="207"/>
        <source>The device whose camera is configured (press F5 to look again).</source>
        <translation>要配置摄像头的设备（按 F5 重新查找）。</translation>
    </message>
    <message>
        <location filename="../device_bar.py" line="208"/>
        <source>The phone that receives the call: a second phone, the virtual WeChat phone, or none (that end is simulated).</source>
        <translation>接听通话的手机：另一部手机、虚拟微信手机，或无（该端为模拟画面）。</translation>
    </message>
</context>
<context>
    <name>DeviceRunsPicker</name>
    <message>
        <location filename="../device_picture.py" line="182"/>
        <source>what camtool applied</source>
        <translation>camtool 应用的配置</translation>
    </message>
    <message>
        <location filename="../device_picture.py" line="183"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../device_picture.py" line="185"/>
        <source>the open profile ({sku})</source>
        <translation>当前打开的配置档案（{sku}）</translation>
    </message>
    <message>
        <location filename="../device_picture.py" line="201"/>
        <source>Device &amp;runs:</source>
        <translation>设备当前配置(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../device_picture.py" line="203"/>
        <source>The config the device end runs now. Its screen shows the camera through it; camtool undoes it to get the camera&apos;s own picture for the simulated ends. What camtool applied is known; otherwise pick the profile the device was set up with.</source>
        <translation>设备当前运行的配置。设备屏幕上的摄像头画面已经过这份配置处理；camtool 撤销它的效果，得到摄像头本身的画面，再用来模拟两端。camtool 自己应用过的配置无需选择；否则请选择设备调试时所用的配置档案。</translation>
    </message>
</context>
<context>
    <name>DeviceSide</name>
    <message>
        <location filename="../device_side.py" line="46"/>
        <location filename="../device_side.py" line="150"/>
        <source>Apply to device</source>
        <translation>应用到设备</translation>
    </message>
    <message>
        <location filename="../device_side.py" line="126"/>
        <source>{serial} was lost: {detail}</source>
        <translation>{serial} 连接中断：{detail}</translation>
    </message>
    <message>
        <location filename="../device_side.py" line="129"/>
        <source>{serial} is live.</source>
        <translation>{serial} 已实时显示。</translation>
    </message>
    <message>
        <location filename="../device_side.py" line="135"/>
        <source>Virtual device {serial} ({scenario}) started.</source>
        <translation>虚拟设备 {serial}（{scenario}）已启动。</translation>
    </message>
    <message>
        <location filename="../device_side.py" line="147"/>
        <source>The device applied the config: {answer}</source>
        <translation>设备已应用配置：{answer}</translation>
    </message>
    <message>
        <location filename="../device_side.py" line="151"/>
        <source>The device did not apply the config: {answer}</source>
        <translation>设备未应用配置：{answer}</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../dialogs.py" line="143"/>
        <source>Diff: {a} / {b}</source>
        <translation>差异：{a} / {b}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="145"/>
        <source>Key</source>
        <translation>配置项</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="155"/>
        <source>The two profiles have the same config.</source>
        <translation>两个配置档案的配置相同。</translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <location filename="../end_view.py" line="191"/>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../end_view.py" line="191"/>
        <source>SIMULATED</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../end_view.py" line="197"/>
        <location filename="../end_view.py" line="230"/>
        <source>up</source>
        <translation>上</translation>
    </message>
</context>
<context>
    <name>EndsPanel</name>
    <message>
        <location filename="../ends_panel.py" line="338"/>
        <source>The simulated picture could not be drawn: {error}</source>
        <translation>无法绘制模拟画面：{error}</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="364"/>
        <location filename="../ends_panel.py" line="365"/>
        <source>Turns the camera&apos;s picture by {turn}</source>
        <translation>摄像头画面旋转 {turn}</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="376"/>
        <source>Device end (preview)</source>
        <translation>设备端（预览画面）</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="377"/>
        <source>WeChat end (push)</source>
        <translation>微信端（推流画面）</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="280"/>
        <location filename="../ends_panel.py" line="378"/>
        <source>Device end</source>
        <translation>设备端</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="280"/>
        <location filename="../ends_panel.py" line="379"/>
        <source>WeChat end</source>
        <translation>微信端</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="287"/>
        <source>{end}: {fps:.1f} frames/s</source>
        <translation>{end}：{fps:.1f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="289"/>
        <source>{end}: {fps:.1f} frames/s, {latency:.0f} ms latency</source>
        <translation>{end}：{fps:.1f} 帧/秒，延迟 {latency:.0f} 毫秒</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="362"/>
        <source>Live: the device&apos;s own screen, with the config it runs now (not the form&apos;s)</source>
        <translation>实时：设备自身的屏幕，使用设备当前运行的配置（不是表单中的配置）</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="368"/>
        <source>Assumed: the push shows the camera as the preview does (attach the WeChat end&apos;s phone to see its own picture).</source>
        <translation>假设：推流画面显示摄像头的方式与预览画面相同（连接微信端手机即可看到它自己的画面）。</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="380"/>
        <source>Simulated camera &amp;mounted turned by:</source>
        <translation>模拟摄像头安装方向(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="382"/>
        <source>How the virtual camera is mounted: the clockwise turn of the picture it produces. Try the mounting of your device to see what the config does to it.</source>
        <translation>虚拟摄像头的安装方式：它拍出的画面按顺时针转过的角度。选择与你设备相同的安装方向，即可看到配置对画面的效果。</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="384"/>
        <source>mirrored</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="385"/>
        <source>&amp;Push path adds:</source>
        <translation>推流路径附加(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="387"/>
        <source>What the virtual camera&apos;s push path adds before any key: on many devices the pushed stream is turned while the preview is upright (WMPF FAQ, first case).</source>
        <translation>虚拟摄像头的推流路径在任何配置项生效前附加的旋转：许多设备的预览画面方向正确，推流画面却是转过的（WMPF FAQ 第一种情况）。</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="389"/>
        <source>Simulated from the device&apos;s picture</source>
        <translation>根据设备的画面模拟</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="391"/>
        <source>Simulated from the device end&apos;s own camera picture (its screen, with the config it runs undone).</source>
        <translation>根据设备端摄像头本身的画面模拟（取设备屏幕画面，再撤销设备当前配置的效果）。</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="392"/>
        <source>Live device</source>
        <translation>实时设备</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="393"/>
        <source>Show the device&apos;s own screens</source>
        <translation>显示设备自身的屏幕</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="394"/>
        <source>No device layer yet: both ends are simulated.</source>
        <translation>尚未接入设备层：两端均为模拟画面。</translation>
    </message>
    <message>
        <location filename="../ends_panel.py" line="396"/>
        <source>Live: what the devices show now. Simulated: what the config in the form would show.</source>
        <translation>实时：设备当前显示的画面。模拟：表单中的配置将呈现的画面。</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../export_panel.py" line="87"/>
        <source>Export is disabled while the config has an error: {code} {message}</source>
        <extracomment>Tab order and the `camtool export --to` value of each tab.</extracomment>
        <translation>配置存在错误，无法导出：{code} {message}</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="127"/>
        <source>Export not saved</source>
        <translation>导出未保存</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="128"/>
        <source>Could not write {path}: {error}. Choose a folder you can write to.</source>
        <translation>无法写入 {path}：{error}。请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="144"/>
        <source>Config not opened</source>
        <translation>配置未打开</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="145"/>
        <source>{path} could not be read as a config:
{details}</source>
        <translation>{path} 无法作为配置读取：
{details}</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="171"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="171"/>
        <source>One line</source>
        <translation>单行</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="171"/>
        <source>Kotlin</source>
        <translation>Kotlin</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="172"/>
        <source>Java</source>
        <translation>Java</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="175"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="176"/>
        <source>Save &amp;as...</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="177"/>
        <source>&amp;Import...</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../export_panel.py" line="179"/>
        <source>Open a .json, .kt or .java config (or drop one here); keys other than the camera keys are kept.</source>
        <translation>打开 .json、.kt 或 .java 配置（或拖放到此处）；摄像头以外的配置项会保留。</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../findings_panel.py" line="74"/>
        <source>Remove {key} from the config</source>
        <extracomment>Item data role holding the finding&apos;s keys (for focusing the field).</extracomment>
        <translation>从配置中删除 {key}</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="99"/>
        <source>No findings: the config is consistent.</source>
        <translation>没有检查结果：配置一致。</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="101"/>
        <source>{errors} error(s), {warnings} warning(s), {infos} note(s)</source>
        <translation>{errors} 个错误，{warnings} 个警告，{infos} 个提示</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="104"/>
        <source>with the cameras of {serial}</source>
        <translation>已对照 {serial} 的摄像头</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="122"/>
        <source>Remove:</source>
        <translation>删除：</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="126"/>
        <source>Remove {key}</source>
        <translation>删除 {key}</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="127"/>
        <source>{key} is not on the form for the selected camera ({codes}): remove it from the config.</source>
        <translation>所选摄像头的表单中没有 {key}（{codes}）：把它从配置中删除。</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="137"/>
        <source>Fix: {fix}</source>
        <translation>修改建议：{fix}</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="144"/>
        <source>Right-click to remove one of its keys from the config.</source>
        <translation>右键单击可从配置中删除其中的配置项。</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="149"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="149"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="150"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>LiveEndFeed</name>
    <message>
        <location filename="../live_device.py" line="175"/>
        <source>{serial} is not answering: {detail}
Waiting for it to come back...</source>
        <translation>{serial} 没有响应：{detail}
正在等待设备恢复…</translation>
    </message>
    <message>
        <location filename="../live_device.py" line="178"/>
        <source>Connecting to {serial}...</source>
        <translation>正在连接 {serial}…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>Imported {path}</source>
        <extracomment>Device findings that mean the device has no (single) camera for the selection: a simulated picture of that camera would show something the device cannot. Splitter sizes before the technician has moved them, for 1366x768: where the config comes from on the left (profiles, the device&apos;s cameras), the form down to its push flip and at least three findings in the middle, both ends and the export on the right (tests/gui/test_gui_layout.py checks it in both languages).</extracomment>
        <translation>已导入 {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132"/>
        <source>Export saved to {path}</source>
        <translation>导出已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>{key} is not on the form for the selected camera: remove it or switch the camera kind.</source>
        <translation>{key} 不属于当前所选摄像头的表单：请删除该配置项或切换摄像头类型。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202"/>
        <source>{serial} has more than one camera for this selection: which one WMPF opens is not known, so this picture may not be what the device shows.
{code}: {message}</source>
        <translation>{serial} 上有不止一个摄像头符合这个选择：不知道 WMPF 会打开哪一个，所以这个画面可能与设备显示的不同。
{code}：{message}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>{serial} has no camera for this selection, so this end would show no camera picture.
{code}: {message}</source>
        <translation>{serial} 上没有符合这个选择的摄像头，这一端将不会显示摄像头画面。
{code}：{message}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>No device layer attached yet: both ends are simulated from a virtual camera, for the config in the form.</source>
        <translation>尚未接入设备层：两端画面均由虚拟摄像头按表单中的配置模拟生成。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>camtool {version} · Qt {qt}</source>
        <translation>camtool {version} · Qt {qt}</translation>
    </message>
</context>
<context>
    <name>OrientationCheck</name>
    <message>
        <location filename="../orientation_check.py" line="160"/>
        <source>Put into the form and sent to the device: check again when the device shows the new picture.</source>
        <extracomment>How long a check waits for the simulated ends to show the newest config before it takes what is on screen anyway (a render takes a few milliseconds; a failed one never shows).</extracomment>
        <translation>已填入表单并发送到设备：设备显示新画面后请再检查一次。</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="166"/>
        <source>Put into the form: apply it to the device, then check again.</source>
        <translation>已填入表单：请应用到设备，然后再检查一次。</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="228"/>
        <source>Judged against the config the device runs, as &quot;Device runs&quot; says: {runs}.</source>
        <translation>对照设备当前运行的配置（“设备当前配置”：{runs}）进行判断。</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="265"/>
        <source>Check &amp;orientation</source>
        <translation>检查方向(&amp;O)</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="266"/>
        <source>Detect the printed chart on both ends and say whether each is upright</source>
        <translation>在两端识别打印的图卡，并说明每一端是否方向正确</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="268"/>
        <source>Orientation check</source>
        <translation>方向检查</translation>
    </message>
    <message>
        <location filename="../orientation_check.py" line="269"/>
        <source>Show orientation check panel</source>
        <translation>显示方向检查面板</translation>
    </message>
</context>
<context>
    <name>OrientationPanel</name>
    <message>
        <location filename="../orientation_panel.py" line="33"/>
        <source>not captured</source>
        <translation>未采集到</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="35"/>
        <source>no chart visible</source>
        <translation>看不到图卡</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="37"/>
        <source>upright</source>
        <translation>方向正确</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="39"/>
        <source>upright, but mirrored</source>
        <translation>方向正确，但是镜像</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="41"/>
        <source>turned {rotation}° clockwise and mirrored</source>
        <translation>顺时针转了 {rotation}°，并且是镜像</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="43"/>
        <source>turned {rotation}° clockwise (needs {turn}° clockwise)</source>
        <translation>顺时针转了 {rotation}°（需要再顺时针转 {turn}°）</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="274"/>
        <source>Device end</source>
        <translation>设备端</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="274"/>
        <source>WeChat end</source>
        <translation>微信端</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="278"/>
        <source>{end}: {message}</source>
        <translation>{end}：{message}</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="289"/>
        <source>Checking orientation...</source>
        <translation>正在检查方向…</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="291"/>
        <source>The check could not run: {error}</source>
        <translation>无法检查：{error}</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="293"/>
        <source>Not checked yet: hold the printed chart (camtool chart) in front of the camera and press Check orientation.</source>
        <translation>尚未检查：把打印的图卡（camtool chart）举在摄像头前，然后点击“检查方向”。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="296"/>
        <source>PASS: both ends are upright and not mirrored.</source>
        <translation>通过：两端方向都正确，且不是镜像。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="298"/>
        <source>FAIL: at least one end is not upright, or is mirrored.</source>
        <translation>未通过：至少有一端方向不正确，或者是镜像。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="300"/>
        <source>Simulation (not a device): {verdict}</source>
        <translation>模拟结果（并非设备）：{verdict}</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="308"/>
        <source>Recommended keys: {changes}</source>
        <translation>建议的配置项：{changes}</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="311"/>
        <source>No key to change: the config is the best InitGlobalConfig can do.</source>
        <translation>没有要修改的配置项：InitGlobalConfig 已经做不到更好。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="318"/>
        <source>The recommended config still has an error: see the explanations.</source>
        <translation>建议的配置仍有错误：请看说明。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="320"/>
        <source>Put the recommended keys into the form (an unsaved change; save the profile to keep it).</source>
        <translation>把建议的配置项填入表单（未保存的修改；保存配置档案才会保留）。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="324"/>
        <source>Device end (preview):</source>
        <translation>设备端（预览画面）：</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="325"/>
        <source>WeChat end (push):</source>
        <translation>微信端（推流画面）：</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="326"/>
        <source>Check orientation</source>
        <translation>检查方向</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="327"/>
        <source>Detect the chart on both ends as they are shown now (Ctrl+K).</source>
        <translation>在两端当前显示的画面中识别图卡（Ctrl+K）。</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="328"/>
        <source>Apply recommendation</source>
        <translation>应用建议</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="329"/>
        <source>also apply to the device</source>
        <translation>同时应用到设备</translation>
    </message>
    <message>
        <location filename="../orientation_panel.py" line="330"/>
        <source>Send the recommended config to the device after putting it into the form, as Device &gt; Apply to device does.</source>
        <translation>填入表单后把建议的配置发送到设备，与“设备 &gt; 应用到设备”相同。</translation>
    </message>
</context>
<context>
    <name>ProfilesSidebar</name>
    <message>
        <location filename="../profiles_sidebar.py" line="143"/>
        <source>No profiles in {folder} yet. The examples shipped with camtool are listed below: open one (as an unsaved copy), or copy them all into the library.</source>
        <translation>{folder} 中还没有配置档案。下面列出了 camtool 自带的示例：可以打开其中一个（作为未保存的副本），或把它们全部复制到配置档案库中。</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="146"/>
        <source>{sku}  (example)</source>
        <translation>{sku}  （示例）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="149"/>
        <source>An example shipped with camtool: opens as an unsaved copy.</source>
        <translation>camtool 自带的示例：打开后为未保存的副本。</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="155"/>
        <source>{sku}  (cannot be read)</source>
        <translation>{sku}（无法读取）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="161"/>
        <source>{sku}  (extends {parent})</source>
        <translation>{sku}（继承 {parent}）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="169"/>
        <source>both ends upright</source>
        <translation>两端方向正确</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="169"/>
        <source>not upright</source>
        <translation>方向不正确</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="171"/>
        <source>{count} verification record(s); latest: {verdict} ({date})</source>
        <translation>{count} 条验证记录；最近一次：{verdict}（{date}）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="187"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="204"/>
        <location filename="../profiles_sidebar.py" line="239"/>
        <source>Profile not opened</source>
        <translation>配置档案未打开</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="206"/>
        <source>{sku} (example)</source>
        <translation>{sku}（示例）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="222"/>
        <source>Examples not copied</source>
        <translation>示例未复制</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="240"/>
        <source>The profile &quot;{sku}&quot; could not be opened:
{details}</source>
        <translation>无法打开配置档案“{sku}”：
{details}</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="255"/>
        <location filename="../profiles_sidebar.py" line="262"/>
        <location filename="../profiles_sidebar.py" line="265"/>
        <location filename="../profiles_sidebar.py" line="322"/>
        <location filename="../profiles_sidebar.py" line="333"/>
        <source>Profile not saved</source>
        <translation>配置档案未保存</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="258"/>
        <source>Save profile as</source>
        <translation>配置档案另存为</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="266"/>
        <location filename="../profiles_sidebar.py" line="281"/>
        <source>A profile named &quot;{sku}&quot; exists already. Choose another name, or open it and save.</source>
        <translation>名为“{sku}”的配置档案已存在。请换一个名称，或打开该档案后再保存。</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="272"/>
        <source>Duplicate profile</source>
        <translation>创建配置档案副本</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="276"/>
        <location filename="../profiles_sidebar.py" line="286"/>
        <source>Profile not duplicated</source>
        <translation>未创建配置档案副本</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="297"/>
        <source>Profile not deleted</source>
        <translation>配置档案未删除</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="364"/>
        <source>Profiles (one per SKU)</source>
        <translation>配置档案（每个 SKU 一个）</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="365"/>
        <source>Search profiles</source>
        <translation>搜索配置档案</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="366"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="366"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="366"/>
        <source>Save as...</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="367"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="367"/>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="367"/>
        <source>Diff two</source>
        <translation>比较两个</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="370"/>
        <source>Select two profiles to compare their configs.</source>
        <translation>选择两个配置档案，比较它们的配置。</translation>
    </message>
    <message>
        <location filename="../profiles_sidebar.py" line="371"/>
        <source>Copy the examples into the library</source>
        <translation>把示例复制到配置档案库</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../dialogs.py" line="36"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="37"/>
        <source>The config &quot;{name}&quot; has unsaved changes. Save them first?</source>
        <translation>配置“{name}”有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="50"/>
        <source>Delete profile</source>
        <translation>删除配置档案</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="51"/>
        <source>Delete the profile &quot;{sku}&quot; from the library? This cannot be undone.</source>
        <translation>从档案库中删除配置档案“{sku}”？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="84"/>
        <source>&quot;{sku}&quot; cannot name a profile: {rule}.</source>
        <translation>&quot;{sku}&quot; 不能用作配置档案名称：{rule}。</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="60"/>
        <source>Open a config</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="61"/>
        <source>Configs (*.json *.kt *.java);;All files (*)</source>
        <translation>配置文件 (*.json *.kt *.java);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65"/>
        <source>Save the export as</source>
        <translation>导出另存为</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69"/>
        <source>Choose the profile library folder</source>
        <translation>选择配置档案库文件夹</translation>
    </message>
</context>
<context>
    <name>RecordBothEnds</name>
    <message>
        <location filename="../record_action.py" line="92"/>
        <source>Device end</source>
        <translation>设备端</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="93"/>
        <source>WeChat end</source>
        <translation>微信端</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="141"/>
        <location filename="../record_action.py" line="148"/>
        <source>The clip was discarded.</source>
        <translation>已丢弃该视频片段。</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="143"/>
        <source>Nothing was recorded: {reason}</source>
        <translation>没有录到任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="143"/>
        <source>no picture</source>
        <translation>没有画面</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="144"/>
        <location filename="../record_action.py" line="157"/>
        <source>Record both ends</source>
        <translation>录制两端画面</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="152"/>
        <source>Clip of {seconds} s saved to {path}</source>
        <translation>{seconds} 秒的视频片段已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="155"/>
        <source>The clip could not be saved to {path}: {reason}</source>
        <translation>无法将视频片段保存到 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="173"/>
        <source>● Recording both ends: {seconds} s ({shortcut} stops)</source>
        <translation>● 正在录制两端画面：{seconds} 秒（按 {shortcut} 停止）</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="184"/>
        <source>{end} (simulated)</source>
        <translation>{end}（模拟）</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="187"/>
        <source>Save the clip as</source>
        <translation>视频片段另存为</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="188"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="197"/>
        <source>&amp;Record</source>
        <translation>录制(&amp;R)</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="200"/>
        <source>&amp;Stop recording</source>
        <translation>停止录制(&amp;S)</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="200"/>
        <source>Re&amp;cord both ends</source>
        <translation>录制两端画面(&amp;C)</translation>
    </message>
    <message>
        <location filename="../record_action.py" line="201"/>
        <source>Record what both ends show into an MP4 clip; you choose the file at the end</source>
        <translation>将两端显示的画面录制为 MP4 视频片段；结束时再选择保存位置</translation>
    </message>
</context>
<context>
    <name>SelectionForm</name>
    <message>
        <location filename="../selection_form.py" line="207"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="208"/>
        <source>Remove {key} from the config.</source>
        <translation>从配置中删除 {key}。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="230"/>
        <source>Not a version: type it as MAJOR.MINOR.PATCH, e.g. 2.1.0. Version gates are not checked meanwhile.</source>
        <translation>不是有效的版本号：请按 主版本.次版本.修订号 输入，例如 2.1.0。在此之前不检查版本要求。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="236"/>
        <source>WMPF &amp;version of the device:</source>
        <translation>设备的 WMPF 版本(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="237"/>
        <source>unknown (e.g. 2.1.0)</source>
        <translation>未知（例如 2.1.0）</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="239"/>
        <source>The WMPF version decides which keys take effect (the version gates). Leave it empty when unknown: the gates are then not checked.</source>
        <translation>WMPF 版本决定哪些配置项生效（版本要求）。未知时请留空：此时不检查版本要求。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="241"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="242"/>
        <source>Other camera keys</source>
        <translation>其他摄像头配置项</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="243"/>
        <source>Camera keys in this config that this camera choice does not use: WMPF ignores them (or they clash with the choice).</source>
        <translation>配置中当前摄像头选择不使用的摄像头配置项：WMPF 会忽略它们（或它们与所选方式冲突）。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="245"/>
        <source>Built-in camera by id (internalCameraName)</source>
        <translation>按 ID 选择内置摄像头（internalCameraName）</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="246"/>
        <source>Built-in camera by number (legacy cameraId)</source>
        <translation>按编号选择内置摄像头（旧版 cameraId）</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="247"/>
        <source>USB camera by path (usbCameraName)</source>
        <translation>按设备路径选择 USB 摄像头（usbCameraName）</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="248"/>
        <source>USB camera by vendor id, product id and serial</source>
        <translation>按厂商 ID、产品 ID 和序列号选择 USB 摄像头</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="250"/>
        <source>The path changes on every replug or reboot; the triple stays, if the camera reports a serial number.</source>
        <translation>设备路径在每次重新插拔或重启后都会变化；三元组保持不变，但前提是摄像头报告序列号。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="252"/>
        <source>The path changes when the camera is replugged or the device reboots. The vendor/product/serial triple stays stable, but only for a camera that reports a serial number; many cheap cameras do not.</source>
        <translation>摄像头重新插拔或设备重启后，设备路径会变化。厂商 ID/产品 ID/序列号三元组保持稳定，但仅适用于能报告序列号的摄像头；许多廉价摄像头没有序列号。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="258"/>
        <location filename="../selection_form.py" line="259"/>
        <source>decimal, or hex as 0x0bda</source>
        <translation>十进制，或十六进制如 0x0bda</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="275"/>
        <source>A USB camera is selected, so the built-in camera&apos;s keys (cameraRotationAngle, cameraPushFlip) are not offered: WMPF ignores them for a USB camera. The rotation turns both ends; the flip only the WeChat end.</source>
        <translation>已选择 USB 摄像头，因此不提供内置摄像头的配置项（cameraRotationAngle、cameraPushFlip）：使用 USB 摄像头时 WMPF 会忽略它们。旋转角度同时作用于两端；翻转只作用于微信端。</translation>
    </message>
    <message>
        <location filename="../selection_form.py" line="280"/>
        <source>A built-in camera is selected, so the USB keys (usbCameraRotationAngle, usbCameraPushFlip) are not offered: WMPF ignores them for a built-in camera. Rotation and flip turn only the WeChat end; the device preview of a built-in camera cannot be rotated by any key.</source>
        <translation>已选择内置摄像头，因此不提供 USB 配置项（usbCameraRotationAngle、usbCameraPushFlip）：使用内置摄像头时 WMPF 会忽略它们。旋转角度和翻转只作用于微信端；内置摄像头的设备端预览画面无法通过任何配置项旋转。</translation>
    </message>
</context>
<context>
    <name>SkuDialog</name>
    <message>
        <location filename="../dialogs.py" line="98"/>
        <source>Profile name (SKU):</source>
        <translation>配置档案名称（SKU）：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="104"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (no spaces), e.g. IC-3588-v2.</source>
        <translation>可用字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;（不能有空格），例如 IC-3588-v2。</translation>
    </message>
</context>
<context>
    <name>Smoke</name>
    <message>
        <location filename="../app.py" line="179"/>
        <source>camtool gui smoke: window shown after {shown} ms, first frame of both ends after {frames} ms (live, virtual device).</source>
        <translation>camtool 窗口冒烟测试：{shown} 毫秒后显示窗口，{frames} 毫秒后两端都显示了第一帧（实时，虚拟设备）。</translation>
    </message>
    <message>
        <location filename="../app.py" line="184"/>
        <source>camtool gui smoke: window shown after {shown} ms, first frame of both ends after {frames} ms (simulated ends).</source>
        <translation>camtool gui 冒烟测试：窗口在 {shown} 毫秒后显示，两端首帧在 {frames} 毫秒后显示（模拟画面）。</translation>
    </message>
    <message>
        <location filename="../app.py" line="188"/>
        <source>camtool gui smoke: no frame of both ends within {seconds} s.</source>
        <translation>camtool gui 冒烟测试：{seconds} 秒内未收到两端的画面。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app.py" line="56"/>
        <source>camtool cannot open its window: Qt&apos;s X11 (xcb) platform plugin needs system libraries that are not installed: {libraries}.</source>
        <translation>camtool 无法打开窗口：Qt 的 X11（xcb）平台插件需要以下系统库，但它们没有安装：{libraries}。</translation>
    </message>
    <message>
        <location filename="../app.py" line="60"/>
        <source>Install them, then run camtool again:</source>
        <translation>请安装后重新运行 camtool：</translation>
    </message>
    <message>
        <location filename="../app.py" line="62"/>
        <source>  Debian/Ubuntu: {command}</source>
        <translation>  Debian/Ubuntu：{command}</translation>
    </message>
    <message>
        <location filename="../app.py" line="65"/>
        <source>  Fedora: {command}</source>
        <translation>  Fedora：{command}</translation>
    </message>
    <message>
        <location filename="../app.py" line="68"/>
        <source>Install the package that provides {libraries} on your system.</source>
        <translation>请安装系统中提供 {libraries} 的软件包。</translation>
    </message>
    <message>
        <location filename="../app.py" line="71"/>
        <source>The command line works without them: {command} --help</source>
        <translation>命令行不需要这些库：{command} --help</translation>
    </message>
    <message>
        <location filename="../app.py" line="89"/>
        <source>camtool found no display to open its window on. Run it in a desktop session, or use the command line: {command} --help</source>
        <translation>camtool 找不到可以打开窗口的显示器。请在桌面会话中运行，或使用命令行：{command} --help</translation>
    </message>
</context>
<context>
    <name>UpOverlay</name>
    <message>
        <location filename="../orientation_panel.py" line="136"/>
        <source>top</source>
        <translation>顶部</translation>
    </message>
</context>
<context>
    <name>VirtualBanner</name>
    <message>
        <location filename="../virtual_host.py" line="191"/>
        <source>Virtual device: no phone attached. Starting the virtual device ({scenario})...</source>
        <translation>虚拟设备：未连接手机。正在启动虚拟设备（{scenario}）…</translation>
    </message>
    <message>
        <location filename="../virtual_host.py" line="194"/>
        <source>Virtual device: no phone attached, and the virtual device could not start: {reason} Both ends are simulated.</source>
        <translation>虚拟设备：未连接手机，且虚拟设备无法启动：{reason} 两端均为模拟画面。</translation>
    </message>
    <message>
        <location filename="../virtual_host.py" line="197"/>
        <source>Virtual device: no phone attached. camtool runs a virtual device; pick another scenario on the right, or attach a phone and press F5.</source>
        <translation>虚拟设备：未连接手机。camtool 正在运行虚拟设备；可在右侧选择其他场景，或连接手机后按 F5。</translation>
    </message>
    <message>
        <location filename="../virtual_host.py" line="200"/>
        <source>&amp;Scenario:</source>
        <translation>场景(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../virtual_host.py" line="201"/>
        <source>Switching restarts the virtual device with that scenario.</source>
        <translation>切换场景会用该场景重新启动虚拟设备。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../actions.py" line="114"/>
        <source>&amp;File</source>
        <extracomment>name -&gt; shortcut. Order inside each menu is the order below.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="114"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="114"/>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="115"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="115"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="119"/>
        <source>&amp;New config</source>
        <translation>新建配置(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="120"/>
        <source>&amp;Open config...</source>
        <translation>打开配置(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="121"/>
        <source>&amp;Save profile</source>
        <translation>保存配置档案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="122"/>
        <source>Save profile &amp;as...</source>
        <translation>配置档案另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="123"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="124"/>
        <source>Choose profile &amp;library...</source>
        <translation>选择配置档案库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="125"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="126"/>
        <source>Rotate +90°</source>
        <translation>旋转 +90°</translation>
    </message>
    <message>
        <location filename="../actions.py" line="127"/>
        <source>Rotate -90°</source>
        <translation>旋转 -90°</translation>
    </message>
    <message>
        <location filename="../actions.py" line="128"/>
        <source>Toggle push &amp;flip</source>
        <translation>切换推流翻转(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="129"/>
        <source>&amp;Refresh devices</source>
        <translation>刷新设备(&amp;R)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="130"/>
        <source>&amp;Apply to device</source>
        <translation>应用到设备(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="131"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="132"/>
        <source>&amp;About camtool</source>
        <translation>关于 camtool(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="136"/>
        <location filename="../actions.py" line="137"/>
        <source>Needs the device layer, which is not attached yet.</source>
        <translation>需要设备层，但尚未接入。</translation>
    </message>
</context>
</TS>
