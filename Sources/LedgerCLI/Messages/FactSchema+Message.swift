import LedgerDomain

extension FactSchema.Kind {
    /// What to type for a field of this kind, as a catalogue message (its English is ``expected``).
    var expectedMessage: Message {
        switch self {
        case .integer: Message(.expectedInteger)
        case .share: Message(.expectedShare)
        case .text: Message(.expectedText)
        case .date: Message(.expectedDate, .message(Message(.dateForms)))
        case .boolean: Message(.expectedBoolean)
        case .list: Message(.expectedList)
        case .verdict: Message(.expectedVerdict)
        }
    }
}
