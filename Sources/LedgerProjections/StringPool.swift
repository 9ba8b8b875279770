/// Strings that many facts repeat (department names, inspection items, the verdict
/// 总体情况良好。), kept once: a long history folds into one copy of each spelling, not one per
/// record. Strings compare by their exact UTF-8 bytes, so no spelling ever stands in for another
/// that Swift would call equal.
///
/// A cache, not part of the state's value: any two pools compare equal.
struct StringPool: Sendable, Equatable {
    private var known: Set<Spelling> = []

    /// The pooled copy of `text` (`text` itself the first time it is seen). Strings short enough
    /// to be stored inline are returned as they are.
    mutating func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return known.insert(Spelling(text: text)).memberAfterInsert.text
    }

    static func == (lhs: StringPool, rhs: StringPool) -> Bool { true }

    /// A string hashed and compared by its bytes.
    private struct Spelling: Hashable, Sendable {
        let text: String

        static func == (lhs: Spelling, rhs: Spelling) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
