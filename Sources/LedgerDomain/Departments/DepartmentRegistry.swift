/// One department: its canonical name and every name it goes by.
///
/// Only the names written here are stored; the variants the registry derives from them
/// (`省…`, `四川省…`, window names) are not listed, see `DepartmentRegistry`.
public struct Department: Hashable, Sendable {
    /// The name facts are keyed by, e.g. `应急管理厅`. Never carries the `四川省` prefix.
    public var canonical: String
    /// Other names as written in bulletins, e.g. `应急厅`. Order is kept; duplicates are harmless.
    public var aliases: [String]

    /// A department with its canonical name and, optionally, its aliases.
    public init(canonical: String, aliases: [String] = []) {
        self.canonical = canonical
        self.aliases = aliases
    }
}

/// How a name as written resolved.
public struct DepartmentName: Hashable, Sendable {
    /// The canonical name when registered; otherwise the name as written, whitespace trimmed.
    public var canonical: String
    /// The text exactly as it was given (for `resolve`) or as it appears in the text (for matches).
    public var asWritten: String
    /// False when no department goes by this name: the name is kept, and shown as unregistered.
    public var isRegistered: Bool

    /// A resolved (or unregistered) name.
    public init(canonical: String, asWritten: String, isRegistered: Bool) {
        self.canonical = canonical
        self.asWritten = asWritten
        self.isRegistered = isRegistered
    }
}

/// A match of a department name inside a longer text.
public struct DepartmentMatch: Hashable, Sendable {
    /// The department matched; `asWritten` is the matched slice of the text.
    public var name: DepartmentName
    /// Where the match lies, counted in `Character`s (grapheme clusters) from the start of the
    /// scanned text, not in UTF-8 or UTF-16 units. Covers a trailing `窗口` when it was consumed.
    public var range: Range<Int>

    /// A match of `name` over `range` (Character offsets).
    public init(name: DepartmentName, range: Range<Int>) {
        self.name = name
        self.range = range
    }
}

/// The departments of the service hall and every name each goes by; resolves and finds names.
///
/// Recognised names of a department, for its canonical name and each alias `n`:
/// - `n`, `省n`, `四川省n` (a name already written with `省`/`四川省` gets the other prefix instead
///   of a doubled one, and is not recognised bare: `省委办公厅` never yields `委办公厅`);
/// - window names: the stem of `n` + `窗口`, with the same prefixes, where the stem is `n` without a
///   final unit suffix (厅, 局, 委, 办, 总队, 中心, 委员会, 办公室, 管理局): `应急厅` → `应急窗口`.
///   A name ending in `管理局` yields both stems (`邮政管理局` → `邮政窗口`, `邮政管理窗口`);
/// - any recognised name followed by `窗口` (`司法厅窗口`), consumed by the matcher.
///
/// Bare stems without a unit or `窗口` (`公安`, `民政`, `市场监管`) are deliberately NOT
/// recognised: in bulletins they name sectors as often as departments, so
/// "公安、民政、市场监管等部门" yields no matches.
///
/// Each recognised name belongs to exactly one department: the first to claim it keeps it, and a
/// later claim is reported by `adding` (and dropped silently by `init`).
public struct DepartmentRegistry: Sendable {
    /// The departments in table order, with the aliases actually accepted.
    /// Read-only: extend the registry through `adding`, which keeps the lookup in step.
    public private(set) var departments: [Department]
    /// Every recognised name (without the optional trailing `窗口`) → index into `departments`.
    private var owners: [String: Int]
    /// For each first Character, the distinct lengths (in Characters) of recognised names, longest
    /// first: the matcher tries only these, so a scan costs a handful of lookups per position.
    private var lengthsByFirstCharacter: [Character: [Int]]
    private var longestNameLength: Int

