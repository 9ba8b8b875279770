/// The event types of the ledger. Each is emitted once per fact; its payload keys are the
/// projections' JSON names. `valid` is the date the fact is true for.
public enum EventType {
    /// An issue of the bulletin was ingested (窗口工作周报 第N期). Emitted first in every ingest
    /// batch; folds into the `issues` projection. Payload: `issue` (`2023-06`), `year`,
    /// `number`, `serial` (总第N期), `publisher`, `published`, `title`, `from`, `through`,
    /// `printRun` (共印N份), `distribution` (报/送/发), `sections`, `partial`,
    /// `artefactLines`, `encoding`, `facts`. Valid: the period's last day.
    public static let issuePublished = "issue.published"

    /// Year-to-date counts of one category of provincial service items (省级政务服务事项受理
    /// 办理情况: 行政许可事项, 公共服务事项, 其它九类行权事项). Folds into `totals`. Payload:
    /// `category`, `label`, `accepted` (受理), `completed` (办结), `from`, `through`.
    public static let itemsCounted = "items.counted"

    /// Comprehensive-window counts (省本级综窗办件情况), this week and year to date: `week` and
    /// `yearToDate`, each with `consultations` (咨询), `accepted` (受理), `issued` (颁发),
    /// `transferred` (流转). Folds into `window`.
    public static let windowCounted = "window.counted"

    /// Authorization of the no-difference comprehensive window (事项纳入及授权情况): `stationed`
    /// (进驻, 共N个), `authorized` (已授权), `unauthorized` (未授权), `authorizedShare` and
    /// `unauthorizedShare` as printed (占比), `increase` (较上周新增). Folds into `authorization`.
    public static let authorizationReported = "authorization.reported"

    /// A department newly authorized since the last report (新增部门): `department` (canonical),
    /// `asWritten`, `registered`, `partial` (部分事项授权). Folds into `authorization`.
    public static let departmentAuthorized = "department.authorized"

    /// A leader's visit (厅（局）长进大厅): `date`, `department`, `asWritten`, `registered`,
    /// `titles`, `person`. Valid: the visit's date. Folds into `visits`.
    public static let visitRecorded = "visit.recorded"

    /// One item of the hall inspection (大厅巡查情况): `ordinal`, `item`, `verdict`
    /// (`satisfactory`, `finding`, or `unclassified` where the wording says neither: see
    /// ``InspectionVerdict``), `text`. Folds into `inspections`.
    public static let inspectionRecorded = "inspection.recorded"

    /// A news paragraph (窗口工作动态): `section`, `ordinal`, `date` (or null for 近日),
    /// `departments`, `text`. Valid: its date, else the period's last day.
    public static let newsReported = "news.reported"

    /// A progress item of the comprehensive-window campaign (推进情况): `section`, `ordinal`,
    /// `departments`, `text`.
    public static let progressReported = "progress.reported"

    /// Text the parser could not place, kept rather than dropped: `section`, `text`.
    public static let paragraphUnplaced = "paragraph.unplaced"

    /// A check across issues that did not hold when the issue was ingested (a warning, kept
    /// with the issue): `check`, `message`, and the figures compared.
    public static let checkFailed = "check.failed"

    /// An ingested issue was replaced by a new document (`ingest --supersede`): `issue`,
    /// `previousDocument`, `document`, `retracted` (the seqs of the old facts).
    public static let issueSuperseded = "issue.superseded"

    /// A correction of one fact (`ledger correct`, `ledger reparse --apply`): `target` (the
    /// fact's seq), `issue`, `targetType`, `changes` ([{field, from, to}]). Valid: the fact's.
    /// Projections apply it to the fact; `--known-at` before it shows the old value.
    public static let factCorrected = "fact.corrected"

    /// A fact withdrawn (`ledger retract`, `reparse --apply`): `target`, `issue`, `targetType`.
    /// Projections drop the fact.
    public static let factRetracted = "fact.retracted"

    /// A contradiction within an issue that was accepted on purpose
    /// (`--accept-inconsistent --reason`): `issue`, `problems`.
    public static let inconsistencyAccepted = "inconsistency.accepted"

    /// A department or aliases registered by a user (`ledger register`), extending the shipped
    /// registry without a rebuild: `department` (canonical), `aliases`. Ledger-level: no valid
    /// date. Folds into the registry every command resolves names with.
    public static let departmentRegistered = "department.registered"

    /// Another name of this ledger's centre as the masthead writes it (发布单位), registered by a
    /// user (`ledger register --publisher NAME`): `publisher`. Ledger-level: no valid date. Folds
    /// into the ``PublisherRegistry`` that ingest checks each bulletin's publisher against.
    public static let publisherRegistered = "publisher.registered"

    /// The first record of a log rewritten in format 2 by `ledger migrate` (seq 0, before the
    /// events, which keep their seqs): `fromFormat`, `head` (`seq`, `hash`, `bytes` of the old
    /// log), `archive` (where the old log is kept, relative to `EventLog/`), `records`.
    /// Ledger-level: no valid date; projections ignore it.
    public static let logMigrated = "log.migrated"

    /// Every event type this build writes.
    public static let all = [
        issuePublished, itemsCounted, windowCounted, authorizationReported, departmentAuthorized, visitRecorded,
        inspectionRecorded, newsReported, progressReported, paragraphUnplaced, checkFailed, issueSuperseded,
        inconsistencyAccepted, factCorrected, factRetracted, departmentRegistered, publisherRegistered, logMigrated,
    ]
}
