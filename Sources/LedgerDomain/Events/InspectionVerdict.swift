/// What one item of the hall inspection (大厅巡查情况) found, as the bulletin words it.
///
/// The parser says `satisfactory` only on wording that says so (良好, 到位, 有序, 未发现…,
/// 均按规定…) and `finding` only on wording that reports a problem (发现…迟到, 未佩戴, 不规范…);
/// anything else is `unclassified`: kept, warned about, and shown as needing a person's look
/// until `ledger correct SEQ --set verdict=…` settles it.
public enum InspectionVerdict: String, Sendable, CaseIterable, Comparable {
    /// The item was found in order (`总体情况良好`).
    case satisfactory
    /// The inspectors reported a problem (`发现 2名工作人员迟到`): a user must see it.
    case finding
    /// The wording says neither: a person must read it.
    case unclassified

    /// Findings first, then what needs a look, then the satisfactory: the order answers list them in.
    public static func < (lhs: InspectionVerdict, rhs: InspectionVerdict) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .finding: return 0
        case .unclassified: return 1
        case .satisfactory: return 2
        }
    }

    /// The verdict of a stored payload; a value this build does not know reads as unclassified.
    public init(payload text: String?) {
        self = text.flatMap(InspectionVerdict.init(rawValue:)) ?? .unclassified
    }
}