    /// A registry of `departments`, in order. Conflicting names follow the rules of `adding` (an
    /// entry whose canonical name repeats an earlier one merges into it; a name already claimed
    /// by another department is dropped). Use `adding` on an empty registry to see what was dropped.
    public init(departments: [Department]) {
        self.departments = []
        owners = [:]
        lengthsByFirstCharacter = [:]
        longestNameLength = 0
        _ = merge(departments)
    }

    /// The registry with extra departments and aliases (e.g. added by the user at run time).
    ///
    /// An entry whose canonical name exists gains the aliases; a new canonical name is a new
    /// department, appended after the others. A name already claimed by another department is
    /// reported, not silently moved: it stays with its owner and is listed in `conflicts`, which
    /// holds the names as claimed (trimmed), in the order met. If the claimed name is the alias
    /// itself (or a new canonical name), the alias (or the whole entry) is not added; if only a
    /// name derived from it is claimed (`公安局` for another department derives `公安窗口`), the
    /// alias is added and the derived name is listed. `resolve(conflict)` on either registry
    /// names the owner. `self` is unchanged.
    public func adding(_ extra: [Department]) -> (registry: DepartmentRegistry, conflicts: [String]) {
        var registry = self
        let conflicts = registry.merge(extra)
        return (registry, conflicts)
    }

    /// The number of departments.
    public var count: Int { departments.count }

    /// Resolves one name as written: exact canonical, alias, the official long form `四川省…`, a
    /// `省…` form, a window name, or any of these followed by `窗口`.
    ///
    /// Surrounding whitespace (including the ideographic space) is trimmed first. Unknown names
    /// come back with `isRegistered == false` and `canonical` = the trimmed name; they are never
    /// dropped. `asWritten` is `written` untouched.
    public func resolve(_ written: String) -> DepartmentName {
        let name = trimmingWhitespace(written)
        guard let owner = owner(of: name) else {
            return DepartmentName(canonical: name, asWritten: written, isRegistered: false)
        }
        return DepartmentName(canonical: departments[owner].canonical, asWritten: written, isRegistered: true)
    }

    /// All department names inside a text, left to right, non-overlapping, the longest match
    /// first at each position; a `窗口` right after a name is part of the match.
    ///
    /// "省市场监管局窗口" yields one match (市场监管局) covering all eight Characters.
    /// Bare stems are not matched: "公安、民政、市场监管等部门" yields none (see the type's notes).
    /// Ranges are in Characters of `text`. Runs in time linear in the text's length.
    public func matches(in text: String) -> [DepartmentMatch] {
        let characters = Array(text)
        var found: [DepartmentMatch] = []
        var position = 0
        while position < characters.count {
            if let match = longestMatch(in: characters, at: position) {
                found.append(match)
                position = match.range.upperBound
            } else {
                position += 1
            }
        }
        return found
    }

    /// The registered department whose name (or alias, or a variant) starts the text, longest
    /// first, with a following `窗口` consumed; nil when the text starts with no recognised name.
    /// The range is in Characters counted from the start of `text` (not of its base string).
    public func prefixMatch(of text: Substring) -> DepartmentMatch? {
        // A match never reaches past the longest name plus `窗口`.
        let head = Array(text.prefix(longestNameLength + windowWord.count))
        guard !head.isEmpty else { return nil }
        return longestMatch(in: head, at: 0)
    }

    // MARK: - Lookup

    private func owner(of name: String) -> Int? {
        if let owner = owners[name] { return owner }
        if name.hasSuffix(windowWord), name.count > windowWord.count {
            return owners[String(name.dropLast(windowWord.count))]
        }
        return nil
    }

    private func longestMatch(in characters: [Character], at start: Int) -> DepartmentMatch? {
        guard let lengths = lengthsByFirstCharacter[characters[start]] else { return nil }
        for length in lengths where start + length <= characters.count {
            let candidate = String(characters[start..<start + length])
            guard let owner = owners[candidate] else { continue }
            var end = start + length
            if !candidate.hasSuffix(windowWord), end + 1 < characters.count,
               characters[end] == "窗", characters[end + 1] == "口" {
                end += 2
            }
            let name = DepartmentName(
                canonical: departments[owner].canonical,
                asWritten: String(characters[start..<end]),
                isRegistered: true)
            return DepartmentMatch(name: name, range: start..<end)
        }
        return nil
    }

