#!/usr/bin/env python3
"""Writes the constants and array layouts Rust and Java must agree on across JNI, from
tools/wire/constants.toml:

    rust/src/wire.rs                                      (module `wire`)
    java/client/src/main/java/glide/internal/Wire.java    (class `glide.internal.Wire`)

    python3 tools/gen-wire-constants.py           # rewrite both files
    python3 tools/gen-wire-constants.py --check   # exit 1 if either differs from the spec

Python 3.11+ standard library only (tomllib). scripts/test.sh runs `--check`.
"""
import sys

if sys.version_info < (3, 11):
    sys.exit("gen-wire-constants.py needs Python 3.11 or later (tomllib)")

import argparse
import pathlib
import re
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "wire" / "constants.toml"
RUST_OUT = ROOT / "rust" / "src" / "wire.rs"
JAVA_OUT = ROOT / "java" / "client" / "src" / "main" / "java" / "glide" / "internal" / "Wire.java"
COMMAND = "python3 tools/gen-wire-constants.py"

# Each value type: its Rust type, its Java type, and the range of its values (Java's byte is
# signed, so a u8 code stays below 128 to read the same on both sides).
RUST_TYPES = {"i32": ("i32", "int", -(2**31), 2**31), "u8": ("u8", "int", 0, 2**7)}
NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
FIGURE = re.compile(r"^[a-z][a-z0-9_]*$")


def fail(message):
    sys.exit(f"{SPEC.relative_to(ROOT)}: {message}")


def load():
    with open(SPEC, "rb") as f:
        spec = tomllib.load(f)
    groups, layouts = [], []
    for key, group in spec.items():
        if key == "statistics":
            continue
        if "positions" in group:
            layouts.append(load_layout(key, group, spec))
            continue
        for field in ("rust", "java", "type", "doc", "values"):
            if field not in group:
                fail(f"[{key}] has no {field}")
        if not isinstance(group.get("java_public", False), bool):
            fail(f"[{key}] java_public must be true or false")
        if group["type"] not in RUST_TYPES:
            fail(f"[{key}] type {group['type']!r} is not one of {sorted(RUST_TYPES)}")
        low, high = RUST_TYPES[group["type"]][2:]
        seen_names, seen_values = set(), {}
        for v in group["values"]:
            name, value = v["name"], v["value"]
            if not NAME.match(name):
                fail(f"[{key}] {name!r} is not an UPPER_CASE name")
            if name in seen_names:
                fail(f"[{key}] {name} is listed twice")
            if not (low <= value < high):
                fail(f"[{key}] {name} = {value} does not fit {group['type']} (and Java's signed byte/int)")
            # Two names for one number only when one of them marks a range (FIRST_ERROR).
            if value in seen_values and not (name.startswith("FIRST_") or seen_values[value].startswith("FIRST_")):
                fail(f"[{key}] {name} and {seen_values[value]} are both {value}")
            seen_names.add(name)
            seen_values.setdefault(value, name)
        groups.append(group)
    figures = spec.get("statistics", {}).get("figures", [])
    names = set()
    for f in figures:
        if not FIGURE.match(f["name"]) or f["name"] in names:
            fail(f"[statistics] {f['name']!r}: names are lower_case and listed once")
        names.add(f["name"])
    return groups, layouts, spec.get("statistics", {}), figures


def load_layout(key, group, spec):
    """A layout: the positions of an array both sides index, each at its place in the list.

    With `each = "<group>"`, every position is a block holding one entry per code of that group
    (codes 0 to n-1), and its constant is the block's first index: `POSITION + code`.
    Returns the group with `offsets` (name, index, doc) and `len` (the record's length) added.
    """
    for field in ("rust", "java", "doc", "positions"):
        if field not in group:
            fail(f"[{key}] has no {field}")
    block = 1
    if "each" in group:
        codes = spec.get(group["each"])
        if codes is None or "values" not in codes:
            fail(f"[{key}] each = {group['each']!r} is not a group of codes")
        values = sorted(v["value"] for v in codes["values"])
        if values != list(range(len(values))):
            fail(f"[{key}] each = {group['each']!r}: its codes are not 0 to n-1, so they cannot index a block")
        block = len(values)
    offsets, seen = [], set()
    for i, p in enumerate(group["positions"]):
        name = p["name"]
        if not NAME.match(name) or name == "LEN" or name in seen:
            fail(f"[{key}] {name!r}: positions are UPPER_CASE names, listed once, and not LEN")
        seen.add(name)
        offsets.append((name, i * block, p.get("doc")))
    return dict(group, offsets=offsets, len=len(offsets) * block)


