#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against what the project promises.

    check-manifest.py [--source-root DIR] MANIFEST
    check-manifest.py --self-test [--source-root DIR] MANIFEST

The first form checks MANIFEST: the GNOME 50 runtime and SDK, the command,
exactly the agreed sandbox holes, pinned sources for every module but the
app, the app built from this tree with its tests, cmark 0.31.1 built without
its tests, and that every dependency('…') in the meson files is in the
runtime, built by a module, or switched off by the app's config-opts (an
optional one, such as -Dpoppler=disabled). It prints each check and exits 1 when any
failed.

--self-test shows that those checks can fail: it runs the first form on an
unchanged copy of MANIFEST (must pass) and on broken copies (an extra
finish-arg; cmark's sha256 removed; -Dpoppler=disabled removed), each of
which must fail for that
reason.

Only the Python standard library is used, so that it runs anywhere meson
does, the Flatpak SDK included.
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

APP_ID = 'io.nats.ConnectLive'
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
RUNTIME_VERSION = '50'
COMMAND = 'connect-live'

# What the app may do outside its sandbox, and nothing more: no file system
# access, no D-Bus names beyond the portals (which need no hole).
FINISH_ARGS = [
    '--share=network',      # fetch slides and videos
    '--share=ipc',          # X11 shared memory, with fallback-x11
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',         # GPU rendering for GTK and WebKit
    '--socket=pulseaudio',  # sound of the talk videos
]

CMARK_URL = 'https://github.com/commonmark/cmark/archive/0.31.1.tar.gz'
CMARK_SHA256 = '3da93db5469c30588cfeb283d9d62edfc6ded9eb0edc10a4f5bbfb7d722ea802'
# cmark 0.31 replaced these with the standard BUILD_TESTING and
# BUILD_SHARED_LIBS; passing them only earns a warning and does nothing.
CMARK_OLD_OPTIONS = ('CMARK_TESTS', 'CMARK_SHARED', 'CMARK_STATIC')

# pkg-config names that the GNOME runtime (org.gnome.Platform and its SDK)
# provides, as of GNOME 50: the GNOME libraries on top of the freedesktop
# SDK 25.08 base. Only the part of the list an app like this one could ask
# for; add a name here only after checking it is in the runtime.
RUNTIME_PKG_CONFIG = {
    # GLib
    'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gmodule-2.0',
    'gmodule-no-export-2.0', 'gobject-2.0', 'gthread-2.0', 'girepository-2.0',
    # Toolkit and graphics
    'gtk4', 'gtk4-x11', 'gtk4-wayland', 'libadwaita-1', 'graphene-1.0',
    'graphene-gobject-1.0', 'gdk-pixbuf-2.0', 'librsvg-2.0', 'cairo',
    'cairo-gobject', 'cairo-pdf', 'pango', 'pangocairo', 'pangoft2', 'harfbuzz',
    'fontconfig', 'freetype2', 'epoxy', 'gtksourceview-5', 'libportal',
    'libportal-gtk4',
    # Web
    'webkitgtk-6.0', 'webkitgtk-web-process-extension-6.0',
    'javascriptcoregtk-6.0', 'libsoup-3.0', 'json-glib-1.0',
    # Data and formats
    'libxml-2.0', 'libxslt', 'sqlite3', 'zlib', 'libsecret-1',
    'gsettings-desktop-schemas', 'icu-uc', 'icu-i18n', 'libpng', 'libjpeg',
    'libwebp',
    # Multimedia
    'gstreamer-1.0', 'gstreamer-base-1.0', 'gstreamer-video-1.0',
    'gstreamer-audio-1.0', 'gstreamer-app-1.0', 'gstreamer-pbutils-1.0',
    'gstreamer-plugins-base-1.0', 'gstreamer-gl-1.0', 'libpulse',
}

# Optional dependencies (a meson feature option each), by pkg-config name:
# one the runtime lacks passes only when the app module turns its option
# off. The GNOME runtime's WebKitGTK has its own PDF viewer, so the Poppler
# fallback is not built there (-Dpoppler=disabled; see CONTRIBUTING.md).
OPTIONAL_DEPENDENCIES = {
    'poppler-glib': 'poppler',
}

# pkg-config names each manifest module installs, by module name.
MODULE_PROVIDES = {
    'cmark': {'libcmark'},
    'libical': {'libical'},
}

MESON_FILES = [
    'meson.build',
    os.path.join('src', 'meson.build'),
    os.path.join('src', 'web', 'meson.build'),
    os.path.join('tests', 'meson.build'),
]

DEPENDENCY_RE = re.compile(r"(?<![\w.])dependency\(\s*'([^']+)'")


class Checker:
    def __init__(self):
        self.failures = 0
        self.checks = 0

    def check(self, ok, what, why=''):
        self.checks += 1
        if ok:
            print(f'ok    {what}')
        else:
            self.failures += 1
            print(f'FAIL  {what}' + (f': {why}' if why else ''))
        return ok


def load_modules(modules, base_dir, checker):
    """Flattens the module tree; a module may be a path to a JSON file."""
    flat = []
    for module in modules or []:
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            try:
                with open(path, encoding='utf-8') as f:
                    module = json.load(f)
            except (OSError, ValueError) as e:
                checker.check(False, f'module file {path}', str(e))
                continue
        if not isinstance(module, dict):
            checker.check(False, 'module entry', f'not an object: {module!r}')
            continue
        flat.append(module)
        flat.extend(load_modules(module.get('modules'), base_dir, checker))
    return flat


def source_pin_problem(source):
    """Why @source is not pinned, or None when it is."""
    kind = source.get('type')
    if kind in ('archive', 'file'):
        if 'url' in source or 'mirror-urls' in source:
            if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                return f"{kind} {source.get('url')} has no sha256"
        return None
    if kind == 'git':
        if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
            return f"git {source.get('url')} has no commit (a branch or tag can move)"
        return None
    if kind in ('patch', 'script', 'shell', 'inline', 'extra-data'):
        if kind == 'extra-data' and not source.get('sha256'):
            return f"extra-data {source.get('url')} has no sha256"
        return None
    if kind == 'dir':
        return 'a dir source outside the app module builds whatever happens to be on disk'
    return f'unknown source type {kind!r}'


def meson_dependencies(source_root, checker):
    """Maps each dependency('name') in the meson files to where it is."""
    found = {}
    for rel in MESON_FILES:
        path = os.path.join(source_root, rel)
        try:
            with open(path, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except OSError as e:
            checker.check(False, f'read {rel}', str(e))
            continue
        for number, line in enumerate(lines, 1):
            code = strip_comment(line)
            for name in DEPENDENCY_RE.findall(code):
                found.setdefault(name, f'{rel}:{number}')
    return found


def strip_comment(line):
    """@line without a trailing meson comment (# outside a string)."""
    in_string = False
    for i, c in enumerate(line):
        if c == "'":
            in_string = not in_string
        elif c == '#' and not in_string:
            return line[:i]
    return line


def check_manifest(manifest_path, source_root):
    checker = Checker()
    print(f'checking {manifest_path}')
    print(f'  meson files under {source_root}')

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        checker.check(False, 'manifest is readable JSON', str(e))
        return checker

    app_id = manifest.get('id', manifest.get('app-id'))
    checker.check(app_id == APP_ID, f'id is {APP_ID}', f'it is {app_id!r}')
    for key, expected in (('runtime', RUNTIME), ('sdk', SDK),
                          ('runtime-version', RUNTIME_VERSION),
                          ('command', COMMAND)):
        value = manifest.get(key)
        checker.check(value == expected, f'{key} is {expected}',
                      f'it is {value!r}')

    finish_args = manifest.get('finish-args', [])
    extra = [a for a in finish_args if a not in FINISH_ARGS]
    missing = [a for a in FINISH_ARGS if a not in finish_args]
    duplicated = sorted({a for a in finish_args if finish_args.count(a) > 1})
    why = '; '.join(part for part in (
        'not allowed: ' + ' '.join(extra) if extra else '',
        'missing: ' + ' '.join(missing) if missing else '',
        'repeated: ' + ' '.join(duplicated) if duplicated else '',
    ) if part)
    checker.check(not why, 'finish-args are exactly ' + ' '.join(FINISH_ARGS), why)

    base_dir = os.path.dirname(os.path.abspath(manifest_path))
    modules = load_modules(manifest.get('modules'), base_dir, checker)
    if not checker.check(bool(modules), 'manifest has modules', 'none found'):
        return checker

    app_modules = [m for m in modules
                   if any(s.get('type') == 'dir' for s in m.get('sources', []))]
    if checker.check(len(app_modules) == 1,
                     'exactly one module (the app) builds from a dir source',
                     f'found {len(app_modules)}'):
        app = app_modules[0]
        sources = app.get('sources', [])
        checker.check(len(sources) == 1 and sources[0].get('path') == '..',
                      f"app module {app.get('name')!r} builds this tree (one dir source, path \"..\")",
                      f'sources are {sources!r}')
        checker.check(app.get('buildsystem') == 'meson',
                      'app module uses buildsystem meson',
                      f"it is {app.get('buildsystem')!r}")
        checker.check(app.get('run-tests') is True,
                      'app module has run-tests: true',
                      f"it is {app.get('run-tests')!r}")
        checker.check('-Dtests=false' not in app.get('config-opts', []),
                      'app module keeps the tests built',
                      'config-opts has -Dtests=false')
        checker.check(app is modules[-1], 'app module is built last',
                      f"the last module is {modules[-1].get('name')!r}")

    for module in modules:
        if module in app_modules:
            continue
        name = module.get('name')
        sources = module.get('sources', [])
        problems = [p for p in map(source_pin_problem, sources) if p]
        if not sources:
            problems.append('no sources')
        checker.check(not problems, f'module {name!r} has pinned sources',
                      '; '.join(problems))

    cmark = [m for m in modules if m.get('name') == 'cmark']
    if checker.check(len(cmark) == 1, 'one module is named cmark',
                     f'found {len(cmark)}'):
        cmark = cmark[0]
        sources = cmark.get('sources', [])
        pinned = [s for s in sources
                  if s.get('type') == 'archive'
                  and s.get('url') == CMARK_URL
                  and s.get('sha256') == CMARK_SHA256]
        checker.check(len(sources) == 1 and len(pinned) == 1,
                      f'cmark is {CMARK_URL} with sha256 {CMARK_SHA256}',
                      f'sources are {sources!r}')
        checker.check(cmark.get('buildsystem') == 'cmake-ninja',
                      'cmark uses buildsystem cmake-ninja',
                      f"it is {cmark.get('buildsystem')!r}")
        opts = cmark.get('config-opts', [])
        checker.check('-DBUILD_TESTING=OFF' in opts,
                      'cmark is configured with -DBUILD_TESTING=OFF',
                      f'config-opts are {opts!r}')
        old = [o for o in opts if any(n in o for n in CMARK_OLD_OPTIONS)]
        checker.check(not old, 'cmark uses no option that 0.31 dropped',
                      ' '.join(old))

    app_options = []
    if len(app_modules) == 1:
        app_options = app_modules[0].get('config-opts', [])

    built_by = {}
    for module in modules:
        for pc in MODULE_PROVIDES.get(module.get('name'), set()):
            built_by[pc] = module.get('name')
    dependencies = meson_dependencies(source_root, checker)
    checker.check(bool(dependencies),
                  'the meson files declare dependencies',
                  "no dependency('…') found: has the pattern gone stale?")
    for name, where in sorted(dependencies.items()):
        if name in RUNTIME_PKG_CONFIG:
            checker.check(True, f'dependency {name!r} ({where}) is in the GNOME runtime')
        elif name in built_by:
            checker.check(True, f'dependency {name!r} ({where}) is built by module {built_by[name]!r}')
        elif name in OPTIONAL_DEPENDENCIES:
            option = f'-D{OPTIONAL_DEPENDENCIES[name]}=disabled'
            checker.check(option in app_options,
                          f'dependency {name!r} ({where}) is not in the GNOME runtime: the app module has {option}',
                          'it is neither in the runtime nor switched off: add the option or a module that builds it')
        else:
            checker.check(False, f'dependency {name!r} ({where}) is in the GNOME runtime or built by a module',
                          'it is neither: add a module that builds it')

    return checker


def self_test(manifest_path, source_root):
    """Runs the checker on broken copies of the manifest: each must fail."""
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    extra_arg = copy.deepcopy(manifest)
    extra_arg.setdefault('finish-args', []).append('--filesystem=home')

    no_sha = copy.deepcopy(manifest)
    removed = 0
    for module in no_sha.get('modules', []):
        if isinstance(module, dict) and module.get('name') == 'cmark':
            for source in module.get('sources', []):
                if source.pop('sha256', None) is not None:
                    removed += 1
    if removed == 0:
        print('FAIL  self-test: the manifest has no cmark sha256 to remove')
        return 1

    poppler_on = copy.deepcopy(manifest)
    for module in poppler_on.get('modules', []):
        if isinstance(module, dict) and module.get('config-opts'):
            module['config-opts'] = [o for o in module['config-opts'] if o != '-Dpoppler=disabled']

    cases = [
        # name, manifest, expected exit status, text the output must show
        ('unchanged copy', manifest, 0, None),
        ('copy with --filesystem=home added', extra_arg, 1, 'not allowed: --filesystem=home'),
        ("copy without cmark's sha256", no_sha, 1, 'has no sha256'),
        ('copy without -Dpoppler=disabled', poppler_on, 1, 'neither in the runtime nor switched off'),
    ]
    failed = 0
    with tempfile.TemporaryDirectory(prefix='check-manifest-') as tmp:
        for i, (what, data, expected, text) in enumerate(cases):
            path = os.path.join(tmp, f'{i}-{APP_ID}.json')
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(data, f, indent=2)
            run = subprocess.run(
                [sys.executable, os.path.abspath(__file__),
                 '--source-root', source_root, path],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True, check=False)
            print(f'--- {what}:')
            print('\n'.join('    ' + line for line in run.stdout.splitlines()))
            problems = []
            if run.returncode != expected:
                problems.append(f'exit status {run.returncode}, expected {expected}')
            if text is not None and text not in run.stdout:
                problems.append(f'output does not say {text!r}')
            if problems:
                failed += 1
                print(f'FAIL  {what}: ' + '; '.join(problems))
            else:
                print(f'ok    {what}: exit status {run.returncode}'
                      + (f', reports {text!r}' if text else ''))
    print(f'{len(cases)} cases, {failed} failed')
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('manifest')
    parser.add_argument('--source-root',
                        help="the tree with the meson files (default: the manifest's folder's parent)")
    parser.add_argument('--self-test', action='store_true',
                        help='show that broken copies of the manifest fail')
    args = parser.parse_args()

    source_root = args.source_root or os.path.join(
        os.path.dirname(os.path.abspath(args.manifest)), '..')
    source_root = os.path.normpath(source_root)

    if args.self_test:
        return self_test(args.manifest, source_root)

    checker = check_manifest(args.manifest, source_root)
    print(f'{checker.checks} checks, {checker.failures} failed')
    return 1 if checker.failures else 0


if __name__ == '__main__':
    sys.exit(main())