    // MARK: - Building

    /// Adds the entries in order and returns the names that were already claimed elsewhere.
    private mutating func merge(_ extra: [Department]) -> [String] {
        var conflicts: [String] = []
        for entry in extra {
            let canonical = trimmingWhitespace(entry.canonical)
            guard !canonical.isEmpty else { continue }
            let target: Int
            if let existing = owners[canonical], departments[existing].canonical == canonical {
                target = existing
            } else if owner(of: canonical) != nil {
                conflicts.append(canonical)
                continue
            } else {
                departments.append(Department(canonical: canonical))
                target = departments.count - 1
                conflicts += claim(canonical, for: target)
            }
            for alias in entry.aliases {
                conflicts += addAlias(trimmingWhitespace(alias), to: target)
            }
        }
        return conflicts
    }

    private mutating func addAlias(_ alias: String, to target: Int) -> [String] {
        guard !alias.isEmpty, alias != departments[target].canonical,
              !departments[target].aliases.contains(alias) else { return [] }
        if let owner = owner(of: alias), owner != target { return [alias] }
        departments[target].aliases.append(alias)
        return claim(alias, for: target)
    }

    /// Registers every name recognised from `name`; returns those another department holds.
    private mutating func claim(_ name: String, for target: Int) -> [String] {
        var conflicts: [String] = []
        for form in DepartmentRegistry.recognisedNames(of: name) {
            if let owner = owners[form] {
                if owner != target { conflicts.append(form) }
                continue
            }
            owners[form] = target
            register(length: form.count, first: form.first)
        }
        return conflicts
    }

    private mutating func register(length: Int, first: Character?) {
        guard let first else { return }
        longestNameLength = max(longestNameLength, length)
        var lengths = lengthsByFirstCharacter[first, default: []]
        guard !lengths.contains(length) else { return }
        lengths.append(length)
        lengths.sort(by: >)
        lengthsByFirstCharacter[first] = lengths
    }

    /// Every name recognised from one canonical name or alias, before an optional trailing `窗口`
    /// (see the type's notes). May repeat a name; internal so tests can enumerate the table.
    static func recognisedNames(of name: String) -> [String] {
        let core: String
        let prefixes: [String]
        if let stripped = withoutProvincePrefix(name) {
            core = stripped
            prefixes = ["省", "四川省"]
        } else {
            core = name
            prefixes = ["", "省", "四川省"]
        }
        var names = prefixes.map { $0 + core }
        for stem in windowStems(of: core) {
            names += prefixes.map { $0 + stem + windowWord }
        }
        return names
    }

    /// The name without a leading `四川省` or `省`, or nil when it has neither (or is only that).
    private static func withoutProvincePrefix(_ name: String) -> String? {
        for prefix in ["四川省", "省"] where name.hasPrefix(prefix) && name.count > prefix.count {
            return String(name.dropFirst(prefix.count))
        }
        return nil
    }

    private static func windowStems(of name: String) -> [String] {
        guard !name.hasSuffix(windowWord) else { return [] }
        var stems: [String] = []
        for suffix in unitSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            let stem = String(name.dropLast(suffix.count))
            if !stems.contains(stem) { stems.append(stem) }
        }
        return stems
    }
}

private let windowWord = "窗口"

/// Unit suffixes dropped to form a window name, longest first.
private let unitSuffixes = ["委员会", "办公室", "管理局", "总队", "中心", "厅", "局", "委", "办"]

private func trimmingWhitespace(_ text: String) -> String {
    let leading = text.drop(while: \.isWhitespace)
    guard let last = leading.lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return String(leading[...last])
}
