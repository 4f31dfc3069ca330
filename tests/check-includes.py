#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails on an include that breaks the layers of DESIGN.md ("What each
# library may use"):
#   - a `../` include;
#   - an edge a layer may not take (a project header of a layer it may not
#     use, or a system header of a library it may not use);
#   - any include cycle between files, where a .c and its .h are one node.
# Exceptions (today's known violations) are listed in the exceptions file,
# one per line; one that no longer matches is an error too, so that the step
# which fixes a violation also deletes its exception.
#
# Usage: check-includes.py SRCDIR EXCEPTIONS [DIR...]
# (the DIRs, such as tests/, are checked for `../` includes only)

import os
import re
import sys

LAYERS = ('core', 'formats', 'net', 'store', 'web', 'ui', 'main')

# Project layers each layer may include, itself always.
PROJECT = {
    'core': set(),
    'formats': {'core'},
    'net': set(),
    'store': {'core', 'formats', 'net'},
    'web': {'core'},
    'ui': {'core', 'store', 'web'},
    'main': {'ui'},
}

# System libraries by the header paths that reveal them.
SYSTEM = (
    ('gtk', re.compile(r'^(gtk|gdk|gsk)/')),
    ('adwaita', re.compile(r'^adwaita\.h$')),
    ('libxml2', re.compile(r'^libxml/')),
    ('cmark', re.compile(r'^cmark\.h$')),
    ('json-glib', re.compile(r'^json-glib/')),
    ('libical', re.compile(r'^libical/')),
    ('libsoup', re.compile(r'^libsoup/')),
    ('webkit', re.compile(r'^webkit/')),
    ('sqlite', re.compile(r'^sqlite3\.h$')),
    ('libportal', re.compile(r'^libportal')),
    ('gmodule', re.compile(r'^gmodule\.h$')),
)

# System libraries each layer may include (GLib and GIO everywhere). The
# modules are the two files that alone see libsoup and WebKit.
SYSTEM_ALLOWED = {
    'core': set(),
    'formats': {'libxml2', 'cmark', 'json-glib', 'libical'},
    'net': {'gmodule'},
    'store': {'sqlite'},
    'web': {'gtk', 'adwaita', 'gmodule'},
    'ui': {'gtk', 'adwaita', 'libportal', 'gmodule'},
    'main': {'gtk', 'adwaita'},
}
MODULES = {
    'net/ncl-net.c': {'libsoup'},
    'web/ncl-web-content.c': {'webkit'},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def fail(problems, message):
    problems.append(message)


def node(path):
    """A .c and its .h are one node: the path without its extension."""
    return os.path.splitext(path)[0]


def main():
    srcdir, exceptions_path = sys.argv[1], sys.argv[2]
    problems = []

    files = []
    for root, dirs, names in os.walk(srcdir):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                files.append(os.path.relpath(os.path.join(root, name), srcdir))

    # Exceptions: "place FILE LAYER" for a file not yet in its layer's
    # folder; "include FILE HEADER" for an edge allowed for now.
    places = {}
    allowed = set()
    used = set()
    with open(exceptions_path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0].split()
            if not line:
                continue
            where = '%s:%d' % (exceptions_path, number)
            if len(line) == 3 and line[0] == 'place' and line[2] in LAYERS:
                places[line[1]] = line[2]
            elif len(line) == 3 and line[0] == 'include':
                allowed.add((line[1], line[2]))
            else:
                fail(problems, '%s: not "place FILE LAYER" or "include FILE HEADER"' % where)

    def layer(path):
        if path in places:
            used.add(('place', path))
            return places[path]
        if path == 'main.c':
            return 'main'
        top = path.split(os.sep)[0]
        if top in LAYERS and top != 'main' and os.sep in path:
            return top
        return None

    by_name = {}
    for path in files:
        by_name.setdefault(os.path.basename(path), []).append(path)

    def resolve(path, header):
        here = os.path.normpath(os.path.join(os.path.dirname(path), header))
        if here in files:
            return here
        if header in files:
            return header
        found = by_name.get(os.path.basename(header), [])
        found = [f for f in found if f.endswith(os.sep + header) or f == header]
        return found[0] if len(found) == 1 else None

    edges = {}
    for path in files:
        from_layer = layer(path)
        if from_layer is None:
            fail(problems, '%s: in no layer (move it into its folder, or add "place %s LAYER")' % (path, path))
            continue
        with open(os.path.join(srcdir, path), encoding='utf-8') as f:
            for number, text in enumerate(f, 1):
                m = INCLUDE.match(text)
                if not m:
                    continue
                kind, header = m.groups()
                where = '%s:%d' % (path, number)
                if '../' in header:
                    fail(problems, '%s: includes "%s" (a ../ include; use the dependency\'s include directory)' % (where, header))
                    continue
                exempt = (path, header) in allowed
                if exempt:
                    used.add(('include', path, header))
                if kind == '<':
                    for library, pattern in SYSTEM:
                        if not pattern.search(header):
                            continue
                        if library in SYSTEM_ALLOWED[from_layer] or library in MODULES.get(path, ()):
                            break
                        if not exempt:
                            fail(problems, '%s: %s may not include <%s> (%s)' % (where, from_layer, header, library))
                        break
                    continue
                target = resolve(path, header)
                if target is None:
                    continue  # generated (config.h, resources) or not ours
                to_layer = layer(target)
                if to_layer is None:
                    continue  # reported for the target itself
                if exempt:
                    continue
                if to_layer != from_layer and to_layer not in PROJECT[from_layer]:
                    fail(problems, '%s: %s may not include "%s" (%s)' % (where, from_layer, header, to_layer))
                if node(target) != node(path):
                    edges.setdefault(node(path), set()).add(node(target))

    # Cycles: depth-first search, each cycle reported once by its members.
    seen_cycles = set()
    state = {}
    stack = []

    def visit(n):
        state[n] = 'open'
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 'open':
                cycle = stack[stack.index(m):]
                key = frozenset(cycle)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    fail(problems, 'include cycle: %s' % ' -> '.join(cycle + [m]))
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 'done'

    for n in sorted(edges):
        if n not in state:
            visit(n)

    for path, wanted in sorted(places.items()):
        if ('place', path) not in used:
            fail(problems, '%s: stale exception "place %s %s" (no such file, delete the line)' % (exceptions_path, path, wanted))
    for path, header in sorted(allowed):
        if ('include', path, header) not in used:
            fail(problems, '%s: stale exception "include %s %s" (no such include, delete the line)' % (exceptions_path, path, header))

    for extra in sys.argv[3:]:
        for root, dirs, names in os.walk(extra):
            dirs.sort()
            for name in sorted(names):
                if not name.endswith(('.c', '.h')):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding='utf-8') as f:
                    for number, text in enumerate(f, 1):
                        m = INCLUDE.match(text)
                        if m and '../' in m.group(2):
                            fail(problems, '%s:%d: includes "%s" (a ../ include)' % (path, number, m.group(2)))

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print('%d files: no ../ include, no forbidden edge, no include cycle' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
