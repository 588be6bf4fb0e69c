# Replaces PyInstaller's own hook for PySide6.QtGui (hooks given in the spec's hookspath win):
# the same collection, minus Qt plugins a desktop planning app never loads. Dropping them
# here, before PyInstaller follows shared-library dependencies, also keeps out what only they
# link to (GTK, cairo and pango for the GTK theme plugin; the EGLFS/KMS libraries).
#
# Kept: platforms xcb (X11 and XWayland), wayland, offscreen (--smoke, CI) and minimal;
# the X11 and Wayland integration plugins; input methods (compose, ibus); the xdg desktop
# portal theme; SVG icons; ico, jpeg, gif and svg images (PNG is built into QtGui).
import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

DROP_PLUGIN_DIRS = {"egldeviceintegrations", "generic"}
# By file name without "lib" and extension, so the same lists hold for Windows' .dll names.
DROP_PLUGINS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc"},
    "platformthemes": {"qgtk3"},
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},
    "imageformats": {"qicns", "qpdf", "qtga", "qtiff", "qwbmp", "qwebp"},
}


def _keep(src: str) -> bool:
    folder = os.path.basename(os.path.dirname(src))
    stem = os.path.basename(src).split(".")[0].removeprefix("lib")
    return folder not in DROP_PLUGIN_DIRS and stem not in DROP_PLUGINS.get(folder, set())


binaries = [(src, dest) for src, dest in binaries if _keep(src)]