def wrap(text, width, prefix):
    """`text` as comment lines of at most `width` characters, each starting with `prefix`."""
    lines, line = [], ""
    for word in " ".join(text.split()).split(" "):
        if line and len(prefix) + len(line) + 1 + len(word) > width:
            lines.append(prefix + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(prefix + line)
    return lines


LEN_DOC = "Entries per record: the array's length, or the stride from one record to the next."


def rust(groups, layouts, statistics, figures):
    out = [
        f"//! Generated by `{COMMAND}` from `tools/wire/constants.toml`: do not edit.",
        "//!",
        "//! Every number and array position the Rust core and the Java client (`glide.internal.Wire`,",
        "//! generated from the same file) must agree on across JNI. Change the spec and run the",
        "//! command again.",
        "",
    ]
    for g in groups:
        rtype = RUST_TYPES[g["type"]][0]
        out += wrap(g["doc"], 100, "/// ")
        out.append(f"pub mod {g['rust']} {{")
        for v in g["values"]:
            if "doc" in v:
                out += wrap(v["doc"], 100, "    /// ")
            out.append(f"    pub const {v['name']}: {rtype} = {v['value']};")
        owners = [v["name"] for v in g["values"] if v.get("owns_bytes")]
        from_on = [v["name"] for v in g["values"] if v.get("owns_bytes_from")]
        if owners or from_on:
            out.append("")
            out.append("    /// Whether a completion of `kind` carries a pointer to bytes that must be freed.")
            out.append(f"    pub fn owns_bytes(kind: {rtype}) -> bool {{")
            test = f"matches!(kind, {' | '.join(owners)})" if owners else "false"
            for name in from_on:
                test += f" || kind >= {name}"
            out.append(f"        {test}")
            out.append("    }")
        out.append("}")
        out.append("")
    for g in layouts:
        out += wrap(g["doc"], 100, "/// ")
        out.append(f"pub mod {g['rust']} {{")
        for name, index, doc in g["offsets"]:
            if doc:
                out += wrap(doc, 100, "    /// ")
            out.append(f"    pub const {name}: usize = {index};")
        out.append("")
        out += wrap(g.get("len_doc", LEN_DOC), 100, "    /// ")
        out.append(f"    pub const LEN: usize = {g['len']};")
        out.append("}")
        out.append("")
    if figures:
        out += wrap(statistics.get("doc", ""), 100, "/// ")
        out.append("pub mod stat {")
        for i, f in enumerate(figures):
            out += wrap(f.get("doc", ""), 100, "    /// ")
            out.append(f"    pub const {f['name'].upper()}: usize = {i};")
        out.append("")
        out.append("    /// How many figures there are: the length of the array.")
        out.append(f"    pub const COUNT: usize = {len(figures)};")
        out.append("")
        out.append("    /// Each figure's name, by index: the key `getExtendedStatistics()` publishes it under.")
        out.append("    pub const NAMES: [&str; COUNT] = [")
        for f in figures:
            out.append(f'        "{f["name"]}",')
        out.append("    ];")
        out.append("}")
        out.append("")
        out.append("/// One reading of every figure, by name; [`Statistics::to_array`] puts each at its index")
        out.append("/// (`stat`), which is where Java reads it.")
        out.append("#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]")
        out.append("pub struct Statistics {")
        for f in figures:
            out += wrap(f.get("doc", ""), 100, "    /// ")
            out.append(f"    pub {f['name']}: {'bool' if f.get('bool') else 'i64'},")
        out.append("}")
        out.append("")
        out.append("impl Statistics {")
        out.append("    /// The figures as the `long[]` Java reads: figure `stat::X` at index `stat::X`.")
        out.append("    pub fn to_array(&self) -> [i64; stat::COUNT] {")
        out.append("        let mut out = [0; stat::COUNT];")
        for f in figures:
            value = f"self.{f['name']}"
            if f.get("bool"):
                value = f"i64::from({value})"
            out.append(f"        out[stat::{f['name'].upper()}] = {value};")
        out.append("        out")
        out.append("    }")
        out.append("}")
        out.append("")
    out += [
        "#[cfg(test)]",
        "mod tests {",
        "    /// This file and the Java one are what the spec gives: editing either by hand, or the spec",
        "    /// without running the generator, fails here (and in scripts/test.sh's `--check`).",
        "    #[test]",
        "    fn the_generated_files_match_their_spec() {",
        '        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");',
        '        let out = std::process::Command::new("python3")',
        '            .args(["tools/gen-wire-constants.py", "--check"])',
        "            .current_dir(root)",
        "            .output()",
        '            .expect("python3 runs tools/gen-wire-constants.py");',
        '        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));',
        "    }",
        "}",
        "",
    ]
    return "\n".join(out)


def java_literal(value):
    return str(value)


def java(groups, layouts, statistics, figures):
    out = [
        f"// Generated by `{COMMAND}` from tools/wire/constants.toml: do not edit.",
        "package glide.internal;",
        "",
        "/**",
        " * Every number and array position the Java client and the Rust core ({@code rust/src/wire.rs},",
        " * generated from the same file) must agree on across JNI. Change {@code",
        " * tools/wire/constants.toml} and run the command above again.",
        " */",
        # Public only when a group must be read outside glide.internal (java_public).
        ("public final class Wire {" if any(g.get("java_public") for g in groups) else "final class Wire {"),
        "    private Wire() {}",
    ]
    for g in groups:
        out.append("")
        out.append("    /**")
        out += wrap(javadoc(g["doc"]), 100, "     * ")
        out.append("     */")
        access = "public " if g.get("java_public") else ""
        out.append(f"    {access}static final class {g['java']} {{")
        out.append(f"        private {g['java']}() {{}}")
        out.append("")
        for v in g["values"]:
            if "doc" in v:
                out.append(f"        /** {javadoc(v['doc'])} */")
            out.append(f"        {access}static final int {v['name']} = {java_literal(v['value'])};")
        owners = [v["name"] for v in g["values"] if v.get("owns_bytes")]
        from_on = [v["name"] for v in g["values"] if v.get("owns_bytes_from")]
        if owners or from_on:
            out.append("")
            out.append("        /** Whether the payload of a completion of this kind is a native pointer to free. */")
            out.append("        static boolean ownsBytes(int kind) {")
            out.append("            switch (kind) {")
            for name in owners:
                out.append(f"                case {name}:")
            out.append("                    return true;")
            out.append("                default:")
            rest = " || ".join(f"kind >= {n}" for n in from_on) or "false"
            out.append(f"                    return {rest};")
            out.append("            }")
            out.append("        }")
        out.append("    }")
    for g in layouts:
        out.append("")
        out.append("    /**")
        out += wrap(javadoc(g["doc"]), 100, "     * ")
        out.append("     */")
        out.append(f"    static final class {g['java']} {{")
        out.append(f"        private {g['java']}() {{}}")
        out.append("")
        for name, index, doc in g["offsets"]:
            if doc:
                out.append(f"        /** {javadoc(doc)} */")
            out.append(f"        static final int {name} = {index};")
        out.append("")
        out.append(f"        /** {javadoc(g.get('len_doc', LEN_DOC))} */")
        out.append(f"        static final int LEN = {g['len']};")
        out.append("    }")
    if figures:
        out.append("")
        out.append("    /**")
        out += wrap(javadoc(statistics.get("doc", "")), 100, "     * ")
        out.append("     */")
        out.append("    static final class Stat {")
        out.append("        private Stat() {}")
        out.append("")
        for i, f in enumerate(figures):
            if f.get("doc"):
                out.append(f"        /** {javadoc(f['doc'])} */")
            out.append(f"        static final int {f['name'].upper()} = {i};")
        out.append("")
        out.append("        /** How many figures there are: the length of the array. */")
        out.append(f"        static final int COUNT = {len(figures)};")
        out.append("")
        out.append("        /** Each figure's key, by index. */")
        out.append("        static String key(int index) {")
        out.append("            switch (index) {")
        for i, f in enumerate(figures):
            out.append(f"                case {f['name'].upper()}:")
            out.append(f'                    return "{f["name"]}";')
        out.append("                default:")
        out.append('                    throw new IllegalArgumentException("no statistic " + index);')
        out.append("            }")
        out.append("        }")
        out.append("")
        out.append("        /** Figure {@code index}'s value as text: a number, or true/false for a flag. */")
        out.append("        static String format(int index, long value) {")
        flags = [f["name"].upper() for f in figures if f.get("bool")]
        if flags:
            out.append(f"            if ({' || '.join(f'index == {n}' for n in flags)}) {{")
            out.append('                return value != 0 ? "true" : "false";')
            out.append("            }")
        out.append("            return Long.toString(value);")
        out.append("        }")
        out.append("    }")
    out.append("}")
    out.append("")
    return "\n".join(out)


def javadoc(text):
    """Markdown code spans as {@code}; the rest as is."""
    return re.sub(r"`([^`]*)`", r"{@code \1}", " ".join(text.split()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if a generated file differs from the spec")
    args = parser.parse_args()
    groups, layouts, statistics, figures = load()
    wanted = {
        RUST_OUT: rust(groups, layouts, statistics, figures),
        JAVA_OUT: java(groups, layouts, statistics, figures),
    }
    stale = []
    for path, text in wanted.items():
        current = path.read_text() if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT))
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        names = ", ".join(str(p) for p in stale)
        sys.exit(f"{names} differ(s) from tools/wire/constants.toml: run `{COMMAND}` and commit the result")


if __name__ == "__main__":
    main()
