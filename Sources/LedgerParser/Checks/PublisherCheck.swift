/// What the masthead says of who published the bulletin (发布单位), for ingest to check against
/// the ledger's publishers (``IngestPlanner``, ``IngestHistory/publishers``).
///
/// A masthead that names another publisher is refused at ingest: it is another hall's bulletin.
/// A masthead that names none is accepted, with this warning: its form (issue line, date,
/// period) is this hall's, and no publisher is no evidence of another's; refusing it would
/// refuse a bulletin for what its extraction lost, and accepting it silently would hide that
/// the check could not be made.
enum PublisherCheck {
    /// The warning for a masthead that names no publisher; nil when it names one.
    static func unnamed(_ issue: Bulletin.Issue) -> Diagnostic? {
        guard issue.publisher == nil else { return nil }
        return Diagnostic(.warning, .unreadable,
            .noPublisher,
            lines: issue.provenance.lines)
    }
}
